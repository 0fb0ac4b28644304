// Group commit on SQLite (server/store/sqlite/group-commit.ts): concurrent writes share one COMMIT, each in its own
// SAVEPOINT. A stale or refused write rolls back alone, the audit chain stays gap-free with one checkpoint per
// commit, and another connection on the same file sees every transition whole or not at all. Also the lighter
// writes: an unchanged form is not written again and index rows change only where they differ.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NotificationInput } from '../../server/domain/notifications/types.js';
import type { Application } from '../../server/domain/schema-types.gen.js';
import { openAuditTrust, type AuditTrust } from '../../server/store/audit-trust.js';
import type { AuditInput } from '../../server/store/port.js';
import { openSqliteStore, type SqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import { verifyAuditLog } from '../../server/store/verify-audit.js';
import { makeApplication } from '../support/factories.js';
import { tempDir } from '../support/temp-dir.js';

const N = 50;
const STALE = 17;
const ROUNDS = 8;
const at = '2022-06-01T00:00:00.000Z';
const audit = (id: string, v: number): AuditInput => ({ at, actor: 'u-test', action: 'application.write', target: { type: 'application', id }, after: { version: v } });

/** version v of application i: one open task named after the version, the form changing every second version */
function version(i: number, v: number): Application {
  return makeApplication({
    id: `app-${i}`,
    applicantId: `u-${i}`,
    version: v,
    status: 'submitted',
    form: { n: i, half: Math.floor(v / 2), text: '申报表'.repeat(200) },
    openTasks: [{ taskId: `t${v}`, elementId: 'Review', name: '审核', role: 'unitReviewer', orgId: 'org-1', createdAt: at }],
    doneTasks: Array.from({ length: v - 1 }, (_, k) => ({ taskId: `t${k + 1}`, elementId: 'Review', name: '审核', userId: 'u-r', decision: 'approve', at })),
    updatedAt: at,
  });
}

// a second connection in another thread reads snapshots while the store writes, and checks every transition whole:
// the row's version, its open task, its done tasks, its form and its audit records all of one version
const READER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { readonly: true });
db.pragma('busy_timeout = 5000');
const snapshot = db.transaction(() => {
  const apps = db.prepare('SELECT id, version, doc FROM applications').all();
  const tasks = new Map(db.prepare("SELECT app_id, group_concat(task_id) t FROM open_tasks GROUP BY app_id").all().map((r) => [r.app_id, r.t]));
  const done = new Map(db.prepare('SELECT app_id, COUNT(*) n FROM done_tasks GROUP BY app_id').all().map((r) => [r.app_id, r.n]));
  const forms = new Map(db.prepare('SELECT app_id, form FROM application_forms').all().map((r) => [r.app_id, JSON.parse(r.form)]));
  const audits = new Map(db.prepare("SELECT json_extract(doc, '$.target.id') id, COUNT(*) n FROM audit GROUP BY 1").all().map((r) => [r.id, r.n]));
  const bad = [];
  for (const a of apps) {
    const v = a.version;
    const doc = JSON.parse(a.doc);
    const form = forms.get(a.id);
    if (doc.version !== v) bad.push(a.id + ' doc ' + doc.version + ' row ' + v);
    if (tasks.get(a.id) !== 't' + v) bad.push(a.id + ' v' + v + ' open task ' + tasks.get(a.id));
    if ((done.get(a.id) ?? 0) !== v - 1) bad.push(a.id + ' v' + v + ' done ' + done.get(a.id));
    if (!form || form.half !== Math.floor(v / 2)) bad.push(a.id + ' v' + v + ' form ' + JSON.stringify(form && form.half));
    if (audits.get(a.id) !== v) bad.push(a.id + ' v' + v + ' audit ' + audits.get(a.id));
  }
  return { apps: apps.length, bad };
});
const flag = new Int32Array(workerData.stop);
let snapshots = 0;
const bad = [];
while (Atomics.load(flag, 0) === 0) {
  const s = snapshot.deferred();
  if (s.apps > 0) snapshots += 1;
  bad.push(...s.bad.slice(0, 5));
  if (bad.length > 20) break;
}
parentPort.postMessage({ snapshots, bad });
`;

describe('SQLite group commit', () => {
  let dir: ReturnType<typeof tempDir>;
  let trust: AuditTrust;
  let store: SqliteStore;
  const checkpointFile = () => join(dir.path, 'audit', 'checkpoints.ndjson');
  const checkpoints = () => readFileSync(checkpointFile(), 'utf8').trim().split('\n').length;

  beforeEach(() => {
    dir = tempDir('zc-group-');
    trust = openAuditTrust(
      { key: randomBytes(32).toString('hex'), keyFile: join(dir.path, 'audit', 'unused'), keyFileIsDefault: false, checkpointFile: checkpointFile() },
      'sqlite',
      join(dir.path, 'data'),
    );
    store = openSqliteStore(join(dir.path, 'data'), { auditTrust: trust });
  });

  afterEach(async () => {
    await store.close();
    trust.checkpoints?.close();
    dir.remove();
  });

  it('commits 50 concurrent guarded updates at once: only the stale one conflicts, readers never see half a transition', async () => {
    const inserted = await Promise.all(Array.from({ length: N }, (_, i) => store.insertApplication(version(i, 1), [audit(`app-${i}`, 1)])));
    expect(inserted.every((r) => r.ok)).toBe(true);
    // one of them moves on first: the round below still holds version 1 of it, and is stale
    expect(await store.updateApplication(version(STALE, 2), 1, [audit(`app-${STALE}`, 2)])).toEqual({ ok: true });

    const stop = new SharedArrayBuffer(4);
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const reader = new Worker(READER, { eval: true, workerData: { file: join(dir.path, 'data', 'zhicheng.sqlite'), driver, stop } });
    const seen = new Promise<{ snapshots: number; bad: string[] }>((resolve, reject) => (reader.once('message', resolve), reader.once('error', reject)));

    const before = checkpoints();
    const round = await Promise.all(Array.from({ length: N }, (_, i) => store.updateApplication(version(i, 2), 1, [audit(`app-${i}`, 2)])));
    expect(round.filter((r) => !r.ok)).toEqual([{ ok: false, code: 'conflict', message: expect.any(String) }]);
    expect(round[STALE]).toMatchObject({ ok: false, code: 'conflict' });
    // one commit for the whole round, so one checkpoint
    expect(checkpoints() - before).toBe(1);

    // more rounds while the reader keeps looking
    for (let v = 3; v < 3 + ROUNDS; v++) {
      const res = await Promise.all(Array.from({ length: N }, (_, i) => store.updateApplication(version(i, v), v - 1, [audit(`app-${i}`, v)])));
      expect(res.every((r) => r.ok)).toBe(true);
    }
    Atomics.store(new Int32Array(stop), 0, 1);
    const { snapshots, bad } = await seen;
    await reader.terminate();
    expect(bad).toEqual([]);
    expect(snapshots).toBeGreaterThan(0);

    const last = 2 + ROUNDS;
    for (const i of [0, STALE, N - 1]) expect(await store.getApplication(`app-${i}`)).toEqual(version(i, last));
    expect(await store.auditCount()).toBe(N * last);
    expect(await verifyAuditLog(store)).toMatchObject({ ok: true, count: N * last });
  });

  it('rolls back a refused or failing write alone: the others in its commit stay, the chain has no gap', async () => {
    await store.insertApplication(version(1, 1), [audit('app-1', 1)]);
    const before = checkpoints();
    const [dup, upd, boom, ins] = await Promise.all([
      store.insertApplication(version(1, 1), [audit('app-1', 1)]),
      store.updateApplication(version(1, 2), 1, [audit('app-1', 2)]),
      // an exception inside the write after its audit record was sealed (a notification that is not one)
      store.insertApplication(version(2, 1), [audit('app-2', 1)], [null as unknown as NotificationInput]).catch((e: unknown) => e),
      store.insertApplication(version(3, 1), [audit('app-3', 1)]),
    ]);
    expect(dup).toMatchObject({ ok: false, code: 'duplicate' });
    expect(upd).toEqual({ ok: true });
    expect(boom).toBeInstanceOf(Error);
    expect(ins).toEqual({ ok: true });
    expect(checkpoints() - before).toBe(1);
    expect(await store.getApplication('app-2')).toBeNull();
    expect(await store.getApplication('app-1')).toEqual(version(1, 2));
    expect(await store.auditCount()).toBe(3);
    expect(await verifyAuditLog(store)).toMatchObject({ ok: true, count: 3 });
  });

  it('does not write an unchanged form again and changes only the index rows that differ', async () => {
    const db = store.raw;
    db.exec(`CREATE TEMP TABLE writes (t TEXT);
      CREATE TEMP TRIGGER f_ins AFTER INSERT ON application_forms BEGIN INSERT INTO writes VALUES ('form'); END;
      CREATE TEMP TRIGGER o_ins AFTER INSERT ON open_tasks BEGIN INSERT INTO writes VALUES ('open+'); END;
      CREATE TEMP TRIGGER o_del AFTER DELETE ON open_tasks BEGIN INSERT INTO writes VALUES ('open-'); END;
      CREATE TEMP TRIGGER d_ins AFTER INSERT ON done_tasks BEGIN INSERT INTO writes VALUES ('done+'); END;
      CREATE TEMP TRIGGER d_del AFTER DELETE ON done_tasks BEGIN INSERT INTO writes VALUES ('done-'); END;`);
    const writes = () => (db.prepare('SELECT t FROM writes ORDER BY rowid').all() as { t: string }[]).map((r) => r.t);
    await store.insertApplication(version(1, 1), [audit('app-1', 1)]);
    await store.updateApplication(version(1, 2), 1, [audit('app-1', 2)]);
    await store.updateApplication(version(1, 3), 2, [audit('app-1', 3)]);
    expect(writes()).toEqual([
      'form', 'open+', // v1
      'form', 'open-', 'open+', 'done+', // v2: the form changed (half 0 → 1), one task done
      'open-', 'open+', 'done+', // v3: the same form, one more task done
    ]);
    expect(await store.getApplication('app-1')).toEqual(version(1, 3));
    expect((await store.listApplications({})).items).toEqual([version(1, 3)]);
  });

  it('reads a document written before forms were kept apart exactly as it was stored', async () => {
    const old = version(7, 1);
    store.raw
      .prepare('INSERT INTO applications (id, version, applicant_id, campaign_id, series_key, level_key, status, updated_at, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(old.id, 1, old.applicantId, old.campaignId, old.seriesKey, old.levelKey, old.status, old.updatedAt, JSON.stringify(old));
    expect(await store.getApplication(old.id)).toEqual(old);
    expect((await store.listApplications({})).items).toEqual([old]);
    expect(await store.updateApplication(version(7, 2), 1, [])).toEqual({ ok: true });
    expect(await store.getApplication(old.id)).toEqual(version(7, 2));
  });
});
