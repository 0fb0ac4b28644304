// Issue 11 item 9: accounts and roles — staff search without ID numbers, grant and revoke roles scoped to orgs
// or committees; a grant holds from the user's next request (roles are read per request, not cached in the
// session); an expert grant puts the person on the committee's expert list; every change audited; admin only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommitteeList } from '../../../server/domain/schema-types.gen.js';
import { startHarness, type Harness } from '../../support/harness.js';
import { signIn } from '../auth-helpers.js';

describe('account roles', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h.close());
  const admin = () => h.as('demo-admin');
  const auditOf = async (id: string) => (await h.platform.store.listAudit(1, 100000)).filter((e) => e.target.type === 'user' && e.target.id === id);

  it('lists and searches staff accounts, never applicants or ID numbers', async () => {
    const res = await admin()({ method: 'GET', url: '/api/admin/accounts?q=unit' });
    expect(res.statusCode, res.body).toBe(200);
    const { items, total } = res.json() as { items: { login: string; kind: string }[]; total: number };
    expect(total).toBeGreaterThan(3);
    expect(items.every((u) => u.kind === 'staff' && u.login.includes('unit'))).toBe(true);
    expect(res.body).not.toContain('idNumber');
    const byRole = (await admin()({ method: 'GET', url: '/api/admin/accounts?role=committeeClerk' })).json() as { items: { login: string }[] };
    expect(byRole.items.map((u) => u.login)).toContain('demo-office-gongcheng');
  });

  it('a role granted holds from the user\'s next request, and a revoked one is gone from it', async () => {
    const user = await signIn(h, 'demo-unit-design', 'demo2026');
    expect((await user.call({ method: 'GET', url: '/api/admin/orgs' })).statusCode).toBe(403);
    const granted = await admin()({ method: 'POST', url: '/api/admin/accounts/demo-unit-design/roles', payload: { role: 'admin', orgId: 'nm-hrss' } });
    expect(granted.statusCode, granted.body).toBe(200);
    // the same session, no new sign-in
    expect((await user.call({ method: 'GET', url: '/api/admin/orgs' })).statusCode).toBe(200);
    const revoked = await admin()({ method: 'POST', url: '/api/admin/accounts/demo-unit-design/roles/revoke', payload: { role: 'admin', orgId: 'nm-hrss' } });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect((await user.call({ method: 'GET', url: '/api/admin/orgs' })).statusCode).toBe(403);
    const audit = (await auditOf('demo-unit-design')).filter((e) => e.action.startsWith('user.role'));
    expect(audit.map((e) => e.action)).toEqual(['user.role_grant', 'user.role_revoke']);
    expect(audit[0]).toMatchObject({ actor: 'demo-admin', before: { roles: [{ role: 'unitReviewer' }] }, after: { roles: [{ role: 'unitReviewer' }, { role: 'admin', orgId: 'nm-hrss' }] } });
  });

  it('makes a user an expert of a committee: the role and the committee\'s expert list, both audited', async () => {
    const res = await admin()({ method: 'POST', url: '/api/admin/accounts/demo-unit-hospital/roles', payload: { role: 'expert', orgId: 'cmt-weisheng-senior' } });
    expect(res.statusCode, res.body).toBe(200);
    expect((await h.platform.store.getUser('demo-unit-hospital'))?.roles).toContainEqual({ role: 'expert', orgId: 'cmt-weisheng-senior' });
    const list = (await h.platform.store.getDefinition<CommitteeList>('committees', 'committees', 'latest'))!;
    expect(list.body.committees.find((c) => c.id === 'cmt-weisheng-senior')?.experts).toContain('demo-unit-hospital');
    expect((await h.platform.store.listAudit(1, 100000)).filter((e) => e.target.id === 'cmt-weisheng-senior').map((e) => e.action)).toEqual(['committee.expert_add']);
  });

  it('refuses a scope that does not fit the role, an unknown committee, a duplicate grant and revoking one\'s own admin role', async () => {
    const clerk = await admin()({ method: 'POST', url: '/api/admin/accounts/demo-unit-imu/roles', payload: { role: 'committeeClerk', orgId: 'unit-imu' } });
    expect(clerk.statusCode).toBe(422);
    expect(clerk.json()).toMatchObject({ code: 'role.invalid_scope', details: [{ pointer: '/orgId' }] });
    const ghost = await admin()({ method: 'POST', url: '/api/admin/accounts/demo-unit-imu/roles', payload: { role: 'expert', orgId: 'cmt-none' } });
    expect(ghost.json()).toMatchObject({ code: 'role.invalid_scope', message: '所选评委会不存在' });
    const twice = await admin()({ method: 'POST', url: '/api/admin/accounts/demo-unit-imu/roles', payload: { role: 'unitReviewer', orgId: 'unit-imu' } });
    expect(twice.statusCode).toBe(409);
    const self = await admin()({ method: 'POST', url: '/api/admin/accounts/demo-admin/roles/revoke', payload: { role: 'admin', orgId: 'nm-hrss' } });
    expect(self.statusCode).toBe(422);
    expect(self.json()).toMatchObject({ code: 'role.self_admin', message: '不能撤销自己的管理员角色' });
    expect((await h.platform.store.getUser('demo-unit-imu'))?.roles).toEqual([{ role: 'unitReviewer', orgId: 'unit-imu' }]);
  });

  it('gives a department its flow editor', async () => {
    const res = await admin()({ method: 'POST', url: '/api/admin/accounts/demo-dept-nmedu/roles', payload: { role: 'flowEditor', orgId: 'nm-edu' } });
    expect(res.statusCode, res.body).toBe(200);
    expect((await h.platform.store.getUser('demo-dept-nmedu'))?.roles).toContainEqual({ role: 'flowEditor', orgId: 'nm-edu' });
  });

  it('is for administrators only', async () => {
    const other = h.as('demo-unit-imu');
    expect((await other({ method: 'GET', url: '/api/admin/accounts' })).statusCode).toBe(403);
    expect((await other({ method: 'POST', url: '/api/admin/accounts/demo-unit-imu/roles', payload: { role: 'admin', orgId: 'nm-hrss' } })).statusCode).toBe(403);
  });
});
