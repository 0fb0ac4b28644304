// An administrator disables an account (it cannot sign in, and every session it has ends) or enables it again.
// Not one's own account: an administrator who locked themselves out would need another to undo it.
import type { Clock } from '../domain/clock.js';
import { fail, ok, type Result } from '../domain/result.js';
import type { User } from '../domain/schema-types.gen.js';
import type { Store } from '../store/port.js';
import { userAudit } from './accounts.js';
import { endUserSessions } from './session-admin.js';

interface Deps {
  store: Store;
  clock: Clock;
}

async function writeStatus(d: Deps, actor: User, userId: string, action: string, change: (u: User) => User): Promise<Result<User>> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const current = await d.store.getUser(userId);
    if (!current) return fail('user.not_found', '该账号不存在');
    const next = { ...change(current), version: current.version + 1 };
    const res = await d.store.updateUser(next, current.version, [userAudit(d.clock, actor.id, action, current, next)]);
    if (res.ok) return ok(next);
  }
  return fail('account.conflict', '账号信息刚被修改，请重试');
}

export async function disableAccount(d: Deps, actor: User, userId: string, reason: string): Promise<Result<{ user: User; sessionsEnded: number }>> {
  if (actor.id === userId) return fail('account.self', '不能停用自己的账号', [{ code: 'account.self', message: '不能停用自己的账号', pointer: '/userId' }]);
  const written = await writeStatus(d, actor, userId, 'user.disable', (u) => ({ ...u, disabled: { at: d.clock.now(), by: actor.id, reason } }));
  if (!written.ok) return written;
  // after the write: a sign-in racing it is refused by the access check on the disabled flag
  const sessionsEnded = await endUserSessions(d, actor.id, userId, 'disabled');
  return ok({ user: written.value, sessionsEnded });
}

export async function enableAccount(d: Deps, actor: User, userId: string): Promise<Result<User>> {
  return writeStatus(d, actor, userId, 'user.enable', (u) => {
    const { disabled: _d, lockedUntil: _l, ...rest } = u;
    return { ...rest, failedLogins: 0 };
  });
}
