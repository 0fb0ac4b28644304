// 备案材料 fixtures through the public API: applications of the 呼和浩特 基层 teachers' committee brought to its
// office check, and a started session whose present members vote them (conformance and browser specs share these).
import { expect } from 'vitest';
import type { User } from '../../server/domain/schema-types.gen.js';
import { act, approve, fireNext, inbox, submitted, teacherForm, type Harness } from '../conformance/support.js';
import { multipartFile, PDF } from '../support/applicant-flow.js';
import { attendance, createSession, drawn, submitPlan } from './sessions-support.js';

export const staff = (id: string, role: NonNullable<User['roles']>[number]['role'], orgId: string): Partial<User> => ({ id, roles: [{ role, orgId }] });
export const CLERK = 'jiceng-clerk';
const DIRECTED = (name: string) => ({
  levelKey: 'zhongxiaoxue.gaoji-dingxiang',
  form: teacherForm({ name, track: 'jiceng', education: { degree: '大专', school: '呼和浩特师专', major: '语文', graduationDate: '2000-07-01', fullTime: true }, currentTitle: { grade: '中级', name: '一级教师', since: '2017-09-01' } }),
});

export async function toOfficeCheck(h: Harness, applicant: string, name: string): Promise<string> {
  const id = (await submitted(h, applicant, DIRECTED(name)))['id'] as string;
  await approve(h, 'rev-tzq', id, 'unitReview');
  await fireNext(h, id);
  await approve(h, 'dept-tzq-edu', id, 'competentReview');
  await approve(h, 'demo-hrss-hhht', id, 'leagueReview');
  await fireNext(h, id);
  await approve(h, CLERK, id, 'officeCheck');
  return id;
}

/** a started session of 5 present members voting the given applications: true passes, false fails */
export async function reviewed(h: Harness, date: string, apps: { id: string; pass: boolean }[]): Promise<string> {
  const s = await createSession(h, CLERK, date);
  const sid = s['id'] as string;
  await submitPlan(h, CLERK, sid);
  expect((await h.as('demo-admin')({ method: 'POST', url: `/api/sessions/${sid}/plan/approve` })).statusCode).toBe(200);
  expect((await h.as(CLERK)({ method: 'PUT', url: `/api/sessions/${sid}/agenda`, payload: { applicationIds: apps.map((a) => a.id) } })).statusCode).toBe(200);
  await drawn(h, sid, [1, 2, 3, 4, 5]);
  expect((await h.as(CLERK)({ method: 'POST', url: `/api/sessions/${sid}/members/confirm` })).statusCode).toBe(200);
  expect((await attendance(h, CLERK, sid, [1, 2, 3, 4, 5])).statusCode).toBe(200);
  const started = await h.as(CLERK)({ method: 'POST', url: `/api/sessions/${sid}/start` });
  expect(started.statusCode, started.body).toBe(200);
  // a vote ends as soon as its outcome is certain
  for (const a of apps) for (const e of ['sx-1', 'sx-2', 'sx-3', 'sx-4', 'sx-5']) if ((await inbox(h, e, a.id)).length > 0) await act(h, e, a.id, 'vote', { vote: a.pass ? 'approve' : 'reject' });
  return sid;
}


/** the session's filing package assembled (report and commitment letter uploaded, roster and 公示 record generated) and submitted */
export async function submittedFiling(h: Harness, sid: string): Promise<void> {
  expect((await h.as(CLERK)({ method: 'POST', url: `/api/sessions/${sid}/filing` })).statusCode).toBe(201);
  // bytes of their own: the file store keeps one name per content
  for (const [key, name] of [['report', '评审工作报告.pdf'], ['commitmentLetter', '承诺书.pdf']] as const) {
    const { payload, headers } = multipartFile('file', name, 'application/pdf', Buffer.concat([PDF, Buffer.from(`% ${key}\n`)]));
    expect((await h.as(CLERK)({ method: 'POST', url: `/api/sessions/${sid}/filing/files/${key}`, payload, headers })).statusCode).toBe(200);
  }
  expect((await h.as(CLERK)({ method: 'POST', url: `/api/sessions/${sid}/filing/generate` })).statusCode).toBe(200);
  const sub = await h.as(CLERK)({ method: 'POST', url: `/api/sessions/${sid}/filing/submit` });
  expect(sub.statusCode, sub.body).toBe(200);
}
