// Chinese names for everything the step designer shows: step types, conclusions, who does a step, vote
// rules. Data only, shared by the compiler (element and flow names) and the designer's dropdowns.
import type { Conclusion, ExpertReviewStep, StepType } from './types.js';

export const STEP_TYPE_LABELS: Readonly<Record<StepType, string>> = {
  review: '审核',
  publicity: '公示',
  roster: '花名册公示',
  send: '送交',
  expertReview: '专家评审',
  resultPublicity: '结果公示',
  filing: '核准备案',
  certificate: '发证',
  notify: '通知',
  pass: '办结（审核通过）',
  condition: '条件分支',
  parallel: '并行分支',
};

export const CONCLUSION_LABELS: Readonly<Record<Conclusion, string>> = {
  approve: '同意',
  return: '退回补正（一次告知）',
  reject: '不同意',
};

/** the roles a step's task may be given to (an applicant corrects, an expert votes: not offered here) */
export const STEP_ROLES: readonly { value: string; label: string }[] = [
  { value: 'unitReviewer', label: '单位审核人' },
  { value: 'competentReviewer', label: '主管部门审核人' },
  { value: 'leagueReviewer', label: '盟市人社部门审核人' },
  { value: 'centreClerk', label: '公共服务中心经办人' },
  { value: 'committeeClerk', label: '评委会办事机构经办人' },
];

/** where the task's org is found: the keys of an application's routing, resolved at submit */
export const STEP_SCOPES: readonly { value: string; label: string; role: string }[] = [
  { value: 'unit', label: '申报人所在单位', role: 'unitReviewer' },
  { value: 'competent', label: '主管部门（推荐渠道）', role: 'competentReviewer' },
  { value: 'league', label: '所在盟市人社部门', role: 'leagueReviewer' },
  { value: 'centre', label: '人事人才公共服务中心', role: 'centreClerk' },
  { value: 'committeeOffice', label: '评委会办事机构', role: 'committeeClerk' },
];

export const VOTE_RULES: Readonly<Record<ExpertReviewStep['rule'], { label: string; feel: string }>> = {
  twoThirds: { label: '出席专家三分之二以上同意', feel: 'approvals >= attending * 2 / 3' },
  majority: { label: '出席专家过半数同意', feel: 'approvals > attending / 2' },
};

export const SESSION_LABELS: Readonly<Record<ExpertReviewStep['session'], string>> = {
  meeting: '评审会议（专家现场无记名表决）',
  online: '网上评审（专家在线无记名表决）',
  entrusted: '委托评审（登记受托评委会的评审结果）',
};

/** decision forms a review may use (keys of a level's decisions): the platform's, with what they ask */
export const REVIEW_FORMS: readonly { value: string; label: string }[] = [
  { value: 'review', label: '审核意见（结论、意见、需补正事项）' },
  { value: 'entrust', label: '委托函审核（结论、函号、意见）' },
];

export const roleLabel = (v: string): string => STEP_ROLES.find((r) => r.value === v)?.label ?? v;
export const scopeLabel = (v: string): string => STEP_SCOPES.find((s) => s.value === v)?.label ?? v;
