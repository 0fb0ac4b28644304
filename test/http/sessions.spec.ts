// 评审会议 API: create, the F3 plan (five files judged by their bytes, submit, return with a reason, approve no later
// than 7 days before), members confirmed under F4, attendance, and the start's refusals; who may see what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';
import { attendance, COMMITTEE, createSession, drawn, OFFICE, PLAN_KEYS, seedPool, sessionExperts, submitPlan, uploadPlanFile } from './sessions-support.js';

const CLERK = 'ses-clerk';
const OTHER = 'ses-other-clerk';

describe('评审会议 API', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      now: '2022-06-01T02:00:00.000Z',
      users: [
        { id: CLERK, name: '办事员甲', roles: [{ role: 'committeeClerk', orgId: OFFICE }] },
        { id: OTHER, name: '办事员乙', roles: [{ role: 'committeeClerk', orgId: 'office-152500-jiceng' }] },
        { id: 'ses-supervisor', name: '纪检甲', roles: [{ role: 'supervisor', orgId: 'nm-hrss' }] },
        ...sessionExperts(),
      ],
    });
    await seedPool(h, { 'exp-sx-7': { service: [2019, 2020, 2021].map((year) => ({ committeeId: COMMITTEE, year })) } });
  });
  afterAll(async () => h.close());

  it('the office creates a session; the list says its status and mode in words; another office sees nothing', async () => {
    const s = await createSession(h, CLERK, '2022-07-15');
    expect(s).toMatchObject({ status: 'planning', statusLabel: '筹备中', modeLabel: '现场评审', planDeadline: '2022-07-08', committeeName: expect.stringContaining('评审委员会') });
    const list = (await h.as(CLERK)({ method: 'GET', url: '/api/sessions' })).json().items as { id: string; statusLabel: string }[];
    expect(list.map((x) => x.id)).toContain(s['id']);
    expect((await h.as(OTHER)({ method: 'GET', url: '/api/sessions' })).json().items).toEqual([]);
    expect((await h.as(OTHER)({ method: 'GET', url: `/api/sessions/${s['id']}` })).statusCode).toBe(404);
    expect((await h.as('ses-supervisor')({ method: 'GET', url: `/api/sessions/${s['id']}` })).statusCode).toBe(200);
    const bad = await h.as(CLERK)({ method: 'POST', url: '/api/sessions', payload: { committeeId: COMMITTEE, campaignYear: 2022, name: '会', date: '2022-07-15', mode: 'onsite', quorum: 5 } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().details).toEqual([expect.objectContaining({ code: 'session.place_required', pointer: '/place', message: '现场评审请填写评审地点' })]);
    const other = await h.as(OTHER)({ method: 'POST', url: '/api/sessions', payload: { committeeId: COMMITTEE, campaignYear: 2022, name: '会', date: '2022-07-15', mode: 'online', quorum: 5 } });
    expect(other.statusCode).toBe(404);
  });

  it('the plan: every missing file at its pointer, content judged by its bytes, returned with a reason, approved', async () => {
    const s = await createSession(h, CLERK, '2022-07-15');
    const id = s['id'] as string;
    const early = await h.as(CLERK)({ method: 'POST', url: `/api/sessions/${id}/plan/submit` });
    expect(early.statusCode).toBe(422);
    expect(early.json().details.map((d: { pointer: string; message: string }) => [d.pointer, d.message])).toEqual([
      ['/plan/files/filingForm', '请上传备案表'],
      ['/plan/files/commitmentLetter', '请上传承诺书'],
      ['/plan/files/roster', '请上传花名册'],
      ['/plan/files/reviewForms', '请上传送审表'],
      ['/plan/files/proposedExperts', '请上传拟聘专家名单'],
    ]);
    const html = await uploadPlanFile(h, CLERK, id, 'filingForm', 'application/pdf', Buffer.from('<html><script>alert(1)</script></html>'));
    expect(html.statusCode).toBe(415);
    expect(html.json().details[0]).toMatchObject({ pointer: '/plan/files/filingForm', message: expect.stringContaining('「备案表」只接受') });
    await submitPlan(h, CLERK, id);
    expect((await uploadPlanFile(h, CLERK, id, 'roster')).statusCode).toBe(409); // submitted: locked
    const awaiting = (await h.as('demo-admin')({ method: 'GET', url: '/api/sessions?awaitingApproval=true' })).json().items as { id: string; statusLabel: string }[];
    expect(awaiting.find((x) => x.id === id)?.statusLabel).toBe('实施方案待批准');
    expect((await h.as(CLERK)({ method: 'POST', url: `/api/sessions/${id}/plan/approve` })).statusCode).toBe(403);
    const noReason = await h.as('demo-admin')({ method: 'POST', url: `/api/sessions/${id}/plan/return`, payload: { reason: ' ' } });
    expect(noReason.statusCode).toBe(400);
    const returned = await h.as('demo-admin')({ method: 'POST', url: `/api/sessions/${id}/plan/return`, payload: { reason: '花名册缺少申报人签字' } });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ status: 'planning', statusLabel: '实施方案已退回', plan: { returned: { reason: '花名册缺少申报人签字' } } });
    expect((await uploadPlanFile(h, CLERK, id, 'roster')).statusCode).toBe(200);
    expect((await h.as(CLERK)({ method: 'POST', url: `/api/sessions/${id}/plan/submit` })).statusCode).toBe(200);
    const approved = await h.as('demo-admin')({ method: 'POST', url: `/api/sessions/${id}/plan/approve` });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'planApproved', statusLabel: '实施方案已批准', plan: { approvedBy: 'demo-admin' } });
    const file = await h.as('ses-supervisor')({ method: 'GET', url: `/api/sessions/${id}/plan/files/roster` });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('application/pdf');
    const audit = await h.platform.store.listAudit(1, 100_000);
    expect(audit.filter((a) => a.target.id === id).map((a) => a.action)).toEqual(['session.create', ...PLAN_KEYS.map(() => 'session.plan_upload'), 'session.plan_submit', 'session.plan_return', 'session.plan_upload', 'session.plan_submit', 'session.plan_approve']);
  });

  it('F4 at 确认聘任: an expert in a fourth consecutive year is refused by name and nobody is appointed; then attendance and the quorum', async () => {
    const s = await createSession(h, CLERK, '2022-07-15');
    const id = s['id'] as string;
    await drawn(h, id, [1, 2, 3, 4, 7], [5]);
    const refused = await h.as(CLERK)({ method: 'POST', url: `/api/sessions/${id}/members/confirm` });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'session.appointment_refused', message: '杨国庆：该专家已连续 3 年（2019—2021 年）担任本评委会评审专家，2022 年不得聘任', details: [{ pointer: '/members/exp-sx-7' }] });
    const after = (await h.as(CLERK)({ method: 'GET', url: `/api/sessions/${id}` })).json();
    expect(after.members.every((m: { confirmed: boolean }) => !m.confirmed)).toBe(true);
    await drawn(h, id, [1, 2, 3, 4, 5, 6]);
    const ok = await h.as(CLERK)({ method: 'POST', url: `/api/sessions/${id}/members/confirm` });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().memberRows.map((m: { name: string; confirmed: boolean }) => [m.name, m.confirmed])).toEqual([['张建华', true], ['李淑芬', true], ['王志刚', true], ['赵桂兰', true], ['刘德明', true], ['陈玉梅', true]]);
    // nothing starts without an approved plan
    const noPlan = await h.as(CLERK)({ method: 'POST', url: `/api/sessions/${id}/start` });
    expect(noPlan.statusCode).toBe(409);
    expect(noPlan.json()).toMatchObject({ code: 'session.no_plan', message: '评审会议未获批准实施方案，不能开始' });
    await submitPlan(h, CLERK, id);
    expect((await h.as('demo-admin')({ method: 'POST', url: `/api/sessions/${id}/plan/approve` })).statusCode).toBe(200);
    const unmarked = await h.as(CLERK)({ method: 'POST', url: `/api/sessions/${id}/start` });
    expect(unmarked.json()).toMatchObject({ code: 'session.attendance_missing', message: '请先登记出席情况：张建华、李淑芬、王志刚、赵桂兰、刘德明、陈玉梅未登记' });
    expect((await attendance(h, CLERK, id, [1, 2, 3, 4], [5, 6])).statusCode).toBe(200);
    const short = await h.as(CLERK)({ method: 'POST', url: `/api/sessions/${id}/start` });
    expect(short.statusCode).toBe(409);
    expect(short.json().message).toBe('出席专家 4 人，少于法定人数 5 人，不能开始评审');
    expect((await attendance(h, CLERK, id, [5])).statusCode).toBe(200);
    const started = await h.as(CLERK)({ method: 'POST', url: `/api/sessions/${id}/start` });
    expect(started.statusCode, started.body).toBe(200);
    expect(started.json()).toMatchObject({ session: { status: 'inProgress', statusLabel: '评审中' }, seats: [] });
    expect((await h.as(CLERK)({ method: 'POST', url: `/api/sessions/${id}/start` })).statusCode).toBe(409);
    expect((await attendance(h, CLERK, id, [6])).statusCode).toBe(409);
  });
});
