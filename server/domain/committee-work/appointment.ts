// F4 (the notice; 40号令 第二十四条): an expert who served a committee's maximum number of consecutive years
// (3 unless the committee says otherwise) is not appointed the next year, and a 自主评审 committee (scope `units`)
// needs a minimum share of experts from outside its units. Pure: the year and the records are arguments.
import type { CommitteeList } from '../schema-types.gen.js';
import type { Expert } from './types.js';

type Committee = CommitteeList['committees'][number];

/** an expert record as the store lists it (StoredRecord<Expert> fits) */
export interface ExpertEntry {
  id: string;
  body: Expert;
}

export type AppointmentProblemCode = 'consecutiveYears' | 'expertInactive' | 'notInPool' | 'alreadyMember' | 'samePerson' | 'externalShare';

export interface AppointmentProblem {
  code: AppointmentProblemCode;
  message: string;
  expertId?: string;
}

export const DEFAULT_MAX_CONSECUTIVE_YEARS = 3;

export function maxConsecutiveYears(committee: Committee): number {
  return committee.appointment?.maxConsecutiveYears ?? DEFAULT_MAX_CONSECUTIVE_YEARS;
}

/** the unbroken run of years served on the committee that ends at `year − 1` (none: null) */
export function serviceStreak(expert: Expert, committeeId: string, year: number): { from: number; to: number; years: number } | null {
  const served = new Set(expert.service.filter((s) => s.committeeId === committeeId).map((s) => s.year));
  let from = year;
  while (served.has(from - 1)) from -= 1;
  return from === year ? null : { from, to: year - 1, years: year - from };
}

/** F4 alone, in words: why the expert cannot be appointed in `year` (null: may be appointed) */
export function consecutiveYearsProblem(expert: Expert, committee: Committee, year: number): string | null {
  const streak = serviceStreak(expert, committee.id, year);
  if (!streak || streak.years < maxConsecutiveYears(committee)) return null;
  return `该专家已连续 ${streak.years} 年（${streak.from}—${streak.to} 年）担任本评委会评审专家，${year} 年不得聘任`;
}

/**
 * Whether `expert` may sit on `committee` in `year` beside `otherMembers` (expert ids already on the session):
 * F4, 停用, the committee's pool, listed twice, or the same person entered twice in the pool (same name and unit).
 */
export function checkAppointment(
  expert: ExpertEntry,
  committee: Committee,
  year: number,
  otherMembers: readonly string[] = [],
  experts: readonly ExpertEntry[] = [],
): AppointmentProblem[] {
  const out: AppointmentProblem[] = [];
  const e = expert.body;
  const add = (code: AppointmentProblemCode, message: string): void => {
    out.push({ code, message, expertId: expert.id });
  };
  if (e.inactive) add('expertInactive', `该专家已停用（${e.inactive.reason}），不得聘任`);
  if (!e.committees.includes(committee.id)) add('notInPool', '该专家不在本评委会专家库中');
  const f4 = consecutiveYearsProblem(e, committee, year);
  if (f4) add('consecutiveYears', f4);
  if (otherMembers.includes(expert.id)) add('alreadyMember', '该专家已在本次评审专家名单中');
  const twin = experts.find(
    (o) => o.id !== expert.id && otherMembers.includes(o.id) && o.body.name === e.name && o.body.unitName === e.unitName,
  );
  if (twin) add('samePerson', `该专家与名单中的${twin.body.name}（${twin.body.unitName}）为同一人`);
  return out;
}

/** a 自主评审 committee: its scope names units */
export function isSelfReviewCommittee(committee: Committee): boolean {
  return (committee.scope.units?.length ?? 0) > 0;
}

/** external to the committee: the expert's unit is not one of the committee's scope units (a unit outside the org tree is external) */
export function isExternalExpert(expert: Expert, committee: Committee): boolean {
  const units = committee.scope.units ?? [];
  return !expert.unitOrgId || !units.includes(expert.unitOrgId);
}

/**
 * The external share of a 自主评审 session's members (expert ids) against the committee's `minExternalShare`;
 * other committees and committees without the setting have no requirement. Unknown ids count as not external.
 */
export function checkExternalShare(members: readonly string[], committee: Committee, experts: readonly ExpertEntry[]): AppointmentProblem | null {
  const min = committee.appointment?.minExternalShare ?? 0;
  if (!isSelfReviewCommittee(committee) || min <= 0 || members.length === 0) return null;
  const byId = new Map(experts.map((e) => [e.id, e.body]));
  const external = members.filter((id) => {
    const e = byId.get(id);
    return e !== undefined && isExternalExpert(e, committee);
  }).length;
  if (external / members.length >= min - 1e-9) return null;
  const pct = (n: number): string => `${Math.round(n * 100)}%`;
  return {
    code: 'externalShare',
    message: `外单位专家 ${external} 人，占 ${pct(external / members.length)}，低于本评委会要求的 ${pct(min)}`,
  };
}

/** the fewest external experts a session of `size` members needs (0: no requirement) */
export function minExternalMembers(size: number, committee: Committee): number {
  const min = committee.appointment?.minExternalShare ?? 0;
  return isSelfReviewCommittee(committee) && min > 0 ? Math.ceil(size * min - 1e-9) : 0;
}
