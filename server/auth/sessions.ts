// Sessions: a random id (the signed cookie value) and a CSRF token, valid 12 hours from the injected clock.
import { randomBytes } from 'node:crypto';
import type { Clock } from '../domain/clock.js';
import type { SessionRecord, Store } from '../store/port.js';

export const SESSION_TTL_MS = 12 * 3_600_000;

const token = (): string => randomBytes(32).toString('base64url');

export async function createSession(store: Store, clock: Clock, userId: string): Promise<SessionRecord> {
  const now = clock.now();
  const session: SessionRecord = {
    id: token(),
    userId,
    csrfToken: token(),
    createdAt: now,
    expiresAt: new Date(Date.parse(now) + SESSION_TTL_MS).toISOString(),
  };
  await store.putSession(session);
  return session;
}

export async function destroySession(store: Store, id: string): Promise<void> {
  await store.deleteSession(id);
}
