// Login with lock-out: 5 consecutive failures lock the account for 15 minutes (time from the injected clock).
// Unknown logins and wrong passwords get the same answer and take the same time; every failure is audited.
import type { Clock } from '../domain/clock.js';
import { fail, ok, type Result } from '../domain/result.js';
import type { User } from '../domain/schema-types.gen.js';
import type { AuditInput, Store } from '../store/port.js';
import { verifyPassword } from './password.js';
import { endUserSessions } from './session-admin.js';

export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MS = 15 * 60_000;

// a real scrypt hash of a random password, so an unknown login costs as much as a wrong password
const DUMMY_HASH = 'scrypt$16384$8$1$EdtZGoxA2YUgClS8p9e6IQ==$VPO9AoeT09CbRIcg5oCH6MScXxzRRTLOQg4aRrnzy5g=';

const badCredentials = () => fail('auth.bad_credentials', '账号或密码错误');

/** "2022-06-01 10:15" in Beijing time */
export function beijingTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

const disabled = () => fail('auth.disabled', '该账号已被管理员停用，请联系管理员');

const locked = (until: string) => fail('auth.locked', `连续登录失败次数过多，账号已临时锁定，请于 ${beijingTime(until)}（北京时间）后再试`, [{ code: 'auth.locked_until', message: until }]);

function failedAudit(at: string, target: AuditInput['target'], after: unknown): AuditInput {
  return { at, actor: 'anonymous', action: 'login.failed', target, after };
}

/** applies one failure (or a success reset) to the stored user, retrying a lost version race */
async function recordOutcome(store: Store, clock: Clock, login: string, change: (u: User, now: string) => { next: User; audit: AuditInput } | null): Promise<User | null> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const current = await store.findUserByLogin(login);
    if (!current) return null;
    const outcome = change(current, clock.now());
    if (!outcome) return current;
    const res = await store.updateUser(outcome.next, current.version, [outcome.audit]);
    if (res.ok) return outcome.next;
  }
  return null;
}

export async function login(deps: { store: Store; clock: Clock }, loginName: string, password: string): Promise<Result<User>> {
  const { store, clock } = deps;
  const trimmed = loginName.trim();
  // e-mail logins are stored lower-case at registration
  const name = trimmed.includes('@') ? trimmed.toLowerCase() : trimmed;
  const user = await store.findUserByLogin(name);
  const now = clock.now();
  if (!user || !user.passwordHash) {
    await verifyPassword(password, DUMMY_HASH);
    await store.appendAudit([failedAudit(now, { type: 'login', id: name.slice(0, 120) }, { reason: 'unknown_login' })]);
    return badCredentials();
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    await store.appendAudit([failedAudit(now, { type: 'user', id: user.id }, { reason: 'locked', lockedUntil: user.lockedUntil })]);
    return locked(user.lockedUntil);
  }
  if (!(await verifyPassword(password, user.passwordHash))) {
    const after = await recordOutcome(store, clock, name, (u, at) => {
      // a lock that has run out starts a fresh count
      const previous = u.lockedUntil && u.lockedUntil <= at ? 0 : (u.failedLogins ?? 0);
      const failedLogins = previous + 1;
      const lock = failedLogins >= LOCK_AFTER_FAILURES ? { lockedUntil: new Date(Date.parse(at) + LOCK_MS).toISOString() } : {};
      const { lockedUntil: _old, ...rest } = u;
      const next: User = { ...rest, ...lock, failedLogins, version: u.version + 1 };
      return { next, audit: failedAudit(at, { type: 'user', id: u.id }, { reason: 'bad_password', failedLogins, ...lock }) };
    });
    if (after?.lockedUntil && after.lockedUntil > now) {
      // the failure that locks the account also ends its sessions
      if ((after.failedLogins ?? 0) === LOCK_AFTER_FAILURES) await endUserSessions(deps, 'system', after.id, 'locked');
      return locked(after.lockedUntil);
    }
    return badCredentials();
  }
  // told only to someone who knows the password
  if (user.disabled) {
    await store.appendAudit([failedAudit(now, { type: 'user', id: user.id }, { reason: 'disabled' })]);
    return disabled();
  }
  const fresh = await recordOutcome(store, clock, name, (u, at) => {
    const success: AuditInput = { at, actor: u.id, action: 'login.succeeded', target: { type: 'user', id: u.id } };
    if ((u.failedLogins ?? 0) === 0 && u.lockedUntil === undefined) return null;
    const { lockedUntil: _old, ...rest } = u;
    return { next: { ...rest, failedLogins: 0, version: u.version + 1 }, audit: { ...success, before: { failedLogins: u.failedLogins ?? 0 }, after: { failedLogins: 0 } } };
  });
  const signedIn = fresh ?? user;
  if (signedIn.version === user.version) await store.appendAudit([{ at: now, actor: user.id, action: 'login.succeeded', target: { type: 'user', id: user.id } }]);
  return ok(signedIn);
}
