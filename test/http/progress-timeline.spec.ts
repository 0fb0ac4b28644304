// 审核进度 / 流程进度: the workflow route gives a step timeline (step, handling org, times, deadline) that the
// applicant and the reviewers read beside the diagram; it names orgs, never the people who decided.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINEER_MATERIALS, engineer, engineerForm } from '../support/engineer.js';
import { startHarness, type Harness } from '../support/harness.js';
import { prepareApplication } from '../support/applicant-flow.js';

interface Step {
  elementId: string;
  name: string;
  state: string;
  enteredAt: string;
  leftAt?: string;
  dueAt?: string;
  handler?: string;
}

describe('progress timeline through the API', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      now: '2022-06-01T02:00:00.000Z',
      users: [engineer('li', '李工'), { id: 'unit-rev', name: '赵审核', roles: [{ role: 'unitReviewer', orgId: 'unit-hhht-design' }] }],
    });
  });
  afterAll(async () => h.close());

  it('during the unit 公示: unit review done by the unit, 公示 open until its last day', async () => {
    const li = h.as('li');
    const id = await prepareApplication(li, { campaignId: '2022', levelKey: 'gongcheng.zhongji', form: engineerForm('李工'), materials: ENGINEER_MATERIALS });
    expect((await li({ method: 'POST', url: `/api/applications/${id}/submit` })).statusCode).toBe(200);
    h.clock.set('2022-06-02T03:00:00.000Z');
    const taskId = (await h.as('unit-rev')({ method: 'GET', url: '/api/tasks' })).json().items[0].taskId as string;
    const done = await h.as('unit-rev')({ method: 'POST', url: `/api/tasks/${id}/${taskId}/complete`, payload: { payload: { decision: 'approve', comment: '同意' } } });
    expect(done.statusCode, done.body).toBe(200);

    for (const who of ['li', 'unit-rev']) {
      const wf = await h.as(who)({ method: 'GET', url: `/api/applications/${id}/workflow` });
      expect(wf.statusCode).toBe(200);
      const timeline = wf.json().timeline as Step[];
      const review = timeline.find((s) => s.elementId === 'unitReview');
      expect(review).toMatchObject({ name: '单位审核', state: 'done', handler: '呼和浩特市建筑设计研究院', enteredAt: '2022-06-01T02:00:00.000Z', leftAt: '2022-06-02T03:00:00.000Z' });
      const current = timeline.at(-1);
      expect(current).toMatchObject({ elementId: 'publicity', state: 'active', dueAt: done.json().timers[0].dueAt });
      // org names only: not the reviewer's account or name
      expect(JSON.stringify(timeline)).not.toMatch(/unit-rev|赵审核/);
    }
  });
});
