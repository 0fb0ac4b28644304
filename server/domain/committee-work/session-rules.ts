// 评审会议's rules as pure functions: F3 (the implementation plan filed and approved at least 7 days before the
// session; no approved plan, no start), the five files of the plan, and who may start it (confirmed members with
// their attendance recorded, at least the quorum present). Dates are YYYY-MM-DD in China, passed in.
import { fail, ok, type Problem, type Result } from '../result.js';
import type { ImplementationPlan, ReviewSession, SessionMember, SessionStatus } from './types.js';

export type PlanFileKey = keyof ImplementationPlan['files'];

/** the plan's files in the order the notice lists them (F3) */
export const PLAN_FILES: readonly { key: PlanFileKey; label: string }[] = [
  { key: 'filingForm', label: '备案表' },
  { key: 'commitmentLetter', label: '承诺书' },
  { key: 'roster', label: '花名册' },
  { key: 'reviewForms', label: '送审表' },
  { key: 'proposedExperts', label: '拟聘专家名单' },
];

export const SESSION_STATUS_LABELS: Readonly<Record<SessionStatus, string>> = {
  planning: '筹备中',
  planSubmitted: '实施方案待批准',
  planApproved: '实施方案已批准',
  inProgress: '评审中',
  closed: '已结束',
};

export const MODE_LABELS: Readonly<Record<ReviewSession['mode'], string>> = { onsite: '现场评审', online: '网上评审' };

/** how many days before the session the plan must be approved (F3: 一周) */
export const PLAN_LEAD_DAYS = 7;

/** the last day the plan may be approved: the session date minus 7 days */
export function planDeadline(sessionDate: string): string {
  return new Date(Date.parse(`${sessionDate}T00:00:00Z`) - PLAN_LEAD_DAYS * 86_400_000).toISOString().slice(0, 10);
}

const refusal = (code: string, message: string, pointer?: string): Result<never> => fail(code, message, [{ code, message, ...(pointer ? { pointer } : {}) }]);

/** F3: approving on `today` is refused once the deadline has passed */
export function checkPlanApproval(session: Pick<ReviewSession, 'date'>, today: string): Result<void> {
  const last = planDeadline(session.date);
  if (today <= last) return ok(undefined);
  return refusal('session.plan_late', `实施方案须在评审会议 ${PLAN_LEAD_DAYS} 日前（${last} 前）报备并获批准`, '/plan');
}

/** every file of the plan uploaded, each missing one at its own pointer */
export function missingPlanFiles(plan: ImplementationPlan): Problem[] {
  return PLAN_FILES.filter((f) => !plan.files[f.key]).map((f) => ({ code: 'session.plan_file_missing', message: `请上传${f.label}`, pointer: `/plan/files/${f.key}` }));
}

/** members who take part: confirmed and not replaced by a reserve */
export const sittingMembers = (s: Pick<ReviewSession, 'members'>): SessionMember[] => s.members.filter((m) => m.confirmed && !m.replacedBy);

export const presentMembers = (s: Pick<ReviewSession, 'members'>): SessionMember[] => sittingMembers(s).filter((m) => m.attendance === 'present');

/**
 * Why the session cannot start (empty: it can): an approved plan (F3), confirmed members, every one's attendance
 * recorded, and at least the quorum present. `nameOf` gives an expert's name for the message.
 */
export function startProblems(s: ReviewSession, nameOf: (expertId: string) => string): Problem[] {
  if (s.status === 'inProgress' || s.status === 'closed') return [{ code: 'session.already_started', message: '评审会议已经开始', pointer: '/status' }];
  if (s.status !== 'planApproved' || !s.plan.approvedAt) return [{ code: 'session.no_plan', message: '评审会议未获批准实施方案，不能开始', pointer: '/plan' }];
  const sitting = sittingMembers(s);
  if (sitting.length === 0) return [{ code: 'session.no_members', message: '尚未确认聘任评审专家，不能开始', pointer: '/members' }];
  const unmarked = sitting.filter((m) => !m.attendance);
  if (unmarked.length > 0) {
    return [{ code: 'session.attendance_missing', message: `请先登记出席情况：${unmarked.map((m) => nameOf(m.expertId)).join('、')}未登记`, pointer: '/members' }];
  }
  const present = presentMembers(s).length;
  if (present < s.quorum) {
    return [{ code: 'session.quorum', message: `出席专家 ${present} 人，少于法定人数 ${s.quorum} 人，不能开始评审`, pointer: '/members' }];
  }
  return [];
}
