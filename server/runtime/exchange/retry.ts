// An administrator pushes a dead-letter record once more: it goes back to 待推送 with its tries counted afresh,
// due now; audited. A record already pushed, or still waiting its turn, is left as it is.
import type { Clock } from '../../domain/clock.js';
import { fail, ok, type Result } from '../../domain/result.js';
import type { Store, StoredRecord } from '../../store/port.js';
import { exchangeKeys, type ExchangeItem } from './types.js';

export async function retryExchange(d: { store: Store; clock: Clock }, actor: string, id: string): Promise<Result<StoredRecord<ExchangeItem>>> {
  const rec = await d.store.getRecord<ExchangeItem>('exchange', id);
  if (!rec) return fail('exchange.not_found', '数据交换记录不存在');
  if (rec.body.state === 'sent') return fail('exchange.already_sent', '该记录已推送成功，无需重新推送');
  if (rec.body.state === 'pending') return fail('exchange.already_pending', '该记录正在等待推送，无需重新推送');
  const now = d.clock.now();
  const { leaseUntil: _lease, ...rest } = rec.body;
  const body: ExchangeItem = { ...rest, state: 'pending', attempts: 0, nextAttemptAt: now };
  const next: StoredRecord<ExchangeItem> = { ...rec, version: rec.version + 1, updatedAt: now, keys: exchangeKeys(body), body };
  const res = await d.store.putRecord(next, rec.version, [
    { at: now, actor, action: 'exchange.retry', target: { type: 'exchange', id }, before: { state: rec.body.state, attempts: rec.body.attempts, error: rec.body.lastError }, after: { state: 'pending', nextAttemptAt: now } },
  ]);
  if (!res.ok) return fail('exchange.conflict', '该记录已被他人处理，请刷新后重试');
  return ok(next);
}
