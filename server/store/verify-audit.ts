// Walks the whole audit log page by page, carrying the last hash between pages,
// and names the first record whose link or content does not hold.
import { GENESIS_HASH, verifyChain, type ChainVerdict } from '../domain/audit/chain.js';
import type { Store } from './port.js';

export async function verifyAuditLog(store: Pick<Store, 'listAudit'>, pageSize = 1000): Promise<ChainVerdict> {
  let start = { seq: 0, hash: GENESIS_HASH };
  let count = 0;
  for (;;) {
    const page = await store.listAudit(start.seq + 1, pageSize);
    const verdict = verifyChain(page, start);
    count += verdict.count;
    if (!verdict.ok) return { ...verdict, count };
    if (page.length < pageSize) return { ok: true, count };
    const last = page[page.length - 1]!;
    start = { seq: last.seq, hash: last.hash };
  }
}
