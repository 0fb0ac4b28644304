// `npm run bench -- --fill N --data-dir DIR --runtime K`: K applications through the runtime (fill/), then copies of
// them up to N (replicate-store.ts), and the figures of both.
import { printFill } from '../fill/print-fill.js';
import { dirMb } from '../fill/fill-store.js';
import { openSqliteStore } from '../../../server/store/sqlite/sqlite-store.js';
import { replicateStore } from './replicate-store.js';

export async function printFillAndCopies(o: { n: number; runtime: number; dataDir: string; concurrency?: number }, log: (l: string) => void = console.log): Promise<void> {
  await printFill({ n: Math.min(o.n, o.runtime), dataDir: o.dataDir, ...(o.concurrency ? { concurrency: o.concurrency } : {}) }, log);
  const store = openSqliteStore(o.dataDir);
  try {
    const r = await replicateStore(store, o.n, { log: (l) => log(`# ${l}`) });
    log(`fill.runtime_applications: ${r.templates} count`);
    log(`fill.copied_applications: ${r.copies} count`);
    if (r.copies > 0) log(`fill.copies_per_s: ${(r.copies / r.seconds).toFixed(0)} /s`);
  } finally {
    await store.close();
  }
  log(`fill.store_mb_total: ${dirMb(o.dataDir).toFixed(0)} MB`);
}
