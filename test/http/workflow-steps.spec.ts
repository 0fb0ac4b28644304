// 简易模式 through the API: the seeded unit review is a step flow whose BPMN is what its steps compile to;
// a 专家组初审 step inserted after 单位审核 compiles, saves and publishes as standard BPMN, and the next
// application stops at it; a flow changed as BPMN beyond its steps is reported as 高级; steps that cannot
// work are refused with every problem at its step, and only flow editors may compile.
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

const expertPanel: Step = { type: 'review', id: 'expertPanel', name: '专家组初审', role: 'committeeClerk', scope: 'committeeOffice', conclusions: ['approve', 'reject'] };

describe('the step designer’s API', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      now: '2022-06-01T02:00:00.000Z',
      users: [
        engineer('li', '李工'),
        engineer('wang', '王工'),
        { id: 'unit-rev', roles: [{ role: 'unitReviewer', orgId: 'unit-hhht-design' }] },
        { id: 'office', roles: [{ role: 'committeeClerk', orgId: 'office-gongcheng' }] },
      ],
    });
  });
  afterAll(async () => h.close());

  const admin = () => h.as('demo-admin');
  const latest = async (key: string): Promise<Body> => (await h.platform.store.getDefinition<Body>('workflow', key, 'latest'))!.body;
  const compile = (payload: object, who = 'demo-admin') => h.as(who)({ method: 'POST', url: '/api/workflow-steps/compile', payload });

  it('the seeded unit review is a step flow: its BPMN is exactly what its steps compile to', async () => {
    const seeded = await latest('unit-review');
    expect(seeded.steps?.chain.map((s) => s.name)).toEqual(['单位审核', '单位公示', '主管部门审核', '审核通过']);
    const res = await compile({ key: 'unit-review', name: seeded.name, steps: seeded.steps, xml: seeded.xml });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ matches: true, xml: seeded.xml });
    expect(res.json().owners).toMatchObject({ correct: 'unitReview', openPublicity: 'publicity' });
  });

  it('a department flow editor inserts a 专家组初审 step after 单位审核 and publishes; the next application stops at it, one already in flight does not', async () => {
    const editor = h.as('demo-flow-jianshe'); // the 住建局's flow editor: unit-review is its department's flow
    // in flight before the change: submitted on version 1
    const early = await prepareApplication(h.as('wang'), { campaignId: '2022', levelKey: 'gongcheng.zhongji', form: engineerForm('王工'), materials: ENGINEER_MATERIALS });
    expect((await h.as('wang')({ method: 'POST', url: `/api/applications/${early}/submit` })).json().pinned).toMatchObject({ workflowKey: 'unit-review', workflow: 1 });

    const seeded = await latest('unit-review');
    const steps: StepFlow = { ...seeded.steps!, chain: [seeded.steps!.chain[0]!, expertPanel, ...seeded.steps!.chain.slice(1)] };
    const compiled = await compile({ key: 'unit-review', name: seeded.name, steps }, 'demo-flow-jianshe');
    expect(compiled.statusCode, compiled.body).toBe(200);
    const xml = compiled.json().xml as string;
    expect(xml).toMatch(/<bpmn:userTask id="expertPanel" name="专家组初审">/);
    expect(xml).toContain('<bpmndi:BPMNShape id="expertPanel_di"');

    const draft = await editor({ method: 'PUT', url: '/api/definitions/workflow/unit-review/draft', payload: { body: { ...seeded, xml, steps } } });
    expect(draft.statusCode, draft.body).toBe(200);
    const published = await editor({ method: 'POST', url: '/api/definitions/workflow/unit-review/publish' });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ version: 2, body: { steps: { chain: expect.arrayContaining([expect.objectContaining({ id: 'expertPanel' })]) } } });

    const id = await prepareApplication(h.as('li'), { campaignId: '2022', levelKey: 'gongcheng.zhongji', form: engineerForm('李工'), materials: ENGINEER_MATERIALS });
    const submitted = await h.as('li')({ method: 'POST', url: `/api/applications/${id}/submit` });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().pinned).toMatchObject({ workflowKey: 'unit-review', workflow: 2 });
    const unitTasks = (await h.as('unit-rev')({ method: 'GET', url: '/api/tasks' })).json().items as { applicationId: string; taskId: string }[];
    for (const app of [id, early]) {
      const task = unitTasks.find((t) => t.applicationId === app)!;
      const approved = await h.as('unit-rev')({ method: 'POST', url: `/api/tasks/${app}/${task.taskId}/complete`, payload: { payload: { decision: 'approve', comment: '同意' } } });
      expect(approved.statusCode, approved.body).toBe(200);
    }
    // the new application waits at 专家组初审; the one in flight stays on version 1 and goes on to its 公示
    const inbox = (await h.as('office')({ method: 'GET', url: '/api/tasks' })).json();
    expect(inbox.items).toEqual([expect.objectContaining({ applicationId: id, elementId: 'expertPanel', name: '专家组初审' })]);
    const earlyFlow = (await admin()({ method: 'GET', url: `/api/applications/${early}` })).json();
    expect(earlyFlow.pinned).toMatchObject({ workflow: 1 });
    expect(earlyFlow.workflow.timers.length, JSON.stringify(earlyFlow.workflow)).toBeGreaterThan(0); // its 单位公示 runs
    expect(JSON.stringify(earlyFlow.workflow)).not.toContain('expertPanel');
  });

  it('BPMN changed in the modeler beyond its steps is 高级 (matches: false)', async () => {
    const flow = await latest('league-review');
    const renamed = flow.xml.replace('name="盟市人社部门审核汇总"', 'name="盟市人社部门审核（改）"');
    expect(renamed).not.toBe(flow.xml);
    const res = await compile({ key: 'league-review', name: flow.name, steps: flow.steps, xml: renamed });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().matches).toBe(false);
  });

  it('steps that cannot work are refused with each problem at its step; nothing but flow editors may compile', async () => {
    const empty = await compile({ key: 'x-flow', name: '新流程', steps: { chain: [] } });
    expect(empty.statusCode).toBe(422);
    expect(empty.json()).toMatchObject({ code: 'steps.invalid', details: [{ code: 'steps.empty', pointer: '/steps/chain' }] });

    const noApprove = await compile({ key: 'x-flow', name: '新流程', steps: { chain: [{ ...expertPanel, conclusions: ['reject'] }] } });
    expect(noApprove.statusCode).toBe(422);
    expect(noApprove.json().details).toEqual([expect.objectContaining({ code: 'steps.review_no_approve', pointer: '/steps/chain/0/conclusions', elementId: 'expertPanel' })]);
    expect(noApprove.json().message).toMatch(/步骤有 1 处问题/);

    const malformed = await compile({ key: 'x-flow', name: '新流程', steps: { chain: [{ type: 'review', id: '1bad', name: '' }] } });
    expect(malformed.statusCode).toBe(422);
    expect(malformed.json().code).toBe('steps.invalid');
    expect((malformed.json().details as { pointer: string }[]).every((d) => d.pointer.startsWith('/steps/chain/0'))).toBe(true);

    expect((await compile({ key: 'x-flow', name: '新流程', steps: { chain: [expertPanel] } }, 'li')).statusCode).toBe(403);
    expect((await h.anon({ method: 'POST', url: '/api/workflow-steps/compile', payload: { key: 'x', name: 'x', steps: { chain: [] } } })).statusCode).toBe(401);
  });
});
