// 随机抽取评审专家 (40号令 第二十三条; the notice's F4): who may be drawn, who is left out and why (回避, F4, 停用,
// 专业不符), then a seeded draw that anyone holding the seed and the candidate list can repeat (纪检 复核).
// Pure: the seed, the pool, the agenda's applicants and the year are arguments.
import { fail, ok, type Result } from '../result.js';
import type { CommitteeList } from '../schema-types.gen.js';
import { checkAppointment, isExternalExpert, minExternalMembers, type ExpertEntry } from './appointment.js';
import { pickSeeded } from './seeded-pick.js';

type Committee = CommitteeList['committees'][number];

export interface DrawRequest {
  /** committee specialty keys; empty: any specialty */
  specialties: string[];
  members: number;
  reserves: number;
}

/** an applicant on the session's agenda, as recusal needs them */
export interface DrawApplicant {
  name: string;
  idNumber?: string;
  /** the applicant's unit (org id) and its name */
  orgId?: string;
  unitName?: string;
}

export interface DrawInput {
  /** hex */
  seed: string;
  /** the committee's pool */
  experts: readonly ExpertEntry[];
  request: DrawRequest;
  applicants: readonly DrawApplicant[];
  committee: Committee;
  /** the campaign year the members serve (F4) */
  year: number;
}

export interface DrawOutcome {
  /** who could be drawn, sorted by id: the order the draw saw them */
  candidates: string[];
  excluded: { expertId: string; reason: string }[];
  members: string[];
  reserves: string[];
  /** 自主评审: the fewest external experts among the members, and which candidates are external (absent: no requirement) */
  external?: ExternalShare;
}

export interface ExternalShare {
  min: number;
  candidates: string[];
}

const sameUnit = (a: string | undefined, b: string | undefined): boolean => !!a && !!b && a.trim() === b.trim();

/** why an expert cannot be drawn for this agenda (null: a candidate); the first reason that applies */
export function exclusionReason(entry: ExpertEntry, input: Omit<DrawInput, 'seed' | 'experts'>): string | null {
  const e = entry.body;
  const appointment = checkAppointment(entry, input.committee, input.year);
  if (appointment.some((p) => p.code === 'expertInactive')) return '已停用';
  const wanted = input.request.specialties;
  if (wanted.length > 0 && !e.specialties.some((s) => wanted.includes(s))) return '专业不符';
  const colleague = input.applicants.find((a) => (e.unitOrgId && a.orgId === e.unitOrgId) || sameUnit(e.unitName, a.unitName));
  if (colleague) return `本人单位回避：与申报人${colleague.name}同一单位（${e.unitName}）`;
  for (const c of e.conflicts) {
    const named = input.applicants.find((a) => (c.applicantIdNumber && a.idNumber === c.applicantIdNumber) || (c.orgId && a.orgId === c.orgId));
    if (named) return `申报回避：${c.applicantIdNumber && named.idNumber === c.applicantIdNumber ? `申报人${named.name}` : `申报人${named.name}所在单位`}（${c.reason}）`;
  }
  const f4 = appointment.find((p) => p.code === 'consecutiveYears');
  if (f4) return `不得连任：${f4.message}`;
  return null;
}

/**
 * The draw itself over a candidate list in its stored order: what 复核 repeats. One seeded order of all candidates;
 * the members are its first `members` — except that a 自主评审 committee's external minimum is met first, by the
 * external candidates earliest in that order — and the reserves are the next ones in it.
 */
export function pickMembers(seed: string, candidates: readonly string[], members: number, reserves: number, external?: ExternalShare): { members: string[]; reserves: string[] } {
  const order = pickSeeded(seed, candidates, candidates.length);
  const first = external && external.min > 0 ? order.filter((id) => external.candidates.includes(id)).slice(0, external.min) : [];
  const rest = order.filter((id) => !first.includes(id));
  const chosen = new Set([...first, ...rest.slice(0, members - first.length)]);
  const picked = order.filter((id) => chosen.has(id));
  return { members: picked, reserves: order.filter((id) => !chosen.has(id)).slice(0, reserves) };
}

export function drawExperts(input: DrawInput): Result<DrawOutcome> {
  const { request } = input;
  const pool = input.experts.filter((x) => x.body.committees.includes(input.committee.id)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const excluded: DrawOutcome['excluded'] = [];
  const candidates: string[] = [];
  for (const entry of pool) {
    const reason = exclusionReason(entry, input);
    if (reason) excluded.push({ expertId: entry.id, reason });
    else candidates.push(entry.id);
  }
  const needed = request.members + request.reserves;
  if (candidates.length < needed) {
    const message = `符合条件的专家只有 ${candidates.length} 人，少于需抽取的 ${needed} 人（含备选 ${request.reserves} 人）`;
    return fail('draw.too_few_candidates', message, [{ code: 'draw.too_few_candidates', message, pointer: '/members' }]);
  }
  const min = minExternalMembers(request.members, input.committee);
  const externalIds = pool.filter((e) => candidates.includes(e.id) && isExternalExpert(e.body, input.committee)).map((e) => e.id);
  if (externalIds.length < min) {
    const message = `符合条件的外单位专家只有 ${externalIds.length} 人，少于本评委会要求的 ${min} 人`;
    return fail('draw.too_few_external', message, [{ code: 'draw.too_few_external', message, pointer: '/members' }]);
  }
  const external = min > 0 ? { min, candidates: externalIds } : undefined;
  return ok({ candidates, excluded, ...pickMembers(input.seed, candidates, request.members, request.reserves, external), ...(external ? { external } : {}) });
}
