// 评审会议 (issue 14 item 3) through the public API with the seeded 2022 configuration: F3 (the implementation plan
// approved at least 7 days before; no approved plan, no start), F1 (the committee's 核准备案 valid on the day of every
// review action, not only at submit) and a session whose present members vote an application to a pass.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { User } from '../../server/domain/schema-types.gen.js';
import { attendance, COMMITTEE, createSession, drawn, OFFICE, seedPool, sessionExperts, submitPlan } from '../http/sessions-support.js';
import { act, approve, fireNext, inbox, start, submitted, taskOf, teacherForm, view, type Harness } from './support.js';

const staff = (id: string, role: NonNullable<User['roles']>[number]['role'], orgId: string): Partial<User> => ({ id, roles: [{ role, orgId }] });
const CLERK = 'jiceng-clerk';
const DIRECTED = (name: string) => ({
  levelKey: 'zhongxiaoxue.gaoji-dingxiang',
  form: teacherForm({ name, track: 'jiceng', education: { degree: '大专', school: '呼和浩特师专', major: '语文', graduationDate: '2000-07-01', fullTime: true }, currentTitle: { grade: '中级', name: '一级教师', since: '2017-09-01' } }),
});

/** the seeded directed flow up to the committee office's check */
async function toOfficeCheck(h: Harness, applicant: string, name: string): Promise<string> {
  const id = (await submitted(h, applicant, DIRECTED(name)))['id'] as string;
  await approve(h, 'rev-tzq', id, 'unitReview');
  await fireNext(h, id);
  await approve(h, 'dept-tzq-edu', id, 'competentReview');
  await approve(h, 'demo-hrss-hhht', id, 'leagueReview');
  await fireNext(h, id);
  return id;
}

/** the administrator changes the committee's filing through 评委会管理 */
async function setFilingUntil(h: Harness, validTo: string): Promise<void> {
  const list = (await h.as('demo-admin')({ method: 'GET', url: '/api/admin/committees' })).json() as { version: number; items: Record<string, unknown>[] };
  const c = list.items.find((x) => x['id'] === COMMITTEE)!;
  const filing = { ...(c['filing'] as Record<string, string>), validTo };
  const payload = { name: c['name'], seriesKey: c['seriesKey'], specialties: c['specialties'], highestGrade: c['highestGrade'], scope: c['scope'], officeOrgId: c['officeOrgId'], filing, baseVersion: list.version };
  const res = await h.as('demo-admin')({ method: 'PUT', url: `/api/admin/committees/${COMMITTEE}`, payload });
  expect(res.statusCode, res.body).toBe(200);
}

const auditCount = async (h: Harness): Promise<number> => (await h.platform.store.listAudit(1, 1_000_000)).length;

describe('conformance: review sessions (F1, F3)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await start(
      '2022-06-01T02:00:00.000Z',
      ['f3', 'f1', 'seat'].map((id) => ({ id, orgId: 'unit-tzq-no1-middle' })),
      [staff('rev-tzq', 'unitReviewer', 'unit-tzq-no1-middle'), staff('dept-tzq-edu', 'competentReviewer', '150121-edu'), staff(CLERK, 'committeeClerk', OFFICE), ...sessionExperts()],
    );
    await seedPool(h);
  });
  afterAll(async () => h.close());
  beforeEach(() => h.clock.set('2022-06-01T02:00:00.000Z'));

  it('F3: a plan approved 5 days before the session is refused with the last day; a session without an approved plan cannot start', async () => {
    const late = await createSession(h, CLERK, '2022-06-30');
    await submitPlan(h, CLERK, late['id'] as string);
    h.clock.set('2022-06-25T02:00:00.000Z');
    const refused = await h.as('demo-admin')({ method: 'POST', url: `/api/sessions/${late['id']}/plan/approve` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'session.plan_late', message: '实施方案须在评审会议 7 日前（2022-06-23 前）报备并获批准' });
    expect((await h.as(CLERK)({ method: 'GET', url: `/api/sessions/${late['id']}` })).json()).toMatchObject({ status: 'planSubmitted', plan: { files: expect.any(Object) } });
    // on the last day it is still in time
    h.clock.set('2022-06-23T09:00:00.000Z');
    expect((await h.as('demo-admin')({ method: 'POST', url: `/api/sessions/${late['id']}/plan/approve` })).statusCode).toBe(200);

    const unplanned = await createSession(h, CLERK, '2022-06-30');
    const id = unplanned['id'] as string;
    await drawn(h, id, [1, 2, 3, 4, 5]);
    expect((await h.as(CLERK)({ method: 'POST', url: `/api/sessions/${id}/members/confirm` })).statusCode).toBe(200);
    expect((await attendance(h, CLERK, id, [1, 2, 3, 4, 5])).statusCode).toBe(200);
    const noPlan = await h.as(CLERK)({ method: 'POST', url: `/api/sessions/${id}/start` });
    expect(noPlan.statusCode).toBe(409);
    expect(noPlan.json()).toMatchObject({ code: 'session.no_plan', message: '评审会议未获批准实施方案，不能开始', details: [{ pointer: '/plan' }] });
    expect((await h.as(CLERK)({ method: 'GET', url: `/api/sessions/${id}` })).json().status).toBe('planning');
  });

  describe('F1', () => {
    afterEach(async () => setFilingUntil(h, '2026-12-31'));

    it('F1: the filing lapses between submit and review: the office’s decision and the expert’s vote are refused with the date, nothing recorded; so is a session’s start', async () => {
      const id = await toOfficeCheck(h, 'f1', '巴特尔');
      const day = h.clock.now().slice(0, 10);
      const yesterday = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      await setFilingUntil(h, yesterday);
      const message = `评委会核准备案已于 ${yesterday} 到期，不能进行评审`;
      const before = { app: await view(h, 'demo-admin', id), audit: await auditCount(h) };
      const office = await taskOf(h, CLERK, id, 'officeCheck');
      const refused = await h.as(CLERK)({ method: 'POST', url: `/api/tasks/${id}/${office.taskId}/complete`, payload: { payload: { decision: 'approve', comment: '同意' } } });
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({ code: 'committee.filing_expired', message, details: [{ code: 'committee.filing_expired', message }] });
      // 批量同意 says the same for the item
      const batch = await h.as(CLERK)({ method: 'POST', url: '/api/tasks/batch-complete', payload: { items: [{ applicationId: id, taskId: office.taskId }], payload: { decision: 'approve', comment: '同意' } } });
      expect(batch.statusCode, batch.body).toBe(200);
      expect(batch.json()).toMatchObject({ done: 0, failed: 1, items: [{ ok: false, code: 'committee.filing_expired', message: expect.stringContaining(message) }] });
      expect((await view(h, 'demo-admin', id))['version']).toBe(before.app['version']);
      expect(await auditCount(h)).toBe(before.audit);

      await setFilingUntil(h, '2026-12-31');
      await approve(h, CLERK, id, 'officeCheck');
      await setFilingUntil(h, yesterday);
      const ballot = await taskOf(h, 'expert-1', id, 'vote');
      const version = (await view(h, 'demo-admin', id))['version'];
      const audits = await auditCount(h);
      const vote = await h.as('expert-1')({ method: 'POST', url: `/api/tasks/${id}/${ballot.taskId}/complete`, payload: { payload: { vote: 'approve' } } });
      expect(vote.statusCode).toBe(409);
      expect(vote.json()).toMatchObject({ code: 'committee.filing_expired', message });
      expect((await view(h, 'demo-admin', id))['version']).toBe(version);
      expect(await auditCount(h)).toBe(audits);
      expect((await inbox(h, 'expert-1', id)).map((t) => t.elementId)).toEqual(['vote']);

      // a session of the committee cannot start either
      const s = await createSession(h, CLERK, '2022-12-30');
      const sid = s['id'] as string;
      await submitPlan(h, CLERK, sid);
      expect((await h.as('demo-admin')({ method: 'POST', url: `/api/sessions/${sid}/plan/approve` })).statusCode).toBe(200);
      await drawn(h, sid, [1, 2, 3, 4, 5]);
      await h.as(CLERK)({ method: 'POST', url: `/api/sessions/${sid}/members/confirm` });
      await attendance(h, CLERK, sid, [1, 2, 3, 4, 5]);
      const startRefused = await h.as(CLERK)({ method: 'POST', url: `/api/sessions/${sid}/start` });
      expect(startRefused.statusCode).toBe(409);
      expect(startRefused.json()).toMatchObject({ code: 'committee.filing_expired', message });
      expect((await h.as(CLERK)({ method: 'GET', url: `/api/sessions/${sid}` })).json().status).toBe('planApproved');
    });
  });

  it('a session seats its 5 present members on the agenda’s vote, and they pass it by two thirds of those present', async () => {
    const s = await createSession(h, CLERK, '2022-07-20');
    const sid = s['id'] as string;
    await submitPlan(h, CLERK, sid);
    expect((await h.as('demo-admin')({ method: 'POST', url: `/api/sessions/${sid}/plan/approve` })).statusCode).toBe(200);
    const id = await toOfficeCheck(h, 'seat', '其其格');
    await approve(h, CLERK, id, 'officeCheck');
    // the agenda is picked by applicant and title
    const candidates = (await h.as(CLERK)({ method: 'GET', url: `/api/sessions/${sid}/agenda-candidates` })).json().items as { applicationId: string; applicantName: string; title: string }[];
    const mine = candidates.find((c) => c.applicationId === id);
    expect(mine).toMatchObject({ applicantName: expect.any(String), title: expect.stringMatching(/\S/) });
    expect((await h.as(CLERK)({ method: 'PUT', url: `/api/sessions/${sid}/agenda`, payload: { applicationIds: [id] } })).statusCode).toBe(200);
    await drawn(h, sid, [1, 2, 3, 4, 5, 6], [7]);
    expect((await h.as(CLERK)({ method: 'POST', url: `/api/sessions/${sid}/members/confirm` })).statusCode).toBe(200);
    expect((await attendance(h, CLERK, sid, [1, 2, 3, 4, 5], [6])).statusCode).toBe(200);
    const started = await h.as(CLERK)({ method: 'POST', url: `/api/sessions/${sid}/start` });
    expect(started.statusCode, started.body).toBe(200);
    expect(started.json().seats).toEqual([{ applicationId: id, applicantName: mine!.applicantName, seated: true }]);
    // the committee's standing list no longer votes; the absent member has no ballot; the present are told
    expect(await inbox(h, 'expert-1', id)).toEqual([]);
    expect(await inbox(h, 'sx-6', id)).toEqual([]);
    const told = await h.as('sx-1')({ method: 'GET', url: '/api/notifications' });
    expect(told.statusCode).toBe(200);
    expect(JSON.stringify(told.json())).toContain(id);
    for (const e of ['sx-1', 'sx-2', 'sx-3']) await act(h, e, id, 'vote', { vote: 'approve' });
    await act(h, 'sx-4', id, 'vote', { vote: 'reject' });
    expect((await inbox(h, 'sx-5', id)).map((t) => t.elementId)).toEqual(['vote']); // 3 of 5 is short of two thirds
    const after = await act(h, 'sx-5', id, 'vote', { vote: 'approve' }); // 4 ≥ 5 × 2/3
    expect((after['openTasks'] as { elementId: string }[]).map((t) => t.elementId)).toEqual(['resultPublicity']);
  });
});
