// 发送通知 through the API: a flow editor inserts a 发送通知 step after 单位审核 (申报人, the offices that handled
// the application so far, and the competent department's reviewers; the generic 流程通知 template) and publishes;
// when 单位审核 approves, each of them finds one notification with the template's words, written with the transition.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Step, StepFlow } from '../../server/domain/workflow/steps/types.js';
import { prepareApplication } from '../support/applicant-flow.js';
import { ENGINEER_MATERIALS, engineer, engineerForm } from '../support/engineer.js';
import { startHarness, type Harness } from '../support/harness.js';

interface Body {
  name: string;
  xml: string;
  steps?: StepFlow;
}
interface Item {
  id: string;
  event: string;
  title: string;
  body: string;
  link?: string;
  applicationId?: string;
}

const tell: Step = { type: 'notify', id: 'tellEveryone', name: '通知单位审核结果', to: ['applicant', 'handlers'], role: 'competentReviewer', scope: 'competent' };

describe('a 发送通知 step tells people', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      now: '2022-06-01T02:00:00.000Z',
      users: [
        engineer('li', '李工'),
        { id: 'unit-rev', name: '赵审核', roles: [{ role: 'unitReviewer', orgId: 'unit-hhht-design' }] },
        { id: 'dept-rev', name: '吴主管', roles: [{ role: 'competentReviewer', orgId: '150100-jianshe' }] },
        { id: 'other-rev', name: '周审核', roles: [{ role: 'unitReviewer', orgId: '150100-hrss' }] },
      ],
    });
  }, 300_000); // seeding FerretDB on a loaded 2-core machine can take minutes
  afterAll(async () => h?.close());

  const notices = async (user: string): Promise<Item[]> => {
    const res = await h.as(user)({ method: 'GET', url: '/api/notifications' });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as Item[]).filter((n) => n.event === 'flow.notice');
  };

  it('publishes a flow with the step; approving 单位审核 tells the applicant, the unit and the competent department once each', async () => {
    const editor = h.as('demo-flow-jianshe');
    const seeded = (await h.platform.store.getDefinition<Body>('workflow', 'unit-review', 'latest'))!.body;
    const steps: StepFlow = { ...seeded.steps!, chain: [seeded.steps!.chain[0]!, tell, ...seeded.steps!.chain.slice(1)] };
    const compiled = await editor({ method: 'POST', url: '/api/workflow-steps/compile', payload: { key: 'unit-review', name: seeded.name, steps } });
    expect(compiled.statusCode, compiled.body).toBe(200);
    const xml = compiled.json().xml as string;
    expect(xml).toMatch(/<zc:Notify to="applicant,handlers" role="competentReviewer" scope="competent" template="notify-flow" \/>/);
    expect((await editor({ method: 'PUT', url: '/api/definitions/workflow/unit-review/draft', payload: { body: { ...seeded, xml, steps } } })).statusCode).toBe(200);
    expect((await editor({ method: 'POST', url: '/api/definitions/workflow/unit-review/publish' })).statusCode).toBe(200);

    const id = await prepareApplication(h.as('li'), { campaignId: '2022', levelKey: 'gongcheng.zhongji', form: engineerForm('李工'), materials: ENGINEER_MATERIALS });
    expect((await h.as('li')({ method: 'POST', url: `/api/applications/${id}/submit` })).statusCode).toBe(200);
    expect(await notices('li')).toEqual([]);
    const task = ((await h.as('unit-rev')({ method: 'GET', url: '/api/tasks' })).json().items as { applicationId: string; taskId: string }[]).find((t) => t.applicationId === id)!;
    const approved = await h.as('unit-rev')({ method: 'POST', url: `/api/tasks/${id}/${task.taskId}/complete`, payload: { payload: { decision: 'approve', comment: '同意' } } });
    expect(approved.statusCode, approved.body).toBe(200);

    const [mine, ...more] = await notices('li');
    expect(more).toEqual([]);
    expect(mine).toMatchObject({ id: `flow.notice:${id}:tellEveryone#1:li`, applicationId: id, link: '/my' });
    expect(mine!.title).toBe('流程通知：李工的工程师申报已到“通知单位审核结果”');
    expect(mine!.body).toContain('李工，您好：');
    expect(mine!.body).toContain('李工申报的工程技术人员·工程师已到“通知单位审核结果”环节');
    for (const who of ['unit-rev', 'dept-rev']) {
      const got = await notices(who);
      expect(got, who).toHaveLength(1);
      expect(got[0]).toMatchObject({ id: `flow.notice:${id}:tellEveryone#1:${who}`, link: '/workbench', title: '流程通知：李工的工程师申报已到“通知单位审核结果”' });
    }
    // another unit's reviewer never handled it and is not told
    expect(await notices('other-rev')).toEqual([]);
  });
});
