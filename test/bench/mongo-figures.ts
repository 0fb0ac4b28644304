// Benchmark: the inbox, submit and approve figures of issue 16 on a MongoDB-protocol server (FerretDB in the
// bench) at 100k applications, printed as `mongo.*` with the machine's load.
//
// The applications are the fill tool's (test/bench/fill/fill-store.ts: real runtime writes into SQLite). A SQLite
// store of `source` applications is filled (or an existing fill is read with `sourceDir`), and its documents are
// bulk-loaded into the database `zc_h6_bench` in the adapter's own stored shape (application-doc.ts) — copies of
// each with a suffixed id and applicant, until `n` are there, so the reviewer demo-unit-design keeps its ~1% share.
// The bulk load skips the per-document audit (it is a load, as store:import's is, not a workload). Figures:
//   mongo.inbox_ms_p99_100k      demo-unit-design's default inbox through Store.queryTasks (count + first page)
//   mongo.submit_ms_p99_100k     the store calls a submit makes (read, the applicant's applications, the unit's
//                                committee, the guarded write with its audit record), one submit at a time
//   mongo.approve_ms_p99_100c    100 approvals of 100 applications at once, each a guarded write with its audit
//   mongo.guarded_write_ms_p50   one write after another on one application (mongo-guarded-write.ts), per mode
// The database is dropped at the end; a fill made here is deleted.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { Application } from '../../server/domain/schema-types.gen.js';
import { applicationDoc } from '../../server/store/mongo/application-doc.js';
import { openMongoStore, type MongoStore } from '../../server/store/mongo/mongo-store.js';
import { openSqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import { dropMongoDatabase } from '../support/mongo-db.js';
import { fillStore } from './fill/fill-store.js';
import { runMongoGuardedWriteBench } from './mongo-guarded-write.js';

export interface MongoBenchOptions {
  url?: string;
  /** applications in the MongoDB database (default 100,000) */
  n?: number;
  /** distinct applications filled through the runtime and copied (default 2,000) */
  source?: number;
  /** a filled SQLite data dir to read instead of filling one */
  sourceDir?: string;
  /** inbox queries timed (default 30) and submits (default 40): lower them on FerretDB-on-SQLite, where each list is a full scan */
  inboxRuns?: number;
  submits?: number;
  log?: (l: string) => void;
}

const DEMO_UNIT = { role: 'unitReviewer', orgId: 'unit-hhht-design' };
const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? 0;
};
const load1 = (): string => loadavg()[0]!.toFixed(2);

async function timed<T>(f: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const v = await f();
  return [performance.now() - t0, v];
}

async function sourceApplications(o: MongoBenchOptions, log: (l: string) => void): Promise<Application[]> {
  const dir = o.sourceDir ?? `/tmp/zc-scale/h6/fill-${randomBytes(3).toString('hex')}`;
  try {
    if (!o.sourceDir) await fillStore({ n: o.source ?? 2_000, dataDir: dir, log: (l) => log(`# fill ${l}`) });
    const store = openSqliteStore(dir);
    try {
      const apps: Application[] = [];
      for (let offset = 0; ; offset += 500) {
        const page = await store.listApplications({ offset, limit: 500 });
        apps.push(...page.items);
        if (page.items.length < 500) break;
      }
      return apps;
    } finally {
      await store.close();
    }
  } finally {
    if (!o.sourceDir) rmSync(dir, { recursive: true, force: true });
  }
}

/** copy k of a filled application: another applicant's, so C1 and the lists see distinct people */
function copyOf(a: Application, k: number): Application {
  return k === 0 ? a : { ...a, id: `${a.id}~${k}`, applicantId: `${a.applicantId}~${k}` };
}

async function bulkLoad(store: MongoStore, apps: Application[], n: number, log: (l: string) => void): Promise<number> {
  const coll = store.db.collection<{ _id: string }>('applications');
  let loaded = 0;
  const t0 = performance.now();
  for (let k = 0; loaded < n; k++) {
    for (let i = 0; i < apps.length && loaded < n; i += 1_000) {
      const batch = apps.slice(i, Math.min(i + 1_000, i + n - loaded)).map((a) => ({ ...applicationDoc(copyOf(a, k)), _auditOutbox: [] }));
      await coll.insertMany(batch, { ordered: false });
      loaded += batch.length;
    }
    log(`# mongo load: ${loaded} applications, ${((performance.now() - t0) / 1000).toFixed(0)} s, load1 ${load1()}`);
  }
  return loaded;
}

export async function runMongoBench(o: MongoBenchOptions = {}): Promise<void> {
  const log = o.log ?? console.log;
  const url = o.url ?? process.env.MONGODB_URL;
  if (!url) {
    log('# mongo: set MONGODB_URL');
    return;
  }
  const n = o.n ?? 100_000;
  const tag = n >= 1_000 && n % 1_000 === 0 ? `${n / 1_000}k` : String(n);
  const apps = await sourceApplications(o, log);
  if (apps.length === 0) throw new Error('mongo bench: the fill holds no applications');
  const dbName = 'zc_h6_bench';
  await dropMongoDatabase(url, dbName);
  const store = await openMongoStore(url, { dbName, sweepIntervalMs: 0 });
  try {
    log(`mongo.applications: ${await bulkLoad(store, apps, n, log)} count`);
    log(`mongo.atomic_updates: ${store.atomicUpdates ? 1 : 0} bool`);

    // the inbox: count + first page, as the workbench asks for it
    const inbox = { assignments: [DEMO_UNIT], userId: 'demo-unit-design', limit: 50 };
    const first = await store.queryTasks(inbox);
    log(`mongo.inbox_total_${tag}: ${first.total} count`);
    const inboxMs: number[] = [];
    for (let i = 0; i < (o.inboxRuns ?? 30); i++) inboxMs.push((await timed(() => store.queryTasks(inbox)))[0]);
    log(`mongo.inbox_ms_p50_${tag}: ${pct(inboxMs, 50).toFixed(1)} ms`);
    log(`mongo.inbox_ms_p99_${tag}: ${pct(inboxMs, 99).toFixed(1)} ms`);
    log(`machine.load1: ${load1()} load`);

    // submit: drafts of new applicants, submitted one after another through the store calls submit makes
    const submitted = apps.filter((a) => a.status === 'submitted' && a.openTasks.length > 0);
    const submitMs: number[] = [];
    for (let i = 0; i < Math.min(o.submits ?? 40, submitted.length); i++) {
      const tpl = submitted[i]!;
      const draft: Application = { ...tpl, id: `bench-submit-${i}`, applicantId: `bench-applicant-${i}`, version: 1, status: 'draft', openTasks: [], timers: [] };
      delete draft.workflow;
      delete draft.submittedAt;
      const ins = await store.insertApplication(draft, []);
      if (!ins.ok) throw new Error(`draft ${i}: ${ins.message}`);
      const [ms, res] = await timed(async () => {
        await store.getApplication(draft.id);
        await store.listApplicationSummaries({ applicantId: draft.applicantId, campaignId: draft.campaignId, limit: 100 });
        const unit = tpl.routing?.unit;
        if (unit) await store.findUnitCommittee({ campaignId: tpl.campaignId, seriesKey: tpl.seriesKey, levelKey: tpl.levelKey, unitId: unit, exceptId: draft.id });
        return store.updateApplication({ ...tpl, id: draft.id, applicantId: draft.applicantId, version: 2 }, 1, [
          { at: new Date().toISOString(), actor: draft.applicantId, action: 'application.submit', target: { type: 'application', id: draft.id } },
        ]);
      });
      if (!res.ok) throw new Error(`submit ${i}: ${res.message}`);
      submitMs.push(ms);
    }
    log(`mongo.submit_ms_p50_${tag}: ${pct(submitMs, 50).toFixed(1)} ms`);
    log(`mongo.submit_ms_p99_${tag}: ${pct(submitMs, 99).toFixed(1)} ms`);
    log(`machine.load1: ${load1()} load`);

    // 100 approvals at once, each of another application (the "100 parallel approvals")
    const targets = submitted.slice(0, 100).map((a) => copyOf(a, n > apps.length ? 1 : 0));
    // FerretDB on SQLite answers most of them `database is locked (SQLITE_BUSY)`: counted, not thrown
    const settled = await Promise.allSettled(
      targets.map(async (a) => {
        const cur = (await store.getApplication(a.id)) ?? a;
        const next: Application = { ...cur, version: cur.version + 1, openTasks: cur.openTasks.slice(1) };
        return timed(() => store.updateApplication(next, cur.version, [{ at: new Date().toISOString(), actor: 'bench', action: 'task.complete', target: { type: 'application', id: a.id } }]));
      }),
    );
    const done = settled.flatMap((x) => (x.status === 'fulfilled' && x.value[1].ok ? [x.value[0]] : []));
    const c = `${targets.length}c`;
    log(`mongo.approve_failed_${c}: ${targets.length - done.length} count`);
    log(`mongo.approve_ms_p50_${c}: ${pct(done, 50).toFixed(1)} ms`);
    log(`mongo.approve_ms_p99_${c}: ${pct(done, 99).toFixed(1)} ms`);
    log(`machine.load1: ${load1()} load`);
  } finally {
    await store.close();
    await dropMongoDatabase(url, dbName);
  }
  await runMongoGuardedWriteBench(url, { writes: 100, log });
  log(`machine.load1: ${load1()} load`);
}
