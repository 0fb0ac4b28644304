// Grant or revoke one org-scoped role of a staff account. The user document is re-read on every request
// (http/plugins/access.ts), so the change holds from that user's next request; nothing is cached in the session.
// An expert role names a committee: granting it also puts the person in the committee's expert list (who gets a
// ballot), revoking it takes them out.
import { fail, ok, type Result } from '../../domain/result.js';
import type { RoleAssignment, User } from '../../domain/schema-types.gen.js';
import { userAudit } from '../../auth/accounts.js';
import { listCommittees, setCommitteeExpert, type CommitteeDeps } from '../committees/committee-admin.js';

export type GrantableRole = Exclude<RoleAssignment['role'], 'applicant'>;

/** which kinds of org a role may be scoped to; null: any org */
const ORG_KINDS_FOR: Partial<Record<GrantableRole, string[]>> = {
  committeeClerk: ['committeeOffice'],
  leagueReviewer: ['league', 'hrDepartment'],
  centreClerk: ['centre'],
  // 纪检监察: the region HR department's supervision group, or a league/city bureau's
  supervisor: ['league', 'hrDepartment'],
};

async function scopeProblem(d: CommitteeDeps, role: GrantableRole, scopeId: string): Promise<Result<void>> {
  const at = (message: string) => fail('role.invalid_scope', message, [{ code: 'role.invalid_scope', message, pointer: '/orgId' }]);
  if (role === 'expert') {
    const c = (await listCommittees(d)).items.find((x) => x.id === scopeId);
    if (!c) return at('所选评委会不存在');
    if (c.deactivated) return at(`评委会「${c.name}」已停用`);
    return ok(undefined);
  }
  const org = await d.store.getOrg(scopeId);
  if (!org) return at('所选机构不存在');
  if (org.deactivated) return at(`机构「${org.name}」已停用`);
  const kinds = ORG_KINDS_FOR[role];
  if (kinds && !kinds.includes(org.kind)) return at(`「${org.name}」不是此角色可以任职的机构类型`);
  return ok(undefined);
}

async function writeRoles(d: CommitteeDeps, actor: User, userId: string, action: string, change: (roles: RoleAssignment[]) => RoleAssignment[]): Promise<Result<User>> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const current = await d.store.getUser(userId);
    if (!current) return fail('user.not_found', '该账号不存在');
    if (current.kind !== 'staff') return fail('role.not_staff', '只能给工作人员账号授予角色');
    const next: User = { ...current, roles: change(current.roles), version: current.version + 1 };
    const res = await d.store.updateUser(next, current.version, [userAudit(d.clock, actor.id, action, current, next)]);
    if (res.ok) return ok(next);
  }
  return fail('account.conflict', '账号信息刚被修改，请重试');
}

const same = (a: RoleAssignment, b: RoleAssignment) => a.role === b.role && a.orgId === b.orgId;

export async function grantRole(d: CommitteeDeps, actor: User, userId: string, grant: { role: GrantableRole; orgId: string }): Promise<Result<User>> {
  const scope = await scopeProblem(d, grant.role, grant.orgId);
  if (!scope.ok) return scope;
  const existing = await d.store.getUser(userId);
  if (existing?.roles.some((r) => same(r, grant))) return fail('role.already_granted', '该账号已有此角色');
  const written = await writeRoles(d, actor, userId, 'user.role_grant', (roles) => [...roles, grant]);
  if (!written.ok) return written;
  if (grant.role === 'expert') {
    const added = await setCommitteeExpert(d, actor, grant.orgId, userId, true);
    if (!added.ok && added.error.code !== 'committee.unchanged') return added;
  }
  return written;
}

export async function revokeRole(d: CommitteeDeps, actor: User, userId: string, grant: { role: GrantableRole; orgId: string }): Promise<Result<User>> {
  if (actor.id === userId && grant.role === 'admin') return fail('role.self_admin', '不能撤销自己的管理员角色');
  const existing = await d.store.getUser(userId);
  if (!existing) return fail('user.not_found', '该账号不存在');
  if (!existing.roles.some((r) => same(r, grant))) return fail('role.not_granted', '该账号没有此角色');
  const written = await writeRoles(d, actor, userId, 'user.role_revoke', (roles) => roles.filter((r) => !same(r, grant)));
  if (!written.ok) return written;
  if (grant.role === 'expert') {
    const removed = await setCommitteeExpert(d, actor, grant.orgId, userId, false);
    if (!removed.ok && removed.error.code !== 'committee.unchanged' && removed.error.code !== 'committee.not_found') return removed;
  }
  return written;
}
