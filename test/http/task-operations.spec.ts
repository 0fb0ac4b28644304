// Task operations through the API on the seeded unit-review flow (单位审核 allows 转办, 委派, 加签, 抄送, 撤回, 催办
// and requires an opinion; 主管部门审核 adds 退回到指定环节): each allowed, refused where the step does not allow
// it or the person may not, audited; 撤回 refused once the next step acted; 转办 only to the same role and org.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINEER_MATERIALS, engineer, engineerForm } from '../support/engineer.js';
import { startHarness, type Harness } from '../support/harness.js';
import { prepareApplication } from '../support/applicant-flow.js';

type Row = { applicationId: string; taskId: string; elementId: string };

describe('task operations', () => {
  let h: Harness;
  let id: string;
  const inbox = async (user: string): Promise<Row[]> => (await h.as(user)({ method: 'GET', url: '/api/tasks' })).json().items.filter((t: Row) => t.applicationId === id);
  const taskOf = async (user: string): Promise<string> => {
    const [t] = await inbox(user);
    if (!t) throw new Error(`${user} has no task`);
    return t.taskId;
  };
  const op = (user: string, taskId: string, path: string, payload: object = {}) => h.as(user)({ method: 'POST', url: `/api/tasks/${id}/${taskId}/${path}`, payload });
  const complete = (user: string, taskId: string, payload: object) => h.as(user)({ method: 'POST', url: `/api/tasks/${id}/${taskId}/complete`, payload: { payload } });
  const audits = async (action: string) => (await h.platform.store.listAudit(1, 100_000)).filter((a) => a.action === action && a.target.id === id);

  beforeAll(async () => {
    h = await startHarness({
      now: '2022-06-01T02:00:00.000Z',
      users: [
        engineer('li', '李工'),
        { id: 'rev-a', name: '赵审核', roles: [{ role: 'unitReviewer', orgId: 'unit-hhht-design' }] },
        { id: 'rev-b', name: '钱审核', roles: [{ role: 'unitReviewer', orgId: 'unit-hhht-design' }] },
        { id: 'rev-other-org', name: '孙审核', roles: [{ role: 'unitReviewer', orgId: '150100-hrss' }] },
        { id: 'dept-a', name: '周主管', roles: [{ role: 'competentReviewer', orgId: '150100-jianshe' }] },
        { id: 'dept-b', name: '吴主管', roles: [{ role: 'competentReviewer', orgId: '150100-jianshe' }] },
      ],
    });
    const li = h.as('li');
    id = await prepareApplication(li, { campaignId: '2022', levelKey: 'gongcheng.zhongji', form: engineerForm('李工'), materials: ENGINEER_MATERIALS });
    expect((await li({ method: 'POST', url: `/api/applications/${id}/submit` })).statusCode).toBe(200);
  });
  afterAll(async () => h.close());

  it('the task shows what its step allows; 审批意见必填 refuses an empty opinion at the opinion field and stores nothing', async () => {
    const t = await taskOf('rev-a');
    const detail = await h.as('rev-a')({ method: 'GET', url: `/api/tasks/${id}/${t}` });
    expect(detail.json().task).toMatchObject({ operations: ['transfer', 'delegate', 'cosign', 'copy', 'withdraw', 'remind'], opinionRequired: true });
    const before = (await h.platform.store.getApplication(id))!.version;
    const empty = await complete('rev-a', t, { decision: 'approve', comment: '  ' });
    expect(empty.statusCode).toBe(422);
    expect(empty.json()).toMatchObject({ code: 'task.opinion_required', message: '此环节审批意见必填', details: [{ code: 'task.opinion_required', pointer: '/comment' }] });
    expect((await h.platform.store.getApplication(id))!.version).toBe(before);
  });

  it('转办 only to a colleague of the same role and org, then the task is theirs alone; audited', async () => {
    const t = await taskOf('rev-a');
    const colleagues = (await h.as('rev-a')({ method: 'GET', url: `/api/tasks/${id}/${t}/colleagues` })).json().items;
    expect(colleagues.map((c: { name: string }) => c.name)).toContain('钱审核');
    expect(colleagues.map((c: { id: string }) => c.id)).not.toContain('rev-other-org');
    expect(colleagues.map((c: { id: string }) => c.id)).not.toContain('rev-a');
    expect(colleagues[0]).toEqual({ id: expect.any(String), name: expect.any(String), orgName: '呼和浩特市建筑设计研究院' });
    const wrong = await op('rev-a', t, 'transfer', { toUserId: 'rev-other-org' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toMatchObject({ code: 'task.not_colleague', message: '只能选择同一机构、同一角色的同事', details: [{ pointer: '/toUserId' }] });
    const dept = await op('rev-a', t, 'transfer', { toUserId: 'dept-a' });
    expect(dept.json().code).toBe('task.not_colleague');
    const done = await op('rev-a', t, 'transfer', { toUserId: 'rev-b', opinion: '请钱审核办理' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().message).toBe('已转办给钱审核');
    expect(await inbox('rev-a')).toEqual([]);
    expect(await taskOf('rev-b')).toBe(t);
    expect((await h.as('rev-a')({ method: 'GET', url: `/api/tasks/${id}/${t}` })).statusCode).toBe(404);
    const again = await op('rev-a', t, 'transfer', { toUserId: 'rev-b' });
    expect(again.statusCode).toBe(404);
    expect(await audits('task.transfer')).toEqual([expect.objectContaining({ actor: 'rev-a', after: expect.objectContaining({ taskId: t, to: 'rev-b', opinion: '请钱审核办理' }) })]);
  });

  it('退回到指定环节 is refused where the step does not allow it (单位审核)', async () => {
    const t = await taskOf('rev-b');
    const r = await op('rev-b', t, 'return-to', { elementId: 'unitReview', opinion: '重审' });
    expect(r.statusCode).toBe(403);
    expect(r.json()).toMatchObject({ code: 'task.op_not_allowed', message: '“单位审核”环节不允许退回到指定环节', details: [{ elementId: 'unitReview' }] });
  });

  it('撤回 while the next step has not acted: open again for the same person, out of 已办; audited', async () => {
    const t = await taskOf('rev-b');
    const approved = await complete('rev-b', t, { decision: 'approve', comment: '材料齐全，同意推荐' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect((await h.platform.store.getApplication(id))!.doneTasks?.map((d) => d.taskId)).toContain(t);
    expect((await h.as('rev-b')({ method: 'GET', url: `/api/applications/${id}/withdrawable` })).json()).toMatchObject({ withdrawable: true, taskName: '单位审核' });
    expect((await h.as('rev-a')({ method: 'GET', url: `/api/applications/${id}/withdrawable` })).json()).toEqual({ withdrawable: false });
    const other = await h.as('rev-a')({ method: 'POST', url: `/api/applications/${id}/withdraw-decision` });
    expect(other.statusCode).toBe(409);
    const back = await h.as('rev-b')({ method: 'POST', url: `/api/applications/${id}/withdraw-decision` });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json().message).toBe('已撤回，任务重新回到您的待办');
    expect(await taskOf('rev-b')).toBe(t);
    expect(await inbox('rev-a')).toEqual([]);
    const app = (await h.platform.store.getApplication(id))!;
    expect(app.timers).toEqual([]);
    expect(app.doneTasks?.map((d) => d.taskId) ?? []).not.toContain(t);
    expect(await audits('task.withdraw')).toEqual([expect.objectContaining({ actor: 'rev-b', after: expect.objectContaining({ taskId: t, elementId: 'unitReview' }) })]);
  });

  it('撤回 refused once the next step acted (公示 ran its course)', async () => {
    const t = await taskOf('rev-b');
    expect((await complete('rev-b', t, { decision: 'approve', comment: '同意推荐' })).statusCode).toBe(200);
    h.clock.set('2022-06-09T16:00:00.000Z');
    expect((await h.platform.runtime.fireDueTimers()).fired).toBe(1);
    const late = await h.as('rev-b')({ method: 'POST', url: `/api/applications/${id}/withdraw-decision` });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'withdraw.too_late', details: [{ code: 'withdraw.too_late' }] });
    expect((await inbox('dept-a')).map((r) => r.elementId)).toEqual(['competentReview']);
  });

  it('抄送 to people who already see the application, notified; not to an office the flow never reached', async () => {
    const t = await taskOf('dept-a');
    const candidates = (await h.as('dept-a')({ method: 'GET', url: `/api/tasks/${id}/${t}/copy-candidates` })).json().items.map((c: { id: string }) => c.id);
    expect(candidates).toEqual(expect.arrayContaining(['rev-a', 'rev-b', 'dept-b']));
    expect(candidates).not.toContain('rev-other-org');
    const wrong = await op('dept-a', t, 'copy', { userIds: ['rev-other-org'] });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().details[0]).toMatchObject({ code: 'task.bad_copy_target', pointer: '/userIds/0' });
    const done = await op('dept-a', t, 'copy', { userIds: ['rev-a'], note: '供单位知悉' });
    expect(done.statusCode, done.body).toBe(200);
    const app = (await h.platform.store.getApplication(id))!;
    expect(app.copies).toEqual([expect.objectContaining({ userId: 'rev-a', by: 'dept-a', taskName: '主管部门审核', note: '供单位知悉' })]);
    expect((await h.platform.store.listNotifications('rev-a', {})).items.map((n) => n.event)).toContain('task.copied');
    expect(await audits('task.copy')).toHaveLength(1);
  });

  it('催办 by the applicant notifies the handlers, once per working day', async () => {
    const t = await taskOf('dept-a');
    const r = await op('li', t, 'remind', { note: '请尽快审核' });
    expect(r.statusCode, r.body).toBe(200);
    const again = await op('li', t, 'remind');
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'task.already_reminded', message: '今天已经催办过该任务，每个工作日最多催办一次' });
    for (const who of ['dept-a', 'dept-b']) expect((await h.platform.store.listNotifications(who, {})).items.map((n) => n.event)).toContain('task.reminded');
    expect(await audits('task.remind')).toHaveLength(1);
  });

  it('委派 and its return with an opinion; 加签 holds completion until the co-reviewer answers', async () => {
    const t = await taskOf('dept-a');
    expect((await op('dept-a', t, 'delegate', { toUserId: 'dept-b' })).statusCode).toBe(200);
    const early = await complete('dept-b', t, { decision: 'approve' });
    expect(early.json().code).toBe('task.delegated');
    expect((await op('dept-b', t, 'delegate/return', { opinion: '经核实，材料属实' })).statusCode).toBe(200);
    const detail = (await h.as('dept-a')({ method: 'GET', url: `/api/tasks/${id}/${t}` })).json().task;
    expect(detail.opinions).toEqual([{ kind: 'delegate', name: '吴主管', opinion: '经核实，材料属实', at: expect.any(String) }]);

    expect((await op('dept-a', t, 'cosign', { userId: 'dept-b' })).statusCode).toBe(200);
    const held = await complete('dept-a', t, { decision: 'approve' });
    expect(held.statusCode).toBe(422);
    expect(held.json().code).toBe('task.cosign_pending');
    const co = (await inbox('dept-b')).find((r) => r.taskId !== t)!;
    expect((await h.as('dept-b')({ method: 'GET', url: `/api/tasks/${id}/${co.taskId}` })).json().task).toMatchObject({ cosign: true, operations: [] });
    expect((await op('dept-b', co.taskId, 'cosign/answer', { opinion: '同意' })).statusCode).toBe(200);
    expect(await audits('task.delegate')).toHaveLength(1);
    expect(await audits('task.delegate_return')).toHaveLength(1);
    expect(await audits('task.cosign')).toHaveLength(1);
    expect(await audits('task.cosign_answer')).toHaveLength(1);
  });

  it('退回到指定环节 goes back to a step the application passed, by name; the unit reviews again', async () => {
    const t = await taskOf('dept-a');
    const targets = (await h.as('dept-a')({ method: 'GET', url: `/api/tasks/${id}/${t}/return-targets` })).json().items;
    expect(targets).toEqual([{ elementId: 'unitReview', name: '单位审核' }]);
    const bad = await op('dept-a', t, 'return-to', { elementId: 'competentReview', opinion: '重审' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().details[0]).toMatchObject({ pointer: '/elementId' });
    const r = await op('dept-a', t, 'return-to', { elementId: 'unitReview', opinion: '请单位补充审核意见' });
    expect(r.statusCode, r.body).toBe(200);
    expect(await inbox('dept-a')).toEqual([]);
    expect((await inbox('rev-a')).map((x) => x.elementId)).toEqual(['unitReview']);
    const app = (await h.platform.store.getApplication(id))!;
    expect(app.status).toBe('submitted');
    expect(app.doneTasks?.at(-1)).toMatchObject({ elementId: 'competentReview', decision: 'returnTo', opinion: '请单位补充审核意见', userId: 'dept-a' });
    expect(await audits('task.return_to')).toHaveLength(1);
  });
});
