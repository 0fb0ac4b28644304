// 分组评审 (D6): a session's agenda split into groups — grassroots posts, the non-public sector, 专精特新 and the
// rest — each reviewed on its own with its own pass-rate cap (the committee's `groups`, as data). The split is
// proposed from what the platform knows of the applicant's unit (its org tags); the office may move anyone.
import type { SessionGroup } from './types.js';

export type GroupKind = SessionGroup['kind'];

/** one configured group of a committee: its kind, its name and its pass-rate cap (0–1) */
export interface GroupSetting {
  kind: GroupKind;
  name: string;
  passRate?: number;
}

/** what the split reads of one agenda application: its unit's tags (seeds/orgs.json `tags`) */
export interface AgendaFact {
  applicationId: string;
  sector?: 'public' | 'non-public' | undefined;
  grassroots?: 'region' | 'city' | 'banner' | 'township' | undefined;
  /** the unit is a 专精特新 enterprise, when the platform knows it */
  specialised?: boolean | undefined;
}

export interface GroupProblem {
  code: string;
  message: string;
  pointer: string;
}

/** a committee without configured groups reviews everyone in one group, without a cap */
export const DEFAULT_GROUPS: readonly GroupSetting[] = [{ kind: 'regular', name: '普通组' }];

export const groupId = (kind: GroupKind): string => `grp-${kind}`;

/** the kind a unit's facts point to: banner and township posts are grassroots (基层), then non-public, 专精特新 */
export function kindOf(f: AgendaFact): GroupKind {
  if (f.specialised) return 'specialised';
  if (f.grassroots === 'banner' || f.grassroots === 'township') return 'grassroots';
  if (f.sector === 'non-public') return 'nonPublic';
  return 'regular';
}

/** the configured groups, in order; a kind the committee does not configure falls into its regular group */
export function proposeGroups(facts: readonly AgendaFact[], settings: readonly GroupSetting[]): SessionGroup[] {
  const list = settings.length > 0 ? settings : DEFAULT_GROUPS;
  const fallback = list.find((g) => g.kind === 'regular') ?? list[0]!;
  const groups: SessionGroup[] = list.map((g) => ({ id: groupId(g.kind), name: g.name, kind: g.kind, applicationIds: [] }));
  for (const f of facts) {
    const kind = kindOf(f);
    const target = groups.find((g) => g.kind === kind) ?? groups.find((g) => g.kind === fallback.kind)!;
    target.applicationIds.push(f.applicationId);
  }
  return groups;
}

/** each agenda application in exactly one group, of a kind the committee configures, and nothing else */
export function checkGroups(groups: readonly SessionGroup[], agenda: readonly string[], settings: readonly GroupSetting[], nameOf: (applicationId: string) => string): GroupProblem[] {
  const list = settings.length > 0 ? settings : DEFAULT_GROUPS;
  const problems: GroupProblem[] = [];
  const seen = new Map<string, string>();
  const onAgenda = new Set(agenda);
  for (const g of groups) {
    if (!list.some((s) => s.kind === g.kind)) problems.push({ code: 'group.unknown', message: `本评委会未设置“${g.name}”`, pointer: `/groups/${g.id}` });
    for (const a of g.applicationIds) {
      const first = seen.get(a);
      if (first !== undefined) problems.push({ code: 'group.twice', message: `${nameOf(a)}同时在${first}和${g.name}`, pointer: `/groups/${g.id}/${a}` });
      else seen.set(a, g.name);
      if (!onAgenda.has(a)) problems.push({ code: 'group.not_on_agenda', message: `${nameOf(a)}不在本次会议议程中`, pointer: `/groups/${g.id}/${a}` });
    }
  }
  for (const a of agenda) if (!seen.has(a)) problems.push({ code: 'group.missing', message: `${nameOf(a)}尚未分组`, pointer: `/groups/${a}` });
  return problems;
}

/** 62.5% — at most one decimal, no trailing zero */
export const percent = (rate: number): string => `${Math.round(rate * 1000) / 10}%`;

export interface GroupTally {
  passed: number;
  total: number;
  /** passed / total; 0 for an empty group */
  rate: number;
  overCap: boolean;
  /** 基层组通过 5 人，通过率 62.5%，超过本组上限 60% */
  summary: string;
}

/** a group's pass rate against its cap, counted over the group's candidates */
export function tallyGroup(name: string, passRate: number | undefined, outcomes: readonly ('passed' | 'failed' | 'pending')[]): GroupTally {
  const total = outcomes.length;
  const passed = outcomes.filter((o) => o === 'passed').length;
  const rate = total === 0 ? 0 : passed / total;
  const overCap = passRate !== undefined && rate > passRate + 1e-9;
  const pending = outcomes.filter((o) => o === 'pending').length;
  const cap = passRate === undefined ? '本组未设通过率上限' : `${overCap ? '超过' : '未超过'}本组上限 ${percent(passRate)}`;
  const tail = pending > 0 ? `（尚有 ${pending} 人表决未结束）` : '';
  return { passed, total, rate, overCap, summary: `${name}通过 ${passed} 人，通过率 ${percent(rate)}，${cap}${tail}` };
}
