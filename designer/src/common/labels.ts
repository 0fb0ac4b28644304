// Chinese labels for the platform's codes (roles, org scopes, workflow actions, application states).
import { ROLE_NAMES } from '../../../server/domain/accounts/role-names.js';
import { STATUS_NAMES } from '../../../server/domain/applications/status-names.js';
import type { RoleKey } from '../types/api.js';

// the same words the server's exports and documents use
export const ROLE_LABELS: Readonly<Record<RoleKey, string>> = ROLE_NAMES;

export const SCOPE_LABELS: Record<string, string> = {
  unit: '单位',
  competent: '主管部门',
  league: '盟市人社局',
  centre: '服务中心',
  committeeOffice: '评委会办事机构',
  committee: '评委会',
  applicant: '申报人',
};

export const ACTION_LABELS: Record<string, string> = {
  'eligibility.check': '资格审查',
  'quota.reserve': '占用指标',
  'quota.release': '释放指标',
  'publicity.open': '开始公示',
  'publicity.close': '结束公示',
  notify: '发送通知',
  'application.withdraw': '撤回申报',
  'application.reject': '不予通过（退出流程）',
  'application.pass': '评审通过',
  'application.fail': '评审未通过',
  'certificate.issue': '颁发电子证书',
};

export const DURATION_UNITS: Record<string, string> = {
  calendarDays: '自然日',
  workingDays: '工作日',
};

export const DECISION_LABELS: Record<string, string> = {
  approve: '同意',
  return: '退回补正',
  reject: '不同意',
  resubmit: '补正后重新提交',
  yes: '赞成',
  no: '反对',
  abstain: '弃权',
};

// the server's names (documents, lists) and the in-review wording only screens use
export const STATUS_LABELS: Record<string, string> = { ...STATUS_NAMES, inReview: '审核中', in_review: '审核中' };

export const KIND_LABELS: Record<string, string> = {
  series: '职称系列',
  level: '层级（表单与规则）',
  workflow: '评审流程',
  template: '文书模板',
  calendar: '节假日日历',
  committees: '评委会',
  campaign: '评审年度',
  policy: '政策规则模块',
};

export const DOCUMENTS: { name: string; label: string }[] = [
  { name: 'pingshenbiao', label: '评审表' },
  { name: 'songshenbiao', label: '送审表' },
  { name: 'gaozhishu', label: '一次性告知书' },
  { name: 'gongshi', label: '公示' },
];

export const label = (map: Record<string, string>, key: string | undefined | null): string => (key ? (map[key] ?? key) : '');
