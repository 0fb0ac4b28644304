// Benchmark: one guarded write on a MongoDB-protocol server (FerretDB in the bench), step by step.
// Sequential approvals of one realistic application (≈ 5 KB form, one open task, one audit record each) through
// the store port; every command the driver sends is timed by the driver's command monitoring, grouped by
// command and collection, so the figures say where a write's time goes (docs/architecture.md,
// "MongoDB guarded writes at scale"). Run in both modes of the adapter: the claim protocol (FerretDB) and the
// atomic conditional replace (MongoDB proper; forced here, sequential, so correct on FerretDB as well).
import { randomBytes } from 'node:crypto';
import type { CommandSucceededEvent } from 'mongodb';
import type { Application } from '../../server/domain/schema-types.gen.js';
import { openMongoStore, type MongoStore } from '../../server/store/mongo/mongo-store.js';
import { makeApplication } from '../support/factories.js';
import { dropMongoDatabase } from '../support/mongo-db.js';

export interface StepFigure {
  step: string;
  perWrite: number;
  msPerWrite: number;
}

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? 0;
};

export function realisticApplication(id: string): Application {
  const form: Record<string, string> = {};
  for (let i = 0; i < 40; i++) form[`field${i}`] = `填写内容 ${i} `.repeat(12);
  return makeApplication({
    id,
    status: 'submitted',
    form,
    routing: { unit: 'org-A' },
    openTasks: [{ taskId: 't-1', elementId: 'unitReview', name: '单位审核', role: 'unitReviewer', orgId: 'org-A', createdAt: '2022-06-02T00:00:00.000Z' }],
  });
}

function withMonitoring(url: string): string {
  return url + (url.includes('?') ? '&' : '?') + 'monitorCommands=true';
}

/** `writes` sequential guarded writes; returns the per-write latencies and the driver commands they sent */
export async function measureGuardedWrites(url: string, o: { writes: number; atomicUpdates: boolean }): Promise<{ ms: number[]; steps: StepFigure[] }> {
  const dbName = `zc_h6_gw_${randomBytes(3).toString('hex')}`;
  const store: MongoStore = await openMongoStore(withMonitoring(url), { dbName, sweepIntervalMs: 0, atomicUpdates: o.atomicUpdates });
  const byStep = new Map<string, { n: number; ms: number }>();
  let on = false;
  const listen = (e: CommandSucceededEvent): void => {
    if (!on) return;
    const reply = e.reply as { cursor?: { ns?: string } } | undefined;
    const coll = reply?.cursor?.ns?.split('.').slice(1).join('.') ?? '';
    const key = `${e.commandName}${coll ? ` ${coll}` : ''}`;
    const s = byStep.get(key) ?? { n: 0, ms: 0 };
    s.n += 1;
    s.ms += e.duration;
    byStep.set(key, s);
  };
  store.db.client.on('commandSucceeded', listen);
  try {
    let app = realisticApplication('gw-1');
    await store.insertApplication(app, []);
    const ms: number[] = [];
    on = true;
    for (let i = 0; i < o.writes; i++) {
      const next = { ...app, version: app.version + 1, updatedAt: new Date(Date.UTC(2022, 5, 2, 0, 0, i)).toISOString() };
      const t0 = performance.now();
      const res = await store.updateApplication(next, app.version, [{ at: next.updatedAt, actor: 'bench', action: 'task.complete', target: { type: 'application', id: app.id } }]);
      ms.push(performance.now() - t0);
      if (!res.ok) throw new Error(`write ${i}: ${res.message}`);
      app = next;
    }
    await store.flushFollowUps();
    on = false;
    const steps = [...byStep].map(([step, s]) => ({ step, perWrite: s.n / o.writes, msPerWrite: s.ms / o.writes })).sort((a, b) => b.msPerWrite - a.msPerWrite);
    return { ms, steps };
  } finally {
    store.db.client.off('commandSucceeded', listen);
    await store.close();
    await dropMongoDatabase(url, dbName);
  }
}

/** prints `mongo.guarded_write_*` for both modes and the per-step breakdown as comment lines */
export async function runMongoGuardedWriteBench(url: string, o: { writes?: number; log?: (l: string) => void } = {}): Promise<void> {
  const log = o.log ?? console.log;
  const writes = o.writes ?? 300;
  for (const atomicUpdates of [false, true]) {
    const { ms, steps } = await measureGuardedWrites(url, { writes, atomicUpdates });
    const name = atomicUpdates ? 'mongo.guarded_write_atomic' : 'mongo.guarded_write';
    log(`${name}_ms_p50: ${pct(ms, 50).toFixed(2)} ms`);
    log(`${name}_ms_p99: ${pct(ms, 99).toFixed(2)} ms`);
    const total = steps.reduce((a, s) => a + s.perWrite, 0);
    log(`${name}_round_trips: ${total.toFixed(2)} count`);
    for (const s of steps) log(`#   ${atomicUpdates ? 'atomic' : 'claims'} ${s.step}: ${s.perWrite.toFixed(2)} per write, ${s.msPerWrite.toFixed(3)} ms per write`);
  }
}
