// Pushes the due outbox records like the notification dispatcher: each is first held under a short lease by a
// version-guarded write (two processes never push one record at once), then pushed, then its outcome written with
// an audit record: sent; refused (a 4xx other than 408/429) → dead at once; otherwise retried on the notification
// back-off (retry-backoff.ts) and dead after the last try. Time is the caller's clock; tests call pushDue by hand.
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../../domain/clock.js';
import type { SigningKey } from '../../domain/certificates/signature.js';
import type { StoredRecord } from '../../store/port.js';
import { failureOutcome } from '../notifications/retry-backoff.js';
import type { ExchangeDeps } from './enqueue.js';
import { pushOnce, PUSH_TIMEOUT_MS, type PushResult } from './push.js';
import { exchangeKeys, type ExchangeItem } from './types.js';

export interface PushDeps extends ExchangeDeps {
  /** the key that signs each body: the certificate key ring's current key */
  signingKey: () => SigningKey;
  timeoutMs?: number;
}

export interface PushReport {
  sent: number;
  retrying: number;
  dead: number;
}

export const PUSH_BATCH = 10;
const PAGE = 200;

type Rec = StoredRecord<ExchangeItem>;

async function duePending(d: PushDeps, now: string, limit: number): Promise<Rec[]> {
  const due: Rec[] = [];
  for (let offset = 0; due.length < limit; offset += PAGE) {
    const page = await d.store.listRecords<ExchangeItem>({ kind: 'exchange', keys: ['state:pending'], limit: PAGE, offset });
    for (const r of page.items) {
      const b = r.body;
      if (b.nextAttemptAt <= now && (!b.leaseUntil || b.leaseUntil <= now) && due.length < limit) due.push(r);
    }
    if (offset + PAGE >= page.total) break;
  }
  return due;
}

/** holds the record until the push is over; null when another process took it first */
async function claim(d: PushDeps, r: Rec, now: string, leaseUntil: string): Promise<Rec | null> {
  const held: Rec = { ...r, version: r.version + 1, updatedAt: now, body: { ...r.body, leaseUntil } };
  // a lease is not a change anyone sees: the outcome write below carries the audit record
  const res = await d.store.putRecord(held, r.version, []);
  return res.ok ? held : null;
}

function outcomeOf(b: ExchangeItem, res: PushResult, now: string): ExchangeItem {
  const attempts = b.attempts + 1;
  const { leaseUntil: _lease, ...rest } = b;
  if (res.kind === 'sent') {
    const { lastError: _err, ...done } = rest;
    return { ...done, state: 'sent', attempts, sentAt: now, nextAttemptAt: now, ...(res.receiptId ? { receiptId: res.receiptId } : {}) };
  }
  if (res.kind === 'refused') return { ...rest, state: 'dead', attempts, lastError: res.error, nextAttemptAt: now };
  const o = failureOutcome(attempts, res.error, now);
  if (o.status === 'pending') return { ...rest, state: 'pending', attempts, lastError: res.error, nextAttemptAt: o.nextAttemptAt };
  return { ...rest, state: 'dead', attempts, lastError: o.status === 'dead' ? o.error : res.error, nextAttemptAt: now };
}

async function pushOne(d: PushDeps, r: Rec, now: string): Promise<ExchangeItem['state'] | null> {
  const leaseUntil = new Date(Date.parse(now) + (d.timeoutMs ?? PUSH_TIMEOUT_MS) + 10_000).toISOString();
  const held = await claim(d, r, now, leaseUntil);
  if (!held) return null;
  const ep = (d.exchangeEndpoints ?? []).find((e) => e.id === held.body.endpointId);
  const res: PushResult = ep ? await pushOnce(ep, held.body.payload, d.signingKey(), d.timeoutMs) : { kind: 'refused', error: '接收平台已不在配置中（EXCHANGE_ENDPOINTS）' };
  const body = outcomeOf(held.body, res, now);
  const next: Rec = { ...held, version: held.version + 1, updatedAt: now, keys: exchangeKeys(body), body };
  const action = body.state === 'sent' ? 'exchange.sent' : body.state === 'dead' ? 'exchange.dead' : 'exchange.retry_later';
  const written = await d.store.putRecord(next, held.version, [
    {
      at: now,
      actor: 'system:exchange',
      action,
      target: { type: 'exchange', id: r.id },
      before: { state: r.body.state, attempts: r.body.attempts },
      after: { state: body.state, attempts: body.attempts, ...(body.lastError ? { error: body.lastError } : {}), ...(body.receiptId ? { receiptId: body.receiptId } : {}) },
    },
  ]);
  return written.ok ? body.state : null;
}

export async function pushDue(d: PushDeps, now: string, limit = PUSH_BATCH): Promise<PushReport> {
  const report: PushReport = { sent: 0, retrying: 0, dead: 0 };
  for (const r of await duePending(d, now, limit)) {
    const state = await pushOne(d, r, now);
    if (state === 'sent') report.sent += 1;
    else if (state === 'pending') report.retrying += 1;
    else if (state === 'dead') report.dead += 1;
  }
  return report;
}

/** polls like the notification dispatcher; not started when no platform is configured */
export function startExchangeDispatcher(d: PushDeps, clock: Clock, intervalMs: number, log: FastifyBaseLogger): () => void {
  if (intervalMs <= 0 || (d.exchangeEndpoints ?? []).length === 0) return () => {};
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    pushDue(d, clock.now())
      .then((r) => {
        if (r.sent + r.retrying + r.dead > 0) log.info(r, 'data exchange pushed');
      })
      .catch((err: unknown) => log.error({ err }, 'data exchange dispatcher failed'))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
