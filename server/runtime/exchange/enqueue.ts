// Queues a certificate's issue or revocation for every receiving platform that takes the event: one record per
// (endpoint, number, revision), inserted only if absent, so calling it again (a retried write, a second process)
// queues nothing twice. Called after the certificate is written; no endpoints configured → nothing is queued.
import type { Clock } from '../../domain/clock.js';
import type { Application } from '../../domain/schema-types.gen.js';
import type { Store } from '../../store/port.js';
import { exchangeId, exchangeKeys, type ExchangeEndpoint, type ExchangeEvent, type ExchangeItem, type ExchangePayload } from './types.js';

export interface ExchangeDeps {
  store: Store;
  clock: Clock;
  /** the receiving platforms (Platform.exchangeEndpoints, from EXCHANGE_ENDPOINTS); none → nothing is queued */
  exchangeEndpoints?: readonly ExchangeEndpoint[];
}

/** the signed document's own revision (1 at issue, +1 on each re-signing such as revocation); older documents have none */
export function revisionOf(document: Record<string, unknown>, event: ExchangeEvent): number {
  const r = document['revision'];
  if (typeof r === 'number' && Number.isInteger(r) && r >= 1) return r;
  return event === 'certificate.revoked' ? 2 : 1;
}

export interface EnqueueInput {
  event: ExchangeEvent;
  number: string;
  revision: number;
  payload: ExchangePayload;
  applicationId?: string;
  holder?: string;
}

/** inserts one outbox record per endpoint taking the event; returns how many were newly queued */
export async function enqueueExchange(deps: ExchangeDeps, input: EnqueueInput, actor = 'system:exchange'): Promise<number> {
  const now = deps.clock.now();
  let queued = 0;
  for (const ep of deps.exchangeEndpoints ?? []) {
    if (!ep.events.includes(input.event)) continue;
    const item: ExchangeItem = {
      endpointId: ep.id,
      event: input.event,
      number: input.number,
      revision: input.revision,
      ...(input.applicationId ? { applicationId: input.applicationId } : {}),
      ...(input.holder ? { holder: input.holder } : {}),
      payload: input.payload,
      state: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      queuedAt: now,
    };
    const id = exchangeId(ep.id, input.number, input.revision);
    const res = await deps.store.putRecord({ kind: 'exchange', id, version: 1, updatedAt: now, keys: exchangeKeys(item), body: item }, null, [
      { at: now, actor, action: 'exchange.queue', target: { type: 'exchange', id }, before: null, after: { endpointId: ep.id, event: input.event, number: input.number, revision: input.revision } },
    ]);
    // duplicate: already queued (idempotent); anything else is a real failure
    if (res.ok) queued += 1;
    else if (res.code !== 'duplicate') throw new Error(`数据交换记录写入失败：${res.message}`);
  }
  return queued;
}

/**
 * Queues a certificate event for the application's certificate (the signed document as stored on the application).
 * `event`: certificate.issued after issue, certificate.revoked after revocation (app.certificate.revokedAt set).
 */
export async function enqueueCertificateExchange(deps: ExchangeDeps, app: Application, event: 'certificate.issued' | 'certificate.revoked'): Promise<number> {
  const cert = app.certificate;
  if (!cert?.signed) return 0;
  const document = cert.signed.document as Record<string, unknown>;
  // the file re-signed on revocation is not an issue: its own revision goes out as certificate.revoked
  if (event === 'certificate.issued' && (cert.revokedAt || document['status'] === '已撤销')) return 0;
  const revision = revisionOf(document, event);
  const payload: ExchangePayload = {
    event,
    number: cert.number,
    revision,
    document,
    signature: cert.signed.signature,
    kid: cert.signed.kid,
    ...(event === 'certificate.revoked' && cert.revokedAt ? { revokedAt: cert.revokedAt } : {}),
    ...(event === 'certificate.revoked' && cert.revokedReason ? { revokedReason: cert.revokedReason } : {}),
  };
  return enqueueExchange(deps, { event, number: cert.number, revision, payload, applicationId: app.id, holder: app.applicantName });
}
