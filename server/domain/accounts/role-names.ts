// The roles as people read them: exports, documents and the browser's ROLE_LABELS (one list).
import type { RoleAssignment } from '../schema-types.gen.js';

export const ROLE_NAMES: Readonly<Record<RoleAssignment['role'], string>> = {
  applicant: '申报人',
  unitReviewer: '单位审核人',
  competentReviewer: '主管部门审核人',
  leagueReviewer: '盟市人社局审核人',
  centreClerk: '服务中心经办人',
  committeeClerk: '评委会办事机构经办人',
  expert: '评审专家',
  admin: '省级管理员',
  flowEditor: '部门流程编辑',
  supervisor: '纪检监察',
};

export const roleName = (role: string): string => (ROLE_NAMES as Record<string, string>)[role] ?? '其他角色';
