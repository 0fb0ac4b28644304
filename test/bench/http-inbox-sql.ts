// inbox.sql_p99_ms_<size>: the store query behind the inbox route (GET /api/tasks), timed alone: store.queryTasks
// for one reviewer's assignments, count + the first page of 20, `runs` times on the same store, after a warm-up.
// The route's figure (http-figures.ts) adds HTTP, JSON and the due-date words on top of it.
import { loadavg } from 'node:os';
import { assignmentsOf } from '../../server/auth/access-rules.js';
import { openSqliteStore } from '../../server/store/sqlite/sqlite-store.js';

const quantile = (sorted: readonly number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;

export async function runInboxSql(o: { dataDir: string; size: string; userId?: string; runs?: number; log?: (l: string) => void }): Promise<{ p50: number; p99: number }> {
  const log = o.log ?? console.log;
  const store = openSqliteStore(o.dataDir);
  try {
    const user = await store.getUser(o.userId ?? 'demo-unit-design');
    if (!user) throw new Error(`no user ${o.userId ?? 'demo-unit-design'} in ${o.dataDir}`);
    const q = { assignments: assignmentsOf(user), userId: user.id, offset: 0, limit: 20 };
    const first = await store.queryTasks(q);
    for (let i = 0; i < 20; i++) await store.queryTasks(q);
    const times: number[] = [];
    for (let i = 0; i < (o.runs ?? 1000); i++) {
      const t = performance.now();
      await store.queryTasks(q);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const p50 = quantile(times, 0.5);
    const p99 = quantile(times, 0.99);
    log(`# inbox sql: ${user.id} sees ${first.total} open tasks, page of ${first.items.length}`);
    log(`inbox.sql_p50_ms_${o.size}: ${p50.toFixed(3)} ms`);
    log(`inbox.sql_p99_ms_${o.size}: ${p99.toFixed(3)} ms`);
    log(`machine.load1: ${loadavg()[0]?.toFixed(2) ?? '?'}`);
    return { p50, p99 };
  } finally {
    await store.close();
  }
}
