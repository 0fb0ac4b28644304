// What an administrator reads about an outbox record: the platform's name, the event and state in Chinese words.
import type { StoredRecord } from '../../store/port.js';
import type { ExchangeEndpoint, ExchangeEvent, ExchangeItem, ExchangeState } from './types.js';

export const EVENT_NAMES: Record<ExchangeEvent, string> = {
  'certificate.issued': '证书签发',
  'certificate.revoked': '证书撤销',
  'filing.submitted': '评审备案',
};
export const STATE_NAMES: Record<ExchangeState, string> = { pending: '待推送', sent: '已推送', dead: '推送失败' };

export interface ExchangeSummary {
  id: string;
  endpointId: string;
  endpointName: string;
  event: ExchangeEvent;
  eventName: string;
  number: string;
  revision: number;
  holder?: string;
  state: ExchangeState;
  stateName: string;
  attempts: number;
  lastError?: string;
  queuedAt: string;
  nextAttemptAt: string;
  sentAt?: string;
  updatedAt: string;
}

export function exchangeSummary(r: StoredRecord<ExchangeItem>, endpoints: readonly ExchangeEndpoint[]): ExchangeSummary {
  const b = r.body;
  return {
    id: r.id,
    endpointId: b.endpointId,
    endpointName: endpoints.find((e) => e.id === b.endpointId)?.name ?? '已移除的接收平台',
    event: b.event,
    eventName: EVENT_NAMES[b.event],
    number: b.number,
    revision: b.revision,
    ...(b.holder ? { holder: b.holder } : {}),
    state: b.state,
    stateName: STATE_NAMES[b.state],
    attempts: b.attempts,
    ...(b.lastError ? { lastError: b.lastError } : {}),
    queuedAt: b.queuedAt,
    nextAttemptAt: b.nextAttemptAt,
    ...(b.sentAt ? { sentAt: b.sentAt } : {}),
    updatedAt: r.updatedAt,
  };
}
