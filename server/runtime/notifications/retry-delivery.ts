// An administrator sends a delivery that failed (or is waiting for its next try) once more, now; audited.
import { fail, ok, type Result } from '../../domain/result.js';
import type { DeliveryRow } from '../../domain/notifications/types.js';
import type { Clock } from '../../domain/clock.js';
import type { Store } from '../../store/port.js';

export async function retryDelivery(d: { store: Store; clock: Clock }, actor: string, id: string): Promise<Result<DeliveryRow>> {
  const before = await d.store.getDelivery(id);
  if (!before) return fail('delivery.not_found', '投递记录不存在');
  if (before.status === 'sent') return fail('delivery.already_sent', '该消息已送达，不能重发');
  const now = d.clock.now();
  await d.store.finishDelivery(id, { status: 'pending', error: before.lastError ?? '管理员要求重发', nextAttemptAt: now });
  await d.store.appendAudit([
    { at: now, actor, action: 'delivery.retry', target: { type: 'delivery', id }, before: { status: before.status, attempts: before.attempts }, after: { status: 'pending', nextAttemptAt: now } },
  ]);
  return ok((await d.store.getDelivery(id)) ?? before);
}
