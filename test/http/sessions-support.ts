// 评审会议 through the public API: a session of the 呼和浩特 基层 teachers' committee, its plan, its experts.
import { expect } from 'vitest';
import type { Expert } from '../../server/domain/committee-work/types.js';
import type { User } from '../../server/domain/schema-types.gen.js';
import { setDrawnMembers } from '../../server/runtime/committees/sessions.js';
import type { Harness } from '../support/harness.js';
import { multipartFile, PDF } from '../support/applicant-flow.js';

export const COMMITTEE = 'cmt-150100-jiceng';
export const OFFICE = 'office-150100-jiceng';
export const PLAN_KEYS = ['filingForm', 'commitmentLetter', 'roster', 'reviewForms', 'proposedExperts'] as const;
const NAMES = ['张建华', '李淑芬', '王志刚', '赵桂兰', '刘德明', '陈玉梅', '杨国庆'];

/** seven experts of the committee's pool, each with a sign-in account (`sx-1` … `sx-7`, pool ids `exp-sx-1` …) */
export const sessionExperts = (): Partial<User>[] =>
  NAMES.map((name, i) => ({ id: `sx-${i + 1}`, name, roles: [{ role: 'expert', orgId: COMMITTEE }] }));

export async function seedPool(h: Harness, over: Record<string, Partial<Expert>> = {}): Promise<void> {
  for (const [i, name] of NAMES.entries()) {
    const id = `exp-sx-${i + 1}`;
    const body: Expert = { name, userId: `sx-${i + 1}`, specialties: ['jiceng'], title: '正高级教师', unitName: `第${i + 1}中学`, committees: [COMMITTEE], service: [], conflicts: [], ...over[id] };
    const r = await h.platform.store.putRecord({ kind: 'expert', id, version: 1, updatedAt: h.clock.now(), keys: [`committee:${COMMITTEE}`], body }, null, []);
    expect(r.ok).toBe(true);
  }
}

type Json = Record<string, unknown>;

export async function createSession(h: Harness, clerk: string, date: string, over: Json = {}): Promise<Json> {
  const res = await h.as(clerk)({ method: 'POST', url: '/api/sessions', payload: { committeeId: COMMITTEE, campaignYear: 2022, name: '2022年度第一次评审会议', date, mode: 'onsite', place: '呼和浩特市教育局三楼会议室', quorum: 5, ...over } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Json;
}

export const uploadPlanFile = (h: Harness, clerk: string, id: string, key: string, mime = 'application/pdf', bytes = PDF) => {
  const { payload, headers } = multipartFile('file', `${key}.pdf`, mime, bytes);
  return h.as(clerk)({ method: 'POST', url: `/api/sessions/${id}/plan/files/${key}`, payload, headers });
};

/** five files uploaded and the plan submitted */
export async function submitPlan(h: Harness, clerk: string, id: string): Promise<void> {
  for (const key of PLAN_KEYS) expect((await uploadPlanFile(h, clerk, id, key)).statusCode).toBe(200);
  const res = await h.as(clerk)({ method: 'POST', url: `/api/sessions/${id}/plan/submit` });
  expect(res.statusCode, res.body).toBe(200);
}

/** the draw's result as engineer H6's draw hands it over: members (and reserves), none confirmed yet */
export async function drawn(h: Harness, id: string, members: number[], reserves: number[] = []): Promise<void> {
  const r = await setDrawnMembers(h.platform, id, [...members.map((n) => ({ expertId: `exp-sx-${n}`, role: 'member' as const })), ...reserves.map((n) => ({ expertId: `exp-sx-${n}`, role: 'reserve' as const }))], 'test-draw');
  expect(r.ok).toBe(true);
}

export const attendance = (h: Harness, clerk: string, id: string, present: number[], absent: number[] = []) =>
  h.as(clerk)({ method: 'PUT', url: `/api/sessions/${id}/attendance`, payload: { marks: [...present.map((n) => ({ expertId: `exp-sx-${n}`, attendance: 'present' })), ...absent.map((n) => ({ expertId: `exp-sx-${n}`, attendance: 'absent' }))] } });
