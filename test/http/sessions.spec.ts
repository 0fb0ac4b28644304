// Sessions end when they should: a password change ends every other session of the account; an administrator lists
// a user's sessions (never their secret ids) and ends one or all; locking or disabling an account ends its sessions.
// Every ending is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';
import { loginReq, registerApplicant, signIn, type Signed } from './auth-helpers.js';

const CHINESE = /[\u4e00-\u9fff]/;

describe('sessions end when they should', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ users: [{ id: 'admin-1', roles: [{ role: 'admin', orgId: 'nm-hrss' }] }] });
  });
  afterAll(async () => h.close());

  const me = (s: Signed) => s.call({ method: 'GET', url: '/api/auth/me' });
  const register = async (phone: string): Promise<string> => ((await registerApplicant(h, phone)).json() as { user: { id: string } }).user.id;
  const auditOf = async (userId: string, action: string) => (await h.platform.store.listAudit(1, 100_000)).filter((a) => a.action === action && a.target.id === userId);

  it('a password change ends every other session of the account, and starts a fresh one for the changer', async () => {
    const id = await register('13910000001');
    const laptop = await signIn(h, '13910000001', 'abc12345', '10.1.0.1');
    const phone = await signIn(h, '13910000001', 'abc12345', '10.1.0.2');
    const changed = await laptop.call({ method: 'POST', url: '/api/auth/password', payload: { oldPassword: 'abc12345', newPassword: 'newpass123' } });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await me(phone)).statusCode).toBe(401);
    expect((await me(laptop)).statusCode).toBe(401);
    const fresh = changed.cookies.find((c) => c.name === 'zc_session')!.value;
    expect((await h.anon({ method: 'GET', url: '/api/auth/me', cookies: { zc_session: fresh } })).statusCode).toBe(200);
    expect(await h.platform.store.listSessions(id)).toHaveLength(1);
    expect((await auditOf(id, 'session.end_all')).map((a) => a.after)).toEqual([{ ended: 2, reason: 'password_changed' }]);
  });

  it('an administrator lists a user’s sessions without their ids, and ends one, then all', async () => {
    const id = await register('13910000002');
    const a = await signIn(h, '13910000002', 'abc12345', '10.1.0.3');
    h.clock.advanceMs(60_000);
    const b = await signIn(h, '13910000002', 'abc12345', '10.1.0.4');
    const admin = h.as('admin-1');
    const listed = await admin({ method: 'GET', url: `/api/admin/users/${id}/sessions` });
    expect(listed.statusCode, listed.body).toBe(200);
    const items = listed.json().items as { handle: string; ip: string; createdAt: string; lastSeenAt: string; current: boolean }[];
    expect(items.map((s) => s.ip)).toEqual(['10.1.0.3', '10.1.0.4']);
    expect(items[0]).toMatchObject({ createdAt: expect.any(String), lastSeenAt: expect.any(String), expiresAt: expect.any(String), current: false });
    const stored = await h.platform.store.listSessions(id);
    for (const s of stored) {
      expect(listed.body).not.toContain(s.id);
      expect(listed.body).not.toContain(s.csrfToken);
    }
    expect(listed.body).not.toContain(a.cookie.split('.')[0]!);

    // last use is recorded, at most every few minutes
    h.clock.advanceMs(10 * 60_000);
    expect((await me(a)).statusCode).toBe(200);
    const seen = (await admin({ method: 'GET', url: `/api/admin/users/${id}/sessions` })).json().items[0].lastSeenAt as string;
    expect(seen).toBe(h.clock.now());

    expect((await admin({ method: 'DELETE', url: `/api/admin/users/${id}/sessions/no-such-handle` })).statusCode).toBe(404);
    const one = await admin({ method: 'DELETE', url: `/api/admin/users/${id}/sessions/${items[0]!.handle}` });
    expect(one.statusCode, one.body).toBe(204);
    expect((await me(a)).statusCode).toBe(401);
    expect((await me(b)).statusCode).toBe(200);
    const all = await admin({ method: 'DELETE', url: `/api/admin/users/${id}/sessions` });
    expect(all.json()).toEqual({ ended: 1 });
    expect((await me(b)).statusCode).toBe(401);

    expect((await auditOf(id, 'session.end')).map((x) => ({ actor: x.actor, after: x.after }))).toEqual([{ actor: 'admin-1', after: { handle: items[0]!.handle, reason: 'admin' } }]);
    expect((await auditOf(id, 'session.end_all')).map((x) => ({ actor: x.actor, after: x.after }))).toEqual([{ actor: 'admin-1', after: { ended: 1, reason: 'admin' } }]);
    // only administrators
    const other = await signIn(h, '13910000002', 'abc12345', '10.1.0.5');
    expect((await other.call({ method: 'GET', url: `/api/admin/users/${id}/sessions` })).statusCode).toBe(403);
    expect((await admin({ method: 'GET', url: '/api/admin/users/nobody/sessions' })).statusCode).toBe(404);
  });

  it('disabling an account ends its sessions and refuses sign-in; enabling lets it back; not one’s own account', async () => {
    const id = await register('13910000003');
    const s = await signIn(h, '13910000003', 'abc12345', '10.1.0.6');
    const admin = h.as('admin-1');
    const self = await admin({ method: 'POST', url: '/api/admin/users/admin-1/disable', payload: { reason: '测试' } });
    expect(self.statusCode).toBe(422);
    expect(self.json()).toMatchObject({ code: 'account.self', message: expect.stringMatching(CHINESE) });
    const off = await admin({ method: 'POST', url: `/api/admin/users/${id}/disable`, payload: { reason: '离职' } });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({ sessionsEnded: 1, user: { id, disabled: { by: 'admin-1', reason: '离职' } } });
    expect((await me(s)).statusCode).toBe(401);
    const refused = await loginReq(h, '13910000003', 'abc12345', '10.1.0.6');
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'auth.disabled', message: expect.stringMatching(CHINESE) });
    // a wrong password is told nothing more than for any other account
    expect((await loginReq(h, '13910000003', 'wrong-pass1', '10.1.0.6')).json().code).toBe('auth.bad_credentials');
    expect((await admin({ method: 'POST', url: `/api/admin/users/${id}/enable` })).statusCode).toBe(200);
    expect((await loginReq(h, '13910000003', 'abc12345', '10.1.0.6')).statusCode).toBe(200);
    const actions = (await h.platform.store.listAudit(1, 100_000)).filter((a) => a.target.id === id && a.actor === 'admin-1').map((a) => a.action);
    expect(actions).toEqual(['user.disable', 'session.end_all', 'user.enable']);
  });

  it('a session started while the account was being disabled is refused all the same', async () => {
    const id = await register('13910000004');
    const user = (await h.platform.store.getUser(id))!;
    await h.platform.store.updateUser({ ...user, version: user.version + 1, disabled: { at: h.clock.now(), by: 'admin-1', reason: '测试' } }, user.version, []);
    await h.platform.store.putSession({ id: 'raced-session', userId: id, csrfToken: 'c', createdAt: h.clock.now(), expiresAt: '2999-01-01T00:00:00.000Z' });
    const res = await h.anon({ method: 'GET', url: '/api/auth/me', cookies: { zc_session: h.app.signCookie('raced-session') } });
    expect(res.statusCode).toBe(401);
  });

  it('the failure that locks an account ends its sessions', async () => {
    const id = await register('13910000005');
    const s = await signIn(h, '13910000005', 'abc12345', '10.1.0.7');
    for (let i = 1; i <= 4; i += 1) expect((await loginReq(h, '13910000005', `bad-pass${i}`, '10.1.0.8')).statusCode).toBe(401);
    expect((await me(s)).statusCode).toBe(200);
    expect((await loginReq(h, '13910000005', 'bad-pass5', '10.1.0.8')).statusCode).toBe(429);
    expect((await me(s)).statusCode).toBe(401);
    expect((await auditOf(id, 'session.end_all')).map((a) => ({ actor: a.actor, after: a.after }))).toEqual([{ actor: 'system', after: { ended: 1, reason: 'locked' } }]);
  });
});
