// Verifies the whole audit log of a store with its key and its signed checkpoints, and names the first bad record:
//  1. the checkpoint file: every line of this store must carry a valid signature; a `legacy` line says how far the
//     chain was sealed before keying; a `reset` line makes the lines before it void;
//  2. the chain, page by page: stored columns agree with the records, links hold, each HMAC holds under the key;
//  3. the checkpoints against the chain: none may count more records than the store has (a deleted tail), and the
//     hash at each checkpoint's count must be the head it signed.
import { GENESIS_HASH, verifyStoredChain, type ChainPosition, type ChainVerdict, type StoredAuditRecord } from '../domain/audit/chain.js';
import type { SignedCheckpoint } from '../domain/audit/checkpoint.js';
import type { CheckpointLog } from './audit-checkpoints.js';
import { defaultAuditTrust, type AuditTrust } from './audit-trust.js';
import type { Store } from './port.js';

export type AuditSource = Pick<Store, 'listAudit' | 'auditCount'> & { listAuditStored?: Store['listAuditStored']; auditTrust?: AuditTrust };

export type AuditVerdict = ChainVerdict & { head?: ChainPosition | null };

/** the hashes of the walked records by seq, 32 bytes each: what the checkpoints are compared with */
class HashesBySeq {
  private buf = Buffer.alloc(32 * 1024);
  private n = 0;
  push(hash: string): void {
    if ((this.n + 1) * 32 > this.buf.length) {
      const bigger = Buffer.alloc(this.buf.length * 2);
      this.buf.copy(bigger);
      this.buf = bigger;
    }
    this.buf.write(hash, this.n * 32, 32, 'hex');
    this.n += 1;
  }
  at(seq: number): string {
    return this.buf.subarray((seq - 1) * 32, seq * 32).toString('hex');
  }
}

interface CheckpointScan {
  /** a line of this store that is not a checkpoint or whose signature does not hold */
  forged?: { no: number };
  legacy?: SignedCheckpoint;
  /** two legacy lines that disagree */
  legacyConflict?: boolean;
  /** the line number after which lines count (the last reset), 0 for all */
  from: number;
}

async function scanCheckpoints(log: CheckpointLog): Promise<CheckpointScan> {
  const scan: CheckpointScan = { from: 0 };
  for await (const l of log.lines()) {
    if (!l.cp || !l.signed) {
      scan.forged ??= { no: l.no };
      continue;
    }
    if (l.cp.kind === 'reset') {
      scan.from = l.no;
      delete scan.legacy;
      scan.legacyConflict = false;
    } else if (l.cp.kind === 'legacy') {
      if (scan.legacy && (scan.legacy.count !== l.cp.count || scan.legacy.head !== l.cp.head)) scan.legacyConflict = true;
      scan.legacy ??= l.cp;
    }
  }
  return scan;
}

async function page(store: AuditSource, fromSeq: number, limit: number): Promise<StoredAuditRecord[]> {
  if (store.listAuditStored) return store.listAuditStored(fromSeq, limit);
  return (await store.listAudit(fromSeq, limit)).map((entry) => ({ seq: entry.seq, hash: entry.hash, entry }));
}

export async function verifyAuditLog(store: AuditSource, pageSize = 1000): Promise<AuditVerdict> {
  const trust = store.auditTrust ?? defaultAuditTrust();
  const log = trust.checkpoints;
  const scan: CheckpointScan = log ? await scanCheckpoints(log) : { from: 0 };
  if (scan.legacyConflict) return { ok: false, count: 0, reason: `检查点文件 ${log?.file} 中有两条互相矛盾的启用密钥记录` };
  const legacyUntil = scan.legacy?.count ?? 0;

  // 2. the chain
  const hashes = new HashesBySeq();
  let start: ChainPosition = { seq: 0, hash: GENESIS_HASH };
  let count = 0;
  for (;;) {
    const records = await page(store, start.seq + 1, pageSize);
    const verdict = verifyStoredChain(records, { key: trust.key, start, legacyUntil });
    if (!verdict.ok) return { ...verdict, count: count + verdict.count };
    count += verdict.count;
    for (const r of records) hashes.push(r.hash);
    if (records.length > 0) start = { seq: records[records.length - 1]!.seq, hash: records[records.length - 1]!.hash };
    if (records.length < pageSize) break;
  }
  const head = count > 0 ? start : null;
  if (!log) return { ok: true, count, head };

  // 3. the checkpoints against the chain
  if (scan.legacy) {
    const k = scan.legacy.count;
    if (k > count) return { ok: false, count, brokenSeq: count + 1, reason: `检查点记载启用密钥前有 ${k} 条记录，存储中只有 ${count} 条：第 ${count + 1} 条起的记录被删除` };
    if (k > 0 && hashes.at(k) !== scan.legacy.head) {
      return { ok: false, count: 0, brokenSeq: k, reason: `启用密钥前的第 1–${k} 条记录与启用密钥时封存的检查点不符（其中有记录被改动并重新计算）` };
    }
  }
  let firstBad: { seq: number; reason: string } | undefined;
  let seen = 0;
  let stored: number | undefined;
  for await (const l of log.lines()) {
    if (l.no <= scan.from || !l.cp || !l.signed || l.cp.kind !== 'head') continue;
    seen += 1;
    const cp = l.cp;
    if (cp.count > count) {
      // a record written after the walk above is not missing: ask the store how many it holds now
      stored ??= await store.auditCount();
      if (stored >= cp.count) continue;
      const seq = count + 1;
      if (!firstBad || seq < firstBad.seq) firstBad = { seq, reason: `检查点（${cp.at}）记载 ${cp.count} 条记录，存储中只有 ${count} 条：第 ${seq} 条起的记录被删除` };
    } else if (cp.count > 0 && hashes.at(cp.count) !== cp.head) {
      if (!firstBad || cp.count < firstBad.seq) firstBad = { seq: cp.count, reason: `第 ${cp.count} 条记录与 ${cp.at} 的检查点不符（链被持有密钥者以外的途径重建，或从备份恢复）` };
    }
  }
  if (firstBad) return { ok: false, count: Math.min(count, firstBad.seq - 1), brokenSeq: firstBad.seq, reason: firstBad.reason };
  if (scan.forged) return { ok: false, count, reason: `检查点文件 ${log.file} 第 ${scan.forged.no} 行不是有效的签名检查点（被改动或伪造）` };
  if (seen === 0 && count > 0) return { ok: false, count, reason: `检查点文件 ${log.file} 中没有本存储的检查点，无法确认末尾的记录未被删除` };
  return { ok: true, count, head };
}
