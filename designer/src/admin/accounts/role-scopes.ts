// Which roles an administrator grants, in Chinese, and what each is scoped to: an org of some kinds, or a committee.
import type { Org, RoleKey } from '../../types/api.js';

export type GrantableRole = Exclude<RoleKey, 'applicant'>;

export const GRANTABLE_ROLES: { role: GrantableRole; label: string; scope: 'org' | 'committee'; kinds?: Org['kind'][]; hint: string }[] = [
  { role: 'unitReviewer', label: '单位审核人', scope: 'org', kinds: ['unit', 'park', 'agency'], hint: '审核本单位的申报' },
  { role: 'competentReviewer', label: '主管部门审核人', scope: 'org', kinds: ['department', 'hrDepartment', 'agency', 'park', 'banner', 'league'], hint: '主管部门复核' },
  { role: 'leagueReviewer', label: '盟市人社局审核人', scope: 'org', kinds: ['league', 'hrDepartment'], hint: '盟市人社局审核、公示花名册' },
  { role: 'centreClerk', label: '服务中心经办人', scope: 'org', kinds: ['centre'], hint: '人事人才公共服务中心经办' },
  { role: 'committeeClerk', label: '评委会办事机构经办人', scope: 'org', kinds: ['committeeOffice'], hint: '评委会办事机构' },
  { role: 'expert', label: '评审专家', scope: 'committee', hint: '某评委会的评审专家' },
  { role: 'flowEditor', label: '部门流程编辑', scope: 'org', hint: '编辑本部门的评审流程' },
  { role: 'supervisor', label: '纪检监察', scope: 'org', kinds: ['hrDepartment', 'league'], hint: '查看评审专家抽取记录并复核（只读）' },
  { role: 'admin', label: '省级管理员', scope: 'org', hint: '管理全部配置、机构与账号' },
];

export const roleInfo = (role: string) => GRANTABLE_ROLES.find((r) => r.role === role);
