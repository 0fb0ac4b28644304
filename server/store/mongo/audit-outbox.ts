// The hash-chained audit log on MongoDB without transactions.
//
// Records are insert-only, `_id` = `seq` (plus a unique index on seq). To append: read the last record, seal the
// inputs after it, insert them one by one; a duplicate key means another process appended first, so re-read and
// re-seal what is left. Inserts on a unique key are atomic on MongoDB and on FerretDB alike, so the chain never forks.
//
// Writes that must be atomic with their audit record carry an outbox entry inside the written document (same
// single-document write). Draining an entry appends each input with `outboxId = <entryId>:<index>` (unique sparse
// index), so draining the same entry twice, or from two processes at once, appends each input exactly once.
//
// Records are sealed with the HMAC key of the store's AuditTrust; after each append the head this process wrote is
// appended to the signed checkpoint file (store/audit-checkpoints.ts).
import type { Collection } from 'mongodb';
import { GENESIS_HASH, sealAudit, type StoredAuditRecord } from '../../domain/audit/chain.js';
import type { AuditEntry } from '../../domain/schema-types.gen.js';
import type { AuditTrust } from '../audit-trust.js';
import type { AuditInput } from '../port.js';
import type { NotificationInput } from '../../domain/notifications/types.js';

export interface OutboxEntry {
  id: string;
  inputs: AuditInput[];
  /** what the write tells people: stored by its id when the entry is drained (notifications.ts), before the audit */
  notifications?: NotificationInput[];
}

export type AuditDoc = AuditEntry & { _id: number; outboxId?: string };

const MAX_ATTEMPTS = 10_000;

export function isDuplicateKey(e: unknown): boolean {
  return typeof e === 'object' && e !== null && 'code' in e && (e as { code: unknown }).code === 11000;
}

export const outboxIdOf = (entryId: string, index: number): string => `${entryId}:${index}`;

export function auditFromDoc(d: AuditDoc): AuditEntry {
  const { _id: _i, outboxId: _o, ...entry } = d;
  return entry;
}

/** `_id` is the record's seq column; the hash lives in the record itself */
export function storedAuditFromDoc(d: AuditDoc): StoredAuditRecord {
  return { seq: d._id, hash: d.hash, entry: auditFromDoc(d) };
}

async function lastRecord(audit: Collection<AuditDoc>): Promise<{ seq: number; hash: string }> {
  const last = await audit.find({}, { sort: { _id: -1 }, limit: 1, projection: { seq: 1, hash: 1 } }).next();
  return last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: GENESIS_HASH };
}

/** Appends inputs in order; items with an outboxId already present are skipped (idempotent draining). */
export async function appendChained(audit: Collection<AuditDoc>, items: { input: AuditInput; outboxId?: string }[], trust: AuditTrust): Promise<void> {
  let i = 0;
  let head: AuditEntry | undefined;
  for (let attempt = 0; i < items.length; attempt++) {
    if (attempt >= MAX_ATTEMPTS) throw new Error('审计日志追加冲突过多，请稍后重试');
    const last = await lastRecord(audit);
    const rest = items.slice(i);
    const sealed = sealAudit(
      rest.map((x) => x.input),
      last.seq,
      last.hash,
      trust.key,
    );
    for (let k = 0; k < sealed.length; k++) {
      const rec = sealed[k]!;
      const outboxId = rest[k]!.outboxId;
      try {
        await audit.insertOne({ ...rec, _id: rec.seq, ...(outboxId ? { outboxId } : {}) });
        i += 1;
        head = rec;
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
        // either someone appended at this seq first, or this outbox input is already in the log
        if (outboxId && (await audit.countDocuments({ outboxId }, { limit: 1 })) > 0) i += 1;
        break; // re-read the last record and re-seal what is left
      }
    }
  }
  if (head) trust.checkpoints?.appendAfterWrite(head.seq, head.hash);
}

/** Appends an outbox entry's inputs unless already appended. */
export async function drainEntry(audit: Collection<AuditDoc>, entry: OutboxEntry, trust: AuditTrust): Promise<void> {
  if (entry.inputs.length === 0) return;
  // inputs are appended in order, so the last one present means the whole entry is in the log
  if (await isDrained(audit, entry)) return;
  await appendChained(
    audit,
    entry.inputs.map((input, k) => ({ input, outboxId: outboxIdOf(entry.id, k) })),
    trust,
  );
}

export async function isDrained(audit: Collection<AuditDoc>, entry: OutboxEntry): Promise<boolean> {
  if (entry.inputs.length === 0) return true;
  return (await audit.countDocuments({ outboxId: outboxIdOf(entry.id, entry.inputs.length - 1) }, { limit: 1 })) > 0;
}

/** The entries not yet (completely) in the log: what a document must keep carrying. */
export async function undrained(audit: Collection<AuditDoc>, entries: OutboxEntry[]): Promise<OutboxEntry[]> {
  const withInputs = entries.filter((e) => e.inputs.length > 0);
  if (withInputs.length === 0) return [];
  const lastIds = withInputs.map((e) => outboxIdOf(e.id, e.inputs.length - 1));
  const done = new Set(
    (await audit.find({ outboxId: { $in: lastIds } }, { projection: { outboxId: 1 } }).toArray()).map((d) => d.outboxId),
  );
  return withInputs.filter((e) => !done.has(outboxIdOf(e.id, e.inputs.length - 1)));
}

/** Appends sealed records verbatim after the stored chain (store transfer). */
export async function importSealed(audit: Collection<AuditDoc>, records: AuditEntry[]): Promise<void> {
  let last = await lastRecord(audit);
  for (const r of records) {
    if (r.seq !== last.seq + 1 || r.prevHash !== last.hash) throw new Error(`审计记录 ${r.seq} 接不上已有的第 ${last.seq} 条`);
    await audit.insertOne({ ...r, _id: r.seq });
    last = { seq: r.seq, hash: r.hash };
  }
}
