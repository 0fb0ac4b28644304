// Accounts and sessions through the API: registration, login and lock-out, CSRF, logout, password change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';
import { BAD_ID, loginReq, registerApplicant, sessionCookie, signIn, VALID_ID } from './auth-helpers.js';

describe('accounts and sessions', () => {
  let h: Harness;
  const bodies: string[] = [];
  beforeAll(async () => {
    h = await startHarness({ users: [{ id: 'admin-1', roles: [{ role: 'admin', orgId: 'nm-hrss' }] }] });
  });
  afterAll(async () => h.close());
  const keep = <T extends { body: string }>(r: T): T => (bodies.push(r.body), r);

  it('refuses a bad ID number with 422, a pointer and a Chinese message, then a duplicate login with 409', async () => {
    const bad = keep(await registerApplicant(h, '13900000001', 'abc12345', BAD_ID));
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ code: 'account.invalid', details: [{ pointer: '/idNumber', message: expect.stringContaining('校验位') }] });
    const weak = keep(await h.anon({ method: 'POST', url: '/api/auth/register', payload: { name: '李四', idNumber: VALID_ID, password: 'short' } }));
    expect(weak.statusCode).toBe(422);
    expect((weak.json().details as { pointer: string }[]).map((d) => d.pointer)).toEqual(expect.arrayContaining(['/phone', '/password']));
    const good = keep(await registerApplicant(h, '13900000001'));
    expect(good.statusCode).toBe(201);
    expect(good.json().user).toMatchObject({ login: '13900000001', kind: 'applicant', roles: [{ role: 'applicant' }] });
    const dup = keep(await registerApplicant(h, '13900000001'));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('account.duplicate');
  });

  it('answers a wrong password and an unknown login identically', async () => {
    await registerApplicant(h, '13900000002');
    const wrong = keep(await loginReq(h, '13900000002', 'wrong-pass1', '10.0.0.2'));
    const unknown = keep(await loginReq(h, 'nobody@example.cn', 'wrong-pass1', '10.0.0.2'));
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual({ code: 'auth.bad_credentials', message: '账号或密码错误', details: [] });
    expect(unknown.json()).toEqual(wrong.json());
  });

  it('signs in with a hardened cookie, answers /me, demands CSRF, logs out', async () => {
    await registerApplicant(h, '13900000003');
    const res = keep(await loginReq(h, '13900000003', 'abc12345', '10.0.0.3'));
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'zc_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    const { csrfToken, user } = res.json() as { csrfToken: string; user: { id: string } };
    const signed = sessionCookie(res);
    const me = keep(await h.anon({ method: 'GET', url: '/api/auth/me', cookies: { zc_session: signed } }));
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ id: user.id, name: '李四', kind: 'applicant', csrfToken, roles: [{ role: 'applicant' }] });
    const noCsrf = keep(await h.anon({ method: 'POST', url: '/api/auth/logout', cookies: { zc_session: signed } }));
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('auth.csrf');
    const forged = await h.anon({ method: 'GET', url: '/api/auth/me', cookies: { zc_session: `${signed}x` } });
    expect(forged.statusCode).toBe(401);
    const out = await h.anon({ method: 'POST', url: '/api/auth/logout', cookies: { zc_session: signed }, headers: { 'x-csrf-token': csrfToken } });
    expect(out.statusCode).toBe(204);
    expect((await h.anon({ method: 'GET', url: '/api/auth/me', cookies: { zc_session: signed } })).statusCode).toBe(401);
  });

  it('ends a session 12 hours after it began', async () => {
    await registerApplicant(h, '13900000004');
    const s = await signIn(h, '13900000004', 'abc12345', '10.0.0.4');
    h.clock.advanceMs(11 * 3_600_000);
    expect((await s.call({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    h.clock.advanceMs(3_600_001);
    expect((await s.call({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('locks an account for 15 minutes after 5 failures, auditing each one', async () => {
    const reg = await registerApplicant(h, '13900000005');
    const id = reg.json().user.id as string;
    for (let i = 1; i <= 4; i += 1) expect((await loginReq(h, '13900000005', `bad-pass${i}`, '10.0.0.5')).statusCode).toBe(401);
    const fifth = keep(await loginReq(h, '13900000005', 'bad-pass5', '10.0.0.5'));
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json()).toMatchObject({ code: 'auth.locked', message: expect.stringMatching(/锁定.*\d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）/) });
    expect((await loginReq(h, '13900000005', 'abc12345', '10.0.0.5')).statusCode).toBe(429);
    h.clock.advanceMs(14 * 60_000);
    expect((await loginReq(h, '13900000005', 'abc12345', '10.0.0.5')).statusCode).toBe(429);
    h.clock.advanceMs(60_001);
    const ok = await loginReq(h, '13900000005', 'abc12345', '10.0.0.5');
    expect(ok.statusCode).toBe(200);
    const stored = await h.platform.store.getUser(id);
    expect(stored?.failedLogins).toBe(0);
    expect(stored?.lockedUntil).toBeUndefined();
    const audit = await h.platform.store.listAudit(1, 10_000);
    const failed = audit.filter((a) => a.action === 'login.failed' && a.target.id === id);
    expect(failed.length).toBe(7);
    expect(failed[4]?.after).toMatchObject({ failedLogins: 5, lockedUntil: expect.any(String) });
  });

  it('changes a password only with the old one, and audits it', async () => {
    await registerApplicant(h, '13900000006');
    const s = await signIn(h, '13900000006', 'abc12345', '10.0.0.6');
    const wrongOld = keep(await s.call({ method: 'POST', url: '/api/auth/password', payload: { oldPassword: 'nope12345', newPassword: 'newpass123' } }));
    expect(wrongOld.statusCode).toBe(422);
    expect(wrongOld.json().code).toBe('account.old_password');
    const weak = keep(await s.call({ method: 'POST', url: '/api/auth/password', payload: { oldPassword: 'abc12345', newPassword: 'short' } }));
    expect(weak.statusCode).toBe(422);
    const changed = keep(await s.call({ method: 'POST', url: '/api/auth/password', payload: { oldPassword: 'abc12345', newPassword: 'newpass123' } }));
    expect(changed.statusCode).toBe(200);
    expect(changed.cookies.some((c) => c.name === 'zc_session')).toBe(true);
    expect((await s.call({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401); // the old session was replaced
    expect((await loginReq(h, '13900000006', 'abc12345', '10.0.0.6')).statusCode).toBe(401);
    expect((await loginReq(h, '13900000006', 'newpass123', '10.0.0.6')).statusCode).toBe(200);
    const audit = await h.platform.store.listAudit(1, 10_000);
    expect(audit.some((a) => a.action === 'user.password_change')).toBe(true);
  });

  it('lets an administrator create staff with org-scoped roles', async () => {
    const admin = h.as('admin-1');
    const badOrg = keep(await admin({ method: 'POST', url: '/api/admin/users', payload: { login: 'rev1', name: '审核员', password: 'staff1234', roles: [{ role: 'unitReviewer', orgId: 'no-such-org' }] } }));
    expect(badOrg.statusCode).toBe(422);
    expect(badOrg.json().details[0].pointer).toBe('/roles/0/orgId');
    const created = keep(await admin({ method: 'POST', url: '/api/admin/users', payload: { login: 'rev1', name: '审核员', password: 'staff1234', roles: [{ role: 'unitReviewer', orgId: 'unit-hhht-design' }] } }));
    expect(created.statusCode).toBe(201);
    expect(created.json().user).toMatchObject({ kind: 'staff', roles: [{ role: 'unitReviewer', orgId: 'unit-hhht-design' }] });
    const s = await signIn(h, 'rev1', 'staff1234', '10.0.0.7');
    expect((await s.call({ method: 'GET', url: '/api/admin/users' })).statusCode).toBe(403);
    const list = keep(await admin({ method: 'GET', url: '/api/admin/users' }));
    expect(list.statusCode).toBe(200);
    expect((list.json().items as { login: string }[]).map((u) => u.login)).toContain('rev1');
    const audit = await h.platform.store.listAudit(1, 10_000);
    expect(audit.find((a) => a.action === 'user.create')).toMatchObject({ actor: 'admin-1', after: { login: 'rev1' } });
  });

  it('rate-limits login attempts per IP address', async () => {
    let last = 0;
    for (let i = 0; i < 31; i += 1) last = (await h.anon({ method: 'POST', url: '/api/auth/login', payload: {}, remoteAddress: '10.9.9.9' })).statusCode;
    expect(last).toBe(429);
    const limited = await h.anon({ method: 'POST', url: '/api/auth/login', payload: {}, remoteAddress: '10.9.9.9' });
    expect(limited.json()).toMatchObject({ code: 'rate_limited', message: expect.stringContaining('请求过于频繁') });
    expect((await h.anon({ method: 'POST', url: '/api/auth/login', payload: {}, remoteAddress: '10.9.9.8' })).statusCode).toBe(400);
  });

  it('never lets a password hash or a full ID number out, in responses or audit records', async () => {
    expect(bodies.length).toBeGreaterThan(10);
    for (const b of bodies) expect(b).not.toMatch(/scrypt\$|passwordHash/);
    const audit = JSON.stringify(await h.platform.store.listAudit(1, 100_000));
    expect(audit).not.toMatch(/scrypt\$|passwordHash/);
    expect(audit).not.toContain(VALID_ID);
    expect(audit).toContain('110105********002X');
  });
});
