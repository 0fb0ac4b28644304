// The audit log is a keyed hash chain: each record's hash is an HMAC-SHA256, under a key kept outside the store,
// of its content and the previous hash. Whoever can write the database but does not hold the key can neither
// change a record nor recompute the hashes after it without the change showing. Records sealed before the chain
// was keyed (plain SHA-256) are checked as such up to the seq a signed checkpoint says (see checkpoint.ts).
import { createHash, createHmac } from 'node:crypto';
import { canonicalJson } from '../canonical-json.js';
import type { AuditEntry } from '../schema-types.gen.js';

export const GENESIS_HASH = '0'.repeat(64);

/** the secret the chain and its checkpoints are signed with; the caller reads it, the domain only uses it */
export type AuditKey = Uint8Array;

/** key null only for records sealed before the chain was keyed */
export function auditHash(prevHash: string, entry: Omit<AuditEntry, 'hash' | 'prevHash'>, key: AuditKey | null): string {
  const h = key ? createHmac('sha256', key) : createHash('sha256');
  return h.update(prevHash).update('\n').update(canonicalJson(entry)).digest('hex');
}

/** Seals inputs onto the chain after (lastSeq, lastHash). */
export function sealAudit(
  inputs: Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>[],
  lastSeq: number,
  lastHash: string,
  key: AuditKey,
): AuditEntry[] {
  const out: AuditEntry[] = [];
  let prev = lastHash;
  let seq = lastSeq;
  for (const input of inputs) {
    seq += 1;
    const body = { ...input, seq };
    const hash = auditHash(prev, body, key);
    out.push({ ...body, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

export interface ChainPosition {
  seq: number;
  hash: string;
}

/** A record as the store keeps it: its own key columns (seq, hash) beside the entry; they must agree. */
export interface StoredAuditRecord {
  seq: number;
  hash: string;
  entry: AuditEntry;
}

export type ChainVerdict =
  | { ok: true; count: number }
  /** brokenSeq is absent only when no single record is at fault (e.g. a forged checkpoint line) */
  | { ok: false; count: number; brokenSeq?: number; reason: string };

export interface VerifyChainOptions {
  key: AuditKey;
  start?: ChainPosition;
  /** records up to this seq were sealed before the chain was keyed: checked with plain SHA-256 */
  legacyUntil?: number;
}

const broken = (count: number, brokenSeq: number, reason: string): ChainVerdict => ({ ok: false, count, brokenSeq, reason });

/** Walks stored records in seq order; names the first record whose columns, link or signature do not hold. */
export function verifyStoredChain(records: Iterable<StoredAuditRecord>, opts: VerifyChainOptions): ChainVerdict {
  const start = opts.start ?? { seq: 0, hash: GENESIS_HASH };
  const legacyUntil = opts.legacyUntil ?? 0;
  let prev = start.hash;
  let expectedSeq = start.seq + 1;
  let count = 0;
  for (const { seq, hash, entry } of records) {
    if (seq !== expectedSeq) return broken(count, expectedSeq, `缺少第 ${expectedSeq} 条记录`);
    if (entry.seq !== seq || entry.hash !== hash) {
      return broken(count, seq, `第 ${seq} 条记录的序号或哈希列与记录本身不符（哈希列被改动过）`);
    }
    if (entry.prevHash !== prev) return broken(count, seq, `第 ${seq} 条记录与上一条的链接不符`);
    const { hash: _h, prevHash: _p, ...body } = entry;
    const legacy = seq <= legacyUntil;
    if (auditHash(prev, body, legacy ? null : opts.key) !== hash) {
      return broken(
        count,
        seq,
        legacy
          ? `第 ${seq} 条记录的内容已被改动（启用密钥前的记录，哈希不符）`
          : `第 ${seq} 条记录的内容已被改动或链被重新计算（签名与审计密钥不符）`,
      );
    }
    prev = hash;
    expectedSeq += 1;
    count += 1;
  }
  return { ok: true, count };
}

/** verifyStoredChain over entries as the port returns them (their own seq and hash stand in for the columns) */
export function verifyChain(records: Iterable<AuditEntry>, opts: VerifyChainOptions): ChainVerdict {
  function* stored(): Generator<StoredAuditRecord> {
    for (const entry of records) yield { seq: entry.seq, hash: entry.hash, entry };
  }
  return verifyStoredChain(stored(), opts);
}
