// The audit log is a hash chain: each record's hash covers its content and the previous hash,
// so changing or deleting any stored record breaks every hash after it.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../canonical-json.js';
import type { AuditEntry } from '../schema-types.gen.js';

export const GENESIS_HASH = '0'.repeat(64);

export function auditHash(prevHash: string, entry: Omit<AuditEntry, 'hash' | 'prevHash'>): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(entry)).digest('hex');
}

/** Seals inputs onto the chain after (lastSeq, lastHash). */
export function sealAudit(
  inputs: Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>[],
  lastSeq: number,
  lastHash: string,
): AuditEntry[] {
  const out: AuditEntry[] = [];
  let prev = lastHash;
  let seq = lastSeq;
  for (const input of inputs) {
    seq += 1;
    const body = { ...input, seq };
    const hash = auditHash(prev, body);
    out.push({ ...body, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

export type ChainVerdict = { ok: true; count: number } | { ok: false; count: number; brokenSeq: number; reason: string };

/** Walks records in seq order; names the first record whose link or content does not hold. */
export function verifyChain(records: Iterable<AuditEntry>, start = { seq: 0, hash: GENESIS_HASH }): ChainVerdict {
  let prev = start.hash;
  let expectedSeq = start.seq + 1;
  let count = 0;
  for (const r of records) {
    if (r.seq !== expectedSeq) return { ok: false, count, brokenSeq: expectedSeq, reason: `缺少第 ${expectedSeq} 条记录` };
    if (r.prevHash !== prev) return { ok: false, count, brokenSeq: r.seq, reason: `第 ${r.seq} 条记录与上一条的链接不符` };
    const { hash, prevHash: _p, ...body } = r;
    if (auditHash(prev, body) !== hash) return { ok: false, count, brokenSeq: r.seq, reason: `第 ${r.seq} 条记录的内容已被改动` };
    prev = hash;
    expectedSeq += 1;
    count += 1;
  }
  return { ok: true, count };
}
