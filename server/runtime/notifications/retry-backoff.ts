// When a failed delivery is tried again: 1 min, 5 min, 30 min, 2 h, 6 h after the 1st…5th failure; the 6th is final.
import type { DeliveryOutcome } from '../../domain/notifications/types.js';

export const BACKOFF_MS: readonly number[] = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000];

/** the outcome of failed attempt number `attempts` (1-based) at `now` */
export function failureOutcome(attempts: number, error: string, now: string): DeliveryOutcome {
  const wait = BACKOFF_MS[attempts - 1];
  if (wait === undefined) return { status: 'dead', error: `已尝试 ${attempts} 次仍未送达：${error}`, at: now };
  return { status: 'pending', error, nextAttemptAt: new Date(Date.parse(now) + wait).toISOString() };
}
