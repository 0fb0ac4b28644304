// 账号与角色 as a spreadsheet: the staff the account list shows for the same search, each role by its Chinese
// name and the org (or committee) it is held at. Never an ID number, as on the page.
import { roleName } from '../../domain/accounts/role-names.js';
import { shanghaiDate } from '../../domain/calendar/due.js';
import type { User } from '../../domain/schema-types.gen.js';

export interface AccountFilter {
  q?: string | undefined;
  role?: string | undefined;
  orgId?: string | undefined;
}

/** the account list's search (http/plugins/accounts.ts): staff by name or login, role and org */
export function staffMatching(users: readonly User[], f: AccountFilter): User[] {
  const needle = f.q?.trim().toLowerCase() ?? '';
  return users
    .filter((u) => u.kind === 'staff')
    .filter((u) => !needle || u.name.toLowerCase().includes(needle) || u.login.toLowerCase().includes(needle))
    .filter((u) => u.roles.some((r) => (!f.role || r.role === f.role) && (!f.orgId || r.orgId === f.orgId)) || (!f.role && !f.orgId))
    .sort((a, b) => a.login.localeCompare(b.login));
}

export const ACCOUNT_COLUMNS = [
  { key: 'seq', header: '序号', width: 6 },
  { key: 'login', header: '登录名' },
  { key: 'name', header: '姓名' },
  { key: 'roles', header: '角色及任职机构', width: 60 },
  { key: 'phone', header: '手机号', width: 14 },
  { key: 'state', header: '状态', width: 10 },
  { key: 'createdAt', header: '创建日期', width: 12 },
] as const;

/** `scopeName` names an org, or for an expert the committee */
export function accountRows(users: readonly User[], scopeName: (role: string, id: string) => string): Record<string, string | number>[] {
  return users.map((u, i) => ({
    seq: i + 1,
    login: u.login,
    name: u.name,
    roles: u.roles.map((r) => `${roleName(r.role)}（${scopeName(r.role, r.orgId)}）`).join('；'),
    phone: u.phone ?? '',
    state: u.disabled ? '已停用' : '正常',
    createdAt: shanghaiDate(u.createdAt) ?? '',
  }));
}
