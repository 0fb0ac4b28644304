// Bringing a chain under the key (the migration of chains sealed before the audit key existed).
//
// When a store is opened with a checkpoint file that has no line for it yet, the stored chain is walked once: the
// records from the start that hold as plain SHA-256 are the legacy prefix, everything after must hold under the key.
// If the whole chain holds, a signed `legacy` checkpoint (its length and head) and a `head` checkpoint are written;
// from then on the legacy prefix is as fixed as the rest (its head is signed) and new records are keyed. A chain that
// does not hold is not sealed: `npm run audit:verify` names its first bad record.
import { auditHash, GENESIS_HASH, type ChainPosition } from '../domain/audit/chain.js';
import type { Store } from './port.js';

export interface Adoption {
  /** checkpoints written now */
  sealed: boolean;
  legacy: number;
  count: number;
  /** why the chain could not be sealed */
  problem?: string;
}

const PAGE = 1000;

export async function adoptAuditChain(store: Pick<Store, 'listAudit' | 'auditTrust' | 'listAuditStored'>): Promise<Adoption> {
  const trust = store.auditTrust;
  const log = trust?.checkpoints;
  if (!trust || !log || (await log.hasAny())) return { sealed: false, legacy: 0, count: 0 };
  let prev: ChainPosition = { seq: 0, hash: GENESIS_HASH };
  let legacy: ChainPosition | null = null;
  let keyed = false;
  for (;;) {
    const page = store.listAuditStored
      ? await store.listAuditStored(prev.seq + 1, PAGE)
      : (await store.listAudit(prev.seq + 1, PAGE)).map((entry) => ({ seq: entry.seq, hash: entry.hash, entry }));
    for (const { seq, hash, entry } of page) {
      const { hash: _h, prevHash, ...body } = entry;
      const fail = (why: string): Adoption => ({ sealed: false, legacy: legacy?.seq ?? 0, count: prev.seq, problem: `第 ${seq} 条记录${why}` });
      if (seq !== prev.seq + 1) return { sealed: false, legacy: legacy?.seq ?? 0, count: prev.seq, problem: `缺少第 ${prev.seq + 1} 条记录` };
      if (entry.seq !== seq || entry.hash !== hash || prevHash !== prev.hash) return fail('的序号、哈希列或链接不符');
      if (!keyed && auditHash(prev.hash, body, null) === hash) legacy = { seq, hash };
      else if (auditHash(prev.hash, body, trust.key) === hash) keyed = true;
      else return fail('的内容已被改动（哈希与签名都不符）');
      prev = { seq, hash };
    }
    if (page.length < PAGE) break;
  }
  if (legacy) log.append('legacy', legacy.seq, legacy.hash);
  if (prev.seq > 0) log.append('head', prev.seq, prev.hash);
  return { sealed: prev.seq > 0, legacy: legacy?.seq ?? 0, count: prev.seq };
}
