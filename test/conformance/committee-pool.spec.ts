// F4 on the seeded 专家库 (the notice's F4; 40号令 第二十四条): the pool is read through the public API and the
// appointment checks the draw and the sessions call (server/domain/committee-work/appointment.ts) refuse with the reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAppointment, checkExternalShare, type ExpertEntry } from '../../server/domain/committee-work/appointment.js';
import type { Expert } from '../../server/domain/committee-work/types.js';
import type { CommitteeList } from '../../server/domain/schema-types.gen.js';
import { startHarness, type Harness } from '../support/harness.js';

type Committee = CommitteeList['committees'][number];
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ now: '2022-06-01T02:00:00.000Z' });
}, 180_000);
afterAll(async () => h?.close());

async function committee(id: string): Promise<Committee> {
  const res = await h.as('demo-admin')({ method: 'GET', url: '/api/admin/committees' });
  return (res.json() as { items: Committee[] }).items.find((c) => c.id === id)!;
}
async function pool(id: string): Promise<ExpertEntry[]> {
  const res = await h.as('demo-admin')({ method: 'GET', url: `/api/committees/${id}/experts?page=1` });
  expect(res.statusCode).toBe(200);
  const ids = (res.json() as { items: { id: string }[] }).items.map((e) => e.id);
  const recs = await Promise.all(ids.map((x) => h.platform.store.getRecord<Expert>('expert', x)));
  return recs.map((r) => ({ id: r!.id, body: r!.body }));
}

describe('conformance: committee pool', () => {
  it('F4: a fourth consecutive year on the same committee is refused with the years named', async () => {
    const eng = await committee('cmt-gongcheng-senior');
    const experts = await pool(eng.id);
    const wang = experts.find((e) => e.body.name === '王建国')!;
    expect(checkAppointment(wang, eng, 2022, [], experts).map((p) => p.message)).toEqual([
      '该专家已连续 3 年（2019—2021 年）担任本评委会评审专家，2022 年不得聘任',
    ]);
    // the office sees the same in the pool list
    const listed = await h.as('demo-office-gongcheng')({ method: 'GET', url: `/api/committees/${eng.id}/experts?q=${encodeURIComponent('王建国')}` });
    expect(listed.json().items[0].appointment).toBe('2022 年不得聘任：已连续 3 年');
    // a year off, and the expert may serve again
    expect(checkAppointment(wang, eng, 2023, [], experts)).toEqual([]);
  });

  it('F4: a 自主评审 member list below the external share is refused; one at the share passes', async () => {
    const self = await committee('cmt-xingtai-gongcheng');
    expect(self.appointment?.minExternalShare).toBe(0.3);
    const experts = (await pool(self.id)).filter((e) => !e.body.inactive);
    const internal = experts.filter((e) => e.body.unitOrgId === 'unit-xingtai').map((e) => e.id);
    const external = experts.filter((e) => e.body.unitOrgId !== 'unit-xingtai').map((e) => e.id);
    const low = [...internal.slice(0, 6), ...external.slice(0, 1)];
    expect(checkExternalShare(low, self, experts)?.message).toBe('外单位专家 1 人，占 14%，低于本评委会要求的 30%');
    const enough = [...internal.slice(0, 4), ...external.slice(0, 3)];
    expect(checkExternalShare(enough, self, experts)).toBeNull();
  });
});
