// Experts and review sessions put straight into the store for the draw specs (a committee without seeded experts).
import { expect } from 'vitest';
import type { Expert, ReviewSession } from '../../server/domain/committee-work/types.js';
import type { Harness } from '../support/harness.js';

export const COMMITTEE = 'cmt-gongcheng-jixie';
export const OFFICE = 'office-gongcheng-jixie';
export const APPLICANT_ID_NUMBER = '150102198503150012';

export async function putExpert(h: Harness, n: number, over: Partial<Expert> = {}): Promise<string> {
  const id = `exp-t${String(n).padStart(2, '0')}`;
  const body: Expert = {
    name: `测试专家${n}`, specialties: ['jixie'], title: '正高级工程师', unitName: `第${n}机械研究所`, unitOrgId: `unit-t${n}`,
    phone: `1390000${String(n).padStart(4, '0')}`, committees: [COMMITTEE], service: [], conflicts: [], ...over,
  };
  const res = await h.platform.store.putRecord({ kind: 'expert', id, version: 1, updatedAt: h.clock.now(), keys: [`committee:${COMMITTEE}`, 'specialty:jixie'], body }, null, []);
  expect(res.ok).toBe(true);
  return id;
}

export async function putSession(h: Harness, id: string, agenda: string[]): Promise<void> {
  const body: ReviewSession = {
    committeeId: COMMITTEE, campaignYear: 2022, name: '2022 年机械工程专业评审会', date: '2022-09-20', mode: 'onsite', place: '第一会议室',
    status: 'planning', plan: { files: {} }, members: [], quorum: 5, agenda, groups: [], drawIds: [],
  };
  const res = await h.platform.store.putRecord({ kind: 'reviewSession', id, version: 1, updatedAt: h.clock.now(), keys: [`committee:${COMMITTEE}`, 'year:2022', 'status:planning'], body }, null, []);
  expect(res.ok).toBe(true);
}
