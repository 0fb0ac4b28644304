// The draw: reproducible from its seed, recusal by the expert's own unit and by a declared conflict, F4, 停用,
// 专业不符, and a clear refusal when too few remain.
import { describe, expect, it } from 'vitest';
import { drawExperts, pickMembers } from '../../../server/domain/committee-work/draw.js';
import { applicants, committee, expert, pool, SEED } from './draw-fixture.js';

const request = { specialties: ['civil'], members: 5, reserves: 2 };
const base = { seed: SEED, request, applicants, committee, year: 2022 };

describe('drawExperts', () => {
  it('the same seed over the same candidates gives the same members and reserves, whatever order the pool came in', () => {
    const a = drawExperts({ ...base, experts: pool() });
    const b = drawExperts({ ...base, experts: pool().reverse() });
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(b.value).toEqual(a.value);
    expect(a.value.members).toHaveLength(5);
    expect(a.value.reserves).toHaveLength(2);
    expect(new Set([...a.value.members, ...a.value.reserves]).size).toBe(7);
    expect(a.value.candidates).toEqual([...a.value.candidates].sort());
    // the replay over the stored candidates repeats the result
    expect(pickMembers(SEED, a.value.candidates, 5, 2)).toEqual({ members: a.value.members, reserves: a.value.reserves });
    // the algorithm is fixed: this seed always gives these experts (a change here breaks every stored draw's 复核)
    expect(a.value.members).toMatchInlineSnapshot(`
      [
        "exp-05",
        "exp-12",
        "exp-03",
        "exp-08",
        "exp-02",
      ]
    `);
  });

  it('another seed gives another draw', () => {
    const a = drawExperts({ ...base, experts: pool() });
    const b = drawExperts({ ...base, seed: 'ffeeddccbbaa99887766554433221100', experts: pool() });
    expect(a.ok && b.ok && a.value.members.join() !== b.value.members.join()).toBe(true);
  });

  it('recuses an expert of an applicant’s own unit (by org id or by the unit’s name) and one who declared a conflict', () => {
    const experts = pool();
    experts[0] = expert(1, { unitOrgId: 'unit-app-1', unitName: '甲公司' });
    experts[1] = expert(2, { unitOrgId: undefined, unitName: ' 乙公司' });
    experts[2] = expert(3, { conflicts: [{ applicantIdNumber: '150102198207120025', reason: '近亲属' }] });
    experts[3] = expert(4, { conflicts: [{ orgId: 'unit-app-1', reason: '曾在该单位任职' }] });
    const r = drawExperts({ ...base, experts });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.excluded).toEqual([
      { expertId: 'exp-01', reason: '本人单位回避：与申报人申报人甲同一单位（甲公司）' },
      { expertId: 'exp-02', reason: '本人单位回避：与申报人申报人乙同一单位（ 乙公司）' },
      { expertId: 'exp-03', reason: '申报回避：申报人申报人乙（近亲属）' },
      { expertId: 'exp-04', reason: '申报回避：申报人申报人甲所在单位（曾在该单位任职）' },
    ]);
    for (const id of ['exp-01', 'exp-02', 'exp-03', 'exp-04']) {
      expect(r.value.candidates).not.toContain(id);
      expect([...r.value.members, ...r.value.reserves]).not.toContain(id);
    }
  });

  it('F4: an expert who served three consecutive years is not drawn the fourth; 停用 and 专业不符 are left out too', () => {
    const experts = pool();
    experts[4] = expert(5, { service: [2019, 2020, 2021].map((year) => ({ committeeId: 'cmt-test', year })) });
    experts[5] = expert(6, { service: [2019, 2021].map((year) => ({ committeeId: 'cmt-test', year })) });
    experts[6] = expert(7, { inactive: { at: '2022-01-01T00:00:00Z', by: 'u', reason: '退休' } });
    experts[7] = expert(8, { specialties: ['road'] });
    const r = drawExperts({ ...base, experts });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.excluded.map((x) => [x.expertId, x.reason.split('：')[0]])).toEqual([
      ['exp-05', '不得连任'],
      ['exp-07', '已停用'],
      ['exp-08', '专业不符'],
    ]);
    expect(r.value.excluded[0]!.reason).toContain('已连续 3 年（2019—2021 年）');
    expect(r.value.candidates).toContain('exp-06');
  });

  it('experts outside the committee’s pool are not candidates at all', () => {
    const experts = [...pool(), expert(13, { committees: ['other'] })];
    const r = drawExperts({ ...base, experts });
    expect(r.ok && !r.value.candidates.includes('exp-13') && !r.value.excluded.some((x) => x.expertId === 'exp-13')).toBe(true);
  });

  it('F4: a 自主评审 committee’s external share is met by the draw, and the replay over the stored record repeats it', () => {
    const self = { ...committee, scope: { units: ['unit-own'] }, appointment: { minExternalShare: 0.6 } };
    // nine of the committee's own unit, three from outside
    const experts = pool().map((e, i) => (i < 9 ? expert(i + 1, { unitOrgId: 'unit-own', unitName: '本单位' }) : e));
    const r = drawExperts({ ...base, committee: self, experts });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.external).toEqual({ min: 3, candidates: ['exp-10', 'exp-11', 'exp-12'] });
    expect(r.value.members.filter((id) => ['exp-10', 'exp-11', 'exp-12'].includes(id))).toHaveLength(3);
    expect(pickMembers(SEED, r.value.candidates, 5, 2, r.value.external)).toEqual({ members: r.value.members, reserves: r.value.reserves });
    const short = drawExperts({ ...base, committee: { ...self, appointment: { minExternalShare: 0.8 } }, experts });
    expect(short.ok || short.error.message).toBe('符合条件的外单位专家只有 3 人，少于本评委会要求的 4 人');
  });

  it('refuses, saying how many, when fewer candidates remain than members and reserves', () => {
    const experts = pool().slice(0, 4);
    const r = drawExperts({ ...base, experts });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toBe('符合条件的专家只有 4 人，少于需抽取的 7 人（含备选 2 人）');
    expect(r.error.code).toBe('draw.too_few_candidates');
  });
});
