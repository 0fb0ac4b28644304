// A whole review through the public API with a fake clock: submit, return with 一次告知,
// resubmit once, unit approval, a 5-working-day 公示 timer, the competent department's decision.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINEER_MATERIALS, engineer, engineerForm } from '../support/engineer.js';
import { startHarness, type Harness } from '../support/harness.js';
import { prepareApplication, upload } from '../support/applicant-flow.js';

const FORM = engineerForm('李工');
const MATERIALS = ENGINEER_MATERIALS;

describe('review flow through the API', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      now: '2022-06-01T02:00:00.000Z', // Wednesday 10:00 in China
      users: [
        engineer('li', '李工'),
        { id: 'unit-rev', roles: [{ role: 'unitReviewer', orgId: 'unit-hhht-design' }] },
        { id: 'other-unit-rev', roles: [{ role: 'unitReviewer', orgId: '150100-hrss' }] },
        { id: 'dept-rev', roles: [{ role: 'competentReviewer', orgId: '150100-jianshe' }] },
      ],
    });
  });
  afterAll(async () => h.close());

  it('E2: submit, return listing every problem at once, resubmit once, 公示 over working days, approval', async () => {
    const li = h.as('li');
    const id = await prepareApplication(li, { campaignId: '2022', levelKey: 'gongcheng.zhongji', form: FORM, materials: MATERIALS });
    const submitted = await li({ method: 'POST', url: `/api/applications/${id}/submit`, headers: { 'idempotency-key': 'k-1' } });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', pathId: 'regular', committeeId: 'cmt-gongcheng-senior', pinned: { level: 1, workflowKey: 'unit-review', workflow: 1 } });
    // the same Idempotency-Key returns the same application
    const again = await li({ method: 'POST', url: `/api/applications/${id}/submit`, headers: { 'idempotency-key': 'k-1' } });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(id);

    const inbox = await h.as('unit-rev')({ method: 'GET', url: '/api/tasks' });
    expect(inbox.json()).toMatchObject({ total: 1, items: [{ applicationId: id, elementId: 'unitReview', name: '单位审核', applicantName: '李工' }] });
    expect((await h.as('other-unit-rev')({ method: 'GET', url: '/api/tasks' })).json().total).toBe(0);
    expect((await h.as('other-unit-rev')({ method: 'GET', url: `/api/applications/${id}` })).statusCode).toBe(404);
    const taskId = inbox.json().items[0].taskId as string;

    const detail = await h.as('unit-rev')({ method: 'GET', url: `/api/tasks/${id}/${taskId}` });
    expect(detail.json().decisionSchema.properties.decision.enum).toEqual(['approve', 'return', 'reject']);
    const bad = await h.as('unit-rev')({ method: 'POST', url: `/api/tasks/${id}/${taskId}/complete`, payload: { payload: { decision: 'maybe' } } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().details[0]).toMatchObject({ pointer: '/decision' });

    // the applicant removed the work summary after submitting? no: the reviewer sees a missing stamp and says so
    const returned = await h.as('unit-rev')({
      method: 'POST',
      url: `/api/tasks/${id}/${taskId}/complete`,
      payload: { payload: { decision: 'return', comment: '请补正', items: [{ pointer: '/workHistory/0/to', message: '工作经历缺少截止时间' }, { message: '工作总结须加盖单位公章' }] } },
    });
    expect(returned.statusCode, returned.body).toBe(200);
    const r = returned.json();
    expect(r.status).toBe('returned');
    expect(r.notice.items.map((i: { message: string }) => i.message)).toEqual(['工作经历缺少截止时间', '工作总结须加盖单位公章']);
    // 5 working days after Wed 06-01, Dragon Boat Festival (Fri 06-03) skipped: 06-02, 06-06..06-09, due 00:00 06-10 China time
    expect(r.notice.deadline).toBe('2022-06-09T16:00:00.000Z');
    // a second completion of the same task is a conflict that changes nothing
    const twice = await h.as('unit-rev')({ method: 'POST', url: `/api/tasks/${id}/${taskId}/complete`, payload: { payload: { decision: 'approve' } } });
    expect(twice.statusCode).toBe(409);

    const mine = await li({ method: 'GET', url: '/api/tasks' });
    expect(mine.json().items.map((t: { elementId: string }) => t.elementId)).toEqual(['correct']);
    const notice = await li({ method: 'GET', url: `/api/applications/${id}/documents/gaozhishu` });
    // the 2022 configuration ships the 一次性告知书 template: every item, and the deadline
    expect(notice.statusCode).toBe(200);
    expect(notice.body).toContain('一次性告知书');
    expect(notice.body).toContain('工作总结须加盖单位公章');
    // the window closes at 00:00 Beijing on 06-10: the last day to correct, as 我的申报 and the e-mail say, is 06-09
    expect(notice.body).toContain('2022年06月09日');
    expect(notice.body).not.toContain('2022年06月10日');

    const resub = await li({ method: 'POST', url: `/api/applications/${id}/resubmit` });
    expect(resub.statusCode, resub.body).toBe(200);
    expect(resub.json()).toMatchObject({ status: 'submitted', notice: { resubmittedAt: expect.any(String) } });

    const t2 = (await h.as('unit-rev')({ method: 'GET', url: '/api/tasks' })).json().items[0].taskId as string;
    const secondReturn = await h.as('unit-rev')({ method: 'POST', url: `/api/tasks/${id}/${t2}/complete`, payload: { payload: { decision: 'return', items: [{ message: '再补' }] } } });
    expect(secondReturn.statusCode).toBe(409);
    expect(secondReturn.json().code).toBe('notice.already_used');

    const approved = await h.as('unit-rev')({ method: 'POST', url: `/api/tasks/${id}/${t2}/complete`, payload: { payload: { decision: 'approve', comment: '同意' } } });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().timers).toHaveLength(1);
    expect((await h.as('dept-rev')({ method: 'GET', url: '/api/tasks' })).json().total).toBe(0);

    h.clock.set('2022-06-09T15:59:00.000Z');
    expect((await h.platform.runtime.fireDueTimers()).fired).toBe(0);
    h.clock.set('2022-06-09T16:00:00.000Z'); // the same five working days: 公示 ends with 06-09
    const fired = await h.platform.runtime.fireDueTimers();
    expect(fired.fired).toBe(1);
    const deptInbox = await h.as('dept-rev')({ method: 'GET', url: '/api/tasks' });
    expect(deptInbox.json().items.map((t: { elementId: string }) => t.elementId)).toEqual(['competentReview']);
    const passed = await h.as('dept-rev')({ method: 'POST', url: `/api/tasks/${id}/${deptInbox.json().items[0].taskId}/complete`, payload: { payload: { decision: 'approve' } } });
    expect(passed.json().status).toBe('passed');

    const wf = await li({ method: 'GET', url: `/api/applications/${id}/workflow` });
    expect(wf.json().finished).toEqual(expect.arrayContaining(['unitReview', 'publicity', 'competentReview', 'pass']));
    expect(wf.json().status).toBe('completed');
  });

  it('C1: one person, one application per level a year', async () => {
    h.clock.set('2022-06-13T02:00:00.000Z');
    const li = h.as('li');
    const id = await prepareApplication(li, { campaignId: '2022', levelKey: 'gongcheng.zhongji', form: { ...FORM, specialty: 'jixie' }, materials: MATERIALS });
    const dup = await li({ method: 'POST', url: `/api/applications/${id}/submit` });
    expect(dup.statusCode).toBe(422);
    expect(dup.json().details.map((d: { code: string }) => d.code)).toContain('application.duplicate');
  });

  it('E2: not corrected by the deadline means withdrawn', async () => {
    h.clock.set('2022-06-14T02:00:00.000Z');
    await h.platform.store.insertUser({ id: 'wang', login: 'wang', name: '王工', kind: 'applicant', orgId: 'unit-hhht-design', roles: [{ role: 'applicant', orgId: 'unit-hhht-design' }], version: 1, createdAt: h.clock.now() }, []);
    const wang = h.as('wang');
    const id = await prepareApplication(wang, { campaignId: '2022', levelKey: 'gongcheng.zhongji', form: { ...FORM, name: '王工' }, materials: MATERIALS });
    expect((await wang({ method: 'POST', url: `/api/applications/${id}/submit` })).statusCode).toBe(200);
    const task = (await h.as('unit-rev')({ method: 'GET', url: '/api/tasks' })).json().items.find((t: { applicationId: string }) => t.applicationId === id);
    const ret = await h.as('unit-rev')({ method: 'POST', url: `/api/tasks/${id}/${task.taskId}/complete`, payload: { payload: { decision: 'return', comment: '请补正', items: [{ message: '缺少继续教育证明' }] } } });
    expect(ret.json().notice.deadline).toBe('2022-06-21T16:00:00.000Z'); // Tue 06-14 + 5 working days (15,16,17,20,21) → 00:00 06-22
    h.clock.set('2022-06-21T16:00:00.000Z');
    expect((await h.platform.runtime.fireDueTimers()).fired).toBe(1);
    const after = (await wang({ method: 'GET', url: `/api/applications/${id}` })).json();
    expect(after.status).toBe('withdrawn');
    expect(after.openTasks).toEqual([]);
    // the late correction is refused and changes nothing
    const late = await wang({ method: 'POST', url: `/api/applications/${id}/resubmit` });
    expect(late.statusCode).toBe(422);
    expect((await wang({ method: 'GET', url: `/api/applications/${id}` })).json().version).toBe(after.version);
  });

  it('E3: the roster (花名册) lists the applications routed through the reviewer\'s org, drafts and withdrawn left out', async () => {
    const res = await h.as('unit-rev')({ method: 'GET', url: '/api/rosters?campaignId=2022' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('职称申报人员花名册');
    expect(res.body).toContain('<td>李工</td>');
    expect(res.body).not.toContain('王工'); // withdrawn after missing the correction deadline
    expect(res.body).toContain('@page');
    // another unit's reviewer sees nobody from this unit
    const other = await h.as('other-unit-rev')({ method: 'GET', url: '/api/rosters?campaignId=2022' });
    expect(other.body).not.toContain('李工');
    expect(other.body).toContain('暂无申报人员');
    expect((await h.as('li')({ method: 'GET', url: '/api/rosters?campaignId=2022' })).statusCode).toBe(403);
  });

  it('B1: no review crosses the year: a task still open after the campaign ends cannot be decided', async () => {
    h.clock.set('2022-06-22T02:00:00.000Z');
    await h.platform.store.insertUser({ id: 'feng', login: 'feng', name: '冯工', kind: 'applicant', orgId: 'unit-hhht-design', roles: [{ role: 'applicant', orgId: 'unit-hhht-design' }], version: 1, createdAt: h.clock.now() }, []);
    const id = await prepareApplication(h.as('feng'), { campaignId: '2022', levelKey: 'gongcheng.zhongji', form: { ...FORM, name: '冯工' }, materials: MATERIALS });
    expect((await h.as('feng')({ method: 'POST', url: `/api/applications/${id}/submit` })).statusCode).toBe(200);
    const task = (await h.as('unit-rev')({ method: 'GET', url: '/api/tasks' })).json().items.find((t: { applicationId: string }) => t.applicationId === id);
    const before = (await h.as('feng')({ method: 'GET', url: `/api/applications/${id}` })).json().version as number;
    h.clock.set('2023-01-03T02:00:00.000Z');
    const late = await h.as('unit-rev')({ method: 'POST', url: `/api/tasks/${id}/${task.taskId}/complete`, payload: { payload: { decision: 'approve' } } });
    expect(late.statusCode).toBe(422);
    expect(late.json()).toMatchObject({ code: 'campaign.ended', message: '2022年度职称评审已于 2022-12-31 结束，职称评审不得跨年度进行' });
    expect((await h.as('feng')({ method: 'GET', url: `/api/applications/${id}` })).json()).toMatchObject({ status: 'submitted', version: before });
    h.clock.set('2022-06-22T02:00:00.000Z');
  });

  it('refuses a submission with every problem listed at once and stores nothing', async () => {
    const li = h.as('li');
    const created = await li({ method: 'POST', url: '/api/applications', payload: { campaignId: '2022', levelKey: 'gongcheng.zhongji' } });
    const app = created.json();
    expect(app.form).toEqual({ name: '李工' });
    await upload(li, app.id, 'idcard');
    const wrongType = await upload(li, app.id, 'summary', 'image/png');
    expect(wrongType.statusCode).toBe(415);
    expect(wrongType.json().message).toContain('只接受');
    const before = (await li({ method: 'GET', url: `/api/applications/${app.id}` })).json();
    const res = await li({ method: 'POST', url: `/api/applications/${app.id}/submit` });
    expect(res.statusCode).toBe(422);
    const codes = res.json().details.map((d: { code: string }) => d.code);
    expect(codes).toEqual(expect.arrayContaining(['schema.required', 'materials.missing', 'pledge.missing']));
    expect(res.json().details).toEqual(expect.arrayContaining([expect.objectContaining({ pointer: '/gender' }), expect.objectContaining({ pointer: '/materials/diploma' })]));
    const after = (await li({ method: 'GET', url: `/api/applications/${app.id}` })).json();
    expect(after.version).toBe(before.version);
    expect(after.status).toBe('draft');
  });
});
