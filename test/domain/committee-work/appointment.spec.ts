// F4 as pure functions (server/domain/committee-work/appointment.ts) over a fixture of two committees and six experts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkAppointment,
  checkExternalShare,
  consecutiveYearsProblem,
  minExternalMembers,
  serviceStreak,
  type ExpertEntry,
} from '../../../server/domain/committee-work/appointment.js';
import type { CommitteeList } from '../../../server/domain/schema-types.gen.js';

const fx = JSON.parse(readFileSync(join(import.meta.dirname, 'appointment.fixture.json'), 'utf8')) as {
  committees: CommitteeList['committees'];
  experts: ExpertEntry[];
};
const cmt = (id: string): CommitteeList['committees'][number] => fx.committees.find((c) => c.id === id)!;
const exp = (id: string): ExpertEntry => fx.experts.find((e) => e.id === id)!;
const codes = (ps: { code: string }[]): string[] => ps.map((p) => p.code);

describe('checkAppointment (F4)', () => {
  it('refuses a fourth consecutive year with the years named', () => {
    const ps = checkAppointment(exp('exp-1'), cmt('cmt-eng'), 2022, [], fx.experts);
    expect(ps).toEqual([
      { code: 'consecutiveYears', expertId: 'exp-1', message: '该专家已连续 3 年（2019—2021 年）担任本评委会评审专家，2022 年不得聘任' },
    ]);
  });
  it('allows the year after a year off, and counts per committee', () => {
    expect(checkAppointment(exp('exp-1'), cmt('cmt-eng'), 2023)).toEqual([]);
    expect(checkAppointment(exp('exp-1'), cmt('cmt-self'), 2022)).toEqual([]);
  });
  it('a broken run does not count: 2018, 2020, 2021 is two consecutive years', () => {
    expect(serviceStreak(exp('exp-2').body, 'cmt-eng', 2022)).toEqual({ from: 2020, to: 2021, years: 2 });
    expect(consecutiveYearsProblem(exp('exp-2').body, cmt('cmt-eng'), 2022)).toBeNull();
    expect(serviceStreak(exp('exp-2').body, 'cmt-eng', 2019)).toEqual({ from: 2018, to: 2018, years: 1 });
  });
  it('follows the committee maxConsecutiveYears', () => {
    const two = { ...cmt('cmt-eng'), appointment: { maxConsecutiveYears: 2 } };
    expect(consecutiveYearsProblem(exp('exp-2').body, two, 2022)).toBe('该专家已连续 2 年（2020—2021 年）担任本评委会评审专家，2022 年不得聘任');
  });
  it('refuses inactive experts, experts outside the pool, duplicates and the same person twice', () => {
    expect(checkAppointment(exp('exp-3'), cmt('cmt-self'), 2022)).toEqual([
      { code: 'expertInactive', expertId: 'exp-3', message: '该专家已停用（退休），不得聘任' },
    ]);
    expect(codes(checkAppointment(exp('exp-2'), cmt('cmt-self'), 2022))).toEqual(['notInPool']);
    expect(codes(checkAppointment(exp('exp-4'), cmt('cmt-self'), 2022, ['exp-4']))).toEqual(['alreadyMember']);
    const twin = checkAppointment(exp('exp-5'), cmt('cmt-self'), 2022, ['exp-4'], fx.experts);
    expect(twin).toEqual([{ code: 'samePerson', expertId: 'exp-5', message: '该专家与名单中的赵敏（集团本部）为同一人' }]);
  });
});

describe('checkExternalShare (自主评审)', () => {
  it('counts experts outside the committee units (or outside the org tree) as external', () => {
    expect(checkExternalShare(['exp-1', 'exp-4', 'exp-6'], cmt('cmt-self'), fx.experts)).toBeNull();
  });
  it('refuses a list below the share with counts and percentages', () => {
    const ten = ['exp-1', ...Array.from({ length: 9 }, (_, i) => `in-${i}`)];
    const inside: ExpertEntry[] = ten.slice(1).map((id) => ({ id, body: { ...exp('exp-4').body } }));
    const p = checkExternalShare([...ten.slice(0, 1), 'exp-6', ...ten.slice(2)], cmt('cmt-self'), [...fx.experts, ...inside]);
    expect(p).toEqual({ code: 'externalShare', message: '外单位专家 2 人，占 20%，低于本评委会要求的 30%' });
  });
  it('has no requirement for a committee without units or without the setting', () => {
    expect(checkExternalShare(['exp-4'], cmt('cmt-eng'), fx.experts)).toBeNull();
    expect(checkExternalShare(['exp-4'], { ...cmt('cmt-self'), appointment: {} }, fx.experts)).toBeNull();
  });
  it('names the fewest external members a session size needs', () => {
    expect(minExternalMembers(9, cmt('cmt-self'))).toBe(3);
    expect(minExternalMembers(10, cmt('cmt-self'))).toBe(3);
    expect(minExternalMembers(9, cmt('cmt-eng'))).toBe(0);
  });
});
