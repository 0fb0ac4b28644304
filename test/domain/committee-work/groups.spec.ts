// 分组 (D6): the split proposed from the units' tags, the checks on a split the office changed, and a group's pass
// rate against its cap in words.
import { describe, expect, it } from 'vitest';
import { checkGroups, proposeGroups, tallyGroup, type GroupSetting } from '../../../server/domain/committee-work/groups.js';

const SETTINGS: GroupSetting[] = [
  { kind: 'grassroots', name: '基层组', passRate: 0.6 },
  { kind: 'nonPublic', name: '非公组', passRate: 0.5 },
  { kind: 'regular', name: '普通组', passRate: 0.5 },
];
const names: Record<string, string> = { a: '张三', b: '李四', c: '王五', d: '赵六' };
const nameOf = (id: string): string => names[id] ?? id;

describe('proposeGroups', () => {
  it('banner and township units go to 基层组, non-public units to 非公组, the rest (league city, region) to 普通组', () => {
    const groups = proposeGroups(
      [
        { applicationId: 'a', sector: 'public', grassroots: 'township' },
        { applicationId: 'b', sector: 'public', grassroots: 'banner' },
        { applicationId: 'c', sector: 'non-public', grassroots: 'city' },
        { applicationId: 'd', sector: 'public', grassroots: 'city' },
      ],
      SETTINGS,
    );
    expect(groups.map((g) => [g.name, g.applicationIds])).toEqual([
      ['基层组', ['a', 'b']],
      ['非公组', ['c']],
      ['普通组', ['d']],
    ]);
  });

  it('a kind the committee does not configure (专精特新 here) falls into its regular group; no settings: one 普通组', () => {
    expect(proposeGroups([{ applicationId: 'a', specialised: true }], SETTINGS).find((g) => g.kind === 'regular')!.applicationIds).toEqual(['a']);
    expect(proposeGroups([{ applicationId: 'a', grassroots: 'township' }], [])).toEqual([{ id: 'grp-regular', name: '普通组', kind: 'regular', applicationIds: ['a'] }]);
  });
});

describe('checkGroups', () => {
  const agenda = ['a', 'b', 'c'];
  it('a split that puts every agenda application in exactly one group passes', () => {
    expect(checkGroups(proposeGroups(agenda.map((applicationId) => ({ applicationId })), SETTINGS), agenda, SETTINGS, nameOf)).toEqual([]);
  });

  it('twice, missing, not on the agenda, a group the committee does not have: each named by the applicant', () => {
    const problems = checkGroups(
      [
        { id: 'grp-grassroots', name: '基层组', kind: 'grassroots', applicationIds: ['a', 'd'] },
        { id: 'grp-regular', name: '普通组', kind: 'regular', applicationIds: ['a'] },
        { id: 'grp-specialised', name: '专精特新组', kind: 'specialised', applicationIds: [] },
      ],
      agenda,
      SETTINGS,
      nameOf,
    );
    expect(problems.map((p) => p.message)).toEqual(['赵六不在本次会议议程中', '张三同时在基层组和普通组', '本评委会未设置“专精特新组”', '李四尚未分组', '王五尚未分组']);
  });
});

describe('tallyGroup', () => {
  it('5 of 8 passed is 62.5%, over a 60% cap', () => {
    const t = tallyGroup('基层组', 0.6, [...Array(5).fill('passed'), ...Array(3).fill('failed')]);
    expect(t).toMatchObject({ passed: 5, total: 8, overCap: true, summary: '基层组通过 5 人，通过率 62.5%，超过本组上限 60%' });
  });

  it('exactly at the cap is within it; votes still open are said; no cap is said', () => {
    expect(tallyGroup('普通组', 0.5, ['passed', 'failed']).summary).toBe('普通组通过 1 人，通过率 50%，未超过本组上限 50%');
    expect(tallyGroup('普通组', 0.5, ['passed', 'pending']).summary).toBe('普通组通过 1 人，通过率 50%，未超过本组上限 50%（尚有 1 人表决未结束）');
    expect(tallyGroup('普通组', undefined, []).summary).toBe('普通组通过 0 人，通过率 0%，本组未设通过率上限');
  });
});
