// 评分 (D4) through the public API: the seeded 呼和浩特 teachers' committee (its scoring sheet is seeded), five experts
// with accounts (`sc-1` … `sc-5`, pool ids `exp-sc-1` …), teachers taken to the scoring step, and a running session.
import { expect } from 'vitest';
import type { Expert } from '../../server/domain/committee-work/types.js';
import { setDrawnMembers } from '../../server/runtime/committees/sessions.js';
import { approve, fireNext, submitted, teacherForm, type Harness } from '../conformance/support.js';
import { PLAN_KEYS, uploadPlanFile } from './sessions-support.js';

export const COMMITTEE = 'cmt-150100-teacher';
export const CLERK = 'demo-office-teacher';
export const NAMES = ['高志远', '孙丽华', '周建国', '吴秀英', '郑海涛'];
export const EXPERTS = NAMES.map((_, i) => `sc-${i + 1}`);

export async function seedScoringPool(h: Harness): Promise<void> {
  for (const [i, name] of NAMES.entries()) {
    const body: Expert = { name, userId: EXPERTS[i]!, specialties: [], title: '正高级教师', unitName: `呼和浩特市第${i + 1}中学`, committees: [COMMITTEE], service: [], conflicts: [] };
    expect((await h.platform.store.putRecord({ kind: 'expert', id: `exp-sc-${i + 1}`, version: 1, updatedAt: h.clock.now(), keys: [`committee:${COMMITTEE}`], body }, null, [])).ok).toBe(true);
  }
}

export async function toScoring(h: Harness, applicant: string): Promise<string> {
  const id = (await submitted(h, applicant, { levelKey: 'zhongxiaoxue.gaoji', form: teacherForm() }))['id'] as string;
  await approve(h, 'demo-unit-no2', id, 'unitReview');
  await fireNext(h, id);
  await approve(h, 'demo-dept-edu', id, 'competentReview');
  await approve(h, 'demo-hrss-hhht', id, 'leagueReview');
  await fireNext(h, id);
  await approve(h, CLERK, id, 'officeCheck');
  return id;
}

export async function runningSession(h: Harness, agenda: string[]): Promise<string> {
  const res = await h.as(CLERK)({ method: 'POST', url: '/api/sessions', payload: { committeeId: COMMITTEE, campaignYear: 2022, name: '2022年度中小学教师高级职称评审会议', date: '2022-07-20', mode: 'onsite', place: '呼和浩特市教育局会议室', quorum: 5 } });
  expect(res.statusCode, res.body).toBe(201);
  const sid = res.json().id as string;
  for (const key of PLAN_KEYS) expect((await uploadPlanFile(h, CLERK, sid, key)).statusCode).toBe(200);
  expect((await h.as(CLERK)({ method: 'POST', url: `/api/sessions/${sid}/plan/submit` })).statusCode).toBe(200);
  expect((await h.as('demo-admin')({ method: 'POST', url: `/api/sessions/${sid}/plan/approve` })).statusCode).toBe(200);
  expect((await h.as(CLERK)({ method: 'PUT', url: `/api/sessions/${sid}/agenda`, payload: { applicationIds: agenda } })).statusCode).toBe(200);
  expect((await setDrawnMembers(h.platform, sid, EXPERTS.map((_, i) => ({ expertId: `exp-sc-${i + 1}`, role: 'member' as const })), 'test-draw')).ok).toBe(true);
  expect((await h.as(CLERK)({ method: 'POST', url: `/api/sessions/${sid}/members/confirm` })).statusCode).toBe(200);
  const marks = EXPERTS.map((_, i) => ({ expertId: `exp-sc-${i + 1}`, attendance: 'present' }));
  expect((await h.as(CLERK)({ method: 'PUT', url: `/api/sessions/${sid}/attendance`, payload: { marks } })).statusCode).toBe(200);
  const started = await h.as(CLERK)({ method: 'POST', url: `/api/sessions/${sid}/start` });
  expect(started.statusCode, started.body).toBe(200);
  return sid;
}
