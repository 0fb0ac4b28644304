// Ending sessions, and what an administrator sees of them. Every ending is audited (by handle, never by id):
// a password change, a lock-out or a disabled account ends all of an account's sessions; an administrator
// may end one or all.
import type { Clock } from '../domain/clock.js';
import { fail, ok, type Result } from '../domain/result.js';
import type { Store } from '../store/port.js';
import { sessionHandle } from './sessions.js';

export type SessionEndReason = 'password_changed' | 'locked' | 'disabled' | 'admin';

export interface SessionView {
  handle: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt?: string;
  ip?: string;
  userAgent?: string;
  /** the session this list was asked from */
  current: boolean;
}

interface Deps {
  store: Store;
  clock: Clock;
}

/** the user's sessions that have not run out, oldest first */
export async function listUserSessions(d: Deps, userId: string, currentId?: string): Promise<SessionView[]> {
  const now = d.clock.now();
  return (await d.store.listSessions(userId))
    .filter((s) => s.expiresAt > now)
    .map((s) => ({
      handle: sessionHandle(s.id),
      createdAt: s.createdAt,
      expiresAt: s.expiresAt,
      ...(s.lastSeenAt ? { lastSeenAt: s.lastSeenAt } : {}),
      ...(s.ip ? { ip: s.ip } : {}),
      ...(s.userAgent ? { userAgent: s.userAgent } : {}),
      current: s.id === currentId,
    }));
}

/** ends every session of userId (but keepId), audited with who and why; returns how many ended */
export async function endUserSessions(d: Deps, actor: string, userId: string, reason: SessionEndReason, keepId?: string): Promise<number> {
  const ended = await d.store.deleteSessions(userId, keepId);
  await d.store.appendAudit([{ at: d.clock.now(), actor, action: 'session.end_all', target: { type: 'user', id: userId }, after: { ended, reason } }]);
  return ended;
}

/** ends the one session of userId named by handle */
export async function endUserSession(d: Deps, actor: string, userId: string, handle: string): Promise<Result<void>> {
  const found = (await d.store.listSessions(userId)).find((s) => sessionHandle(s.id) === handle);
  if (!found) return fail('session.not_found', '该会话不存在或已结束');
  await d.store.deleteSession(found.id);
  await d.store.appendAudit([{ at: d.clock.now(), actor, action: 'session.end', target: { type: 'user', id: userId }, after: { handle, reason: 'admin' } }]);
  return ok(undefined);
}
