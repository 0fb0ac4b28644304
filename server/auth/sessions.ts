// Sessions: a random id (the signed cookie value) and a CSRF token, valid 12 hours from the injected clock.
// The id is a secret: anything shown about a session (to an administrator) names it by its handle instead.
import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../domain/clock.js';
import type { SessionRecord, Store } from '../store/port.js';

export const SESSION_TTL_MS = 12 * 3_600_000;
/** last use is written at most this often, so reading pages does not write on every request */
export const TOUCH_EVERY_MS = 5 * 60_000;

const token = (): string => randomBytes(32).toString('base64url');

export interface SessionOrigin {
  ip?: string;
  userAgent?: string;
}

export async function createSession(store: Store, clock: Clock, userId: string, origin: SessionOrigin = {}): Promise<SessionRecord> {
  const now = clock.now();
  const session: SessionRecord = {
    id: token(),
    userId,
    csrfToken: token(),
    createdAt: now,
    expiresAt: new Date(Date.parse(now) + SESSION_TTL_MS).toISOString(),
    lastSeenAt: now,
    ...(origin.ip ? { ip: origin.ip } : {}),
    ...(origin.userAgent ? { userAgent: origin.userAgent.slice(0, 200) } : {}),
  };
  await store.putSession(session);
  return session;
}

export async function destroySession(store: Store, id: string): Promise<void> {
  await store.deleteSession(id);
}

/** the public name of a session: a hash of its id, from which the id cannot be recovered */
export const sessionHandle = (id: string): string => createHash('sha256').update(id).digest('base64url').slice(0, 22);

export function needsTouch(s: SessionRecord, now: string): boolean {
  return !s.lastSeenAt || Date.parse(now) - Date.parse(s.lastSeenAt) >= TOUCH_EVERY_MS;
}
