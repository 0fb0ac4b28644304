// Moving a whole store: a small embedded store is exported to a folder and imported into another store (SQLite
// always; MongoDB too when MONGODB_URL is set); counts match, the audit chain verifies, contents are equal.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { openMongoStore } from '../../server/store/mongo/mongo-store.js';
import type { AuditInput, Store } from '../../server/store/port.js';
import { openSqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import { countStore, exportStore, importStore, type Manifest } from '../../server/cli/lib/store-transfer.js';
import { makeApplication, makeUser } from '../support/factories.js';
import { dropMongoDatabase } from '../support/mongo-db.js';
import { tempDir } from '../support/temp-dir.js';

const ROOT = resolve(import.meta.dirname, '../..');
const url = process.env.MONGODB_URL;
const run = promisify(execFile);
const audit = (action: string, id: string): AuditInput => ({ at: '2022-06-01T00:00:00.000Z', actor: 'u-admin', action, target: { type: 'test', id }, after: { n: 1, list: ['a', { b: null }] } });

async function fill(store: Store): Promise<void> {
  const base = { kind: 'level' as const, key: 'gongcheng/fugao', createdAt: '2022-05-01T00:00:00.000Z', createdBy: 'admin' };
  await store.insertPublished({ ...base, version: 1, status: 'published', body: { v: 1 }, hash: 'h1' }, [audit('definition.publish', 'v1')]);
  await store.insertPublished({ ...base, version: 2, status: 'published', body: { v: 2, 名称: '副高级' }, hash: 'h2' }, [audit('definition.publish', 'v2')]);
  await store.saveDraft({ ...base, version: 0, status: 'draft', body: { v: 3 }, hash: 'h3' }, [audit('definition.draft', 'v3')]);
  await store.saveDraft({ kind: 'series', key: 'only-draft', version: 0, status: 'draft', body: {}, hash: 'h', createdAt: 'x', createdBy: 'y' }, []);
  await store.upsertOrg({ id: '150100', name: '呼和浩特市', kind: 'league', code: '150100', tags: { grassroots: 'city' } });
  await store.upsertOrg({ id: 'org-A', name: '某单位', kind: 'unit', parentId: '150100' });
  await store.insertUser(makeUser(), [audit('user.register', 'u-1')]);
  await store.insertUser(makeUser({ id: 'u-2', login: 'lisi', roles: [{ role: 'unitReviewer', orgId: 'org-A' }] }), []);
  for (let i = 0; i < 7; i++) {
    await store.insertApplication(
      makeApplication({
        id: `app-${i}`,
        updatedAt: `2022-06-0${1 + (i % 3)}T00:00:00.000Z`,
        routing: { unit: 'org-A', league: '150100' },
        openTasks: [{ taskId: `t-${i}`, elementId: 'unitReview', name: '单位审核', role: 'unitReviewer', orgId: 'org-A', createdAt: '2022-06-01T00:00:00.000Z' }],
        timers: i % 2 ? [{ timerId: 'tm', dueAt: '2022-07-01T00:00:00.000Z' }] : [],
        form: { 姓名: '张三', years: i },
      }),
      [audit('application.create', `app-${i}`)],
    );
  }
  const a0 = (await store.getApplication('app-0'))!;
  await store.updateApplication({ ...a0, version: 2, status: 'submitted' }, 1, [audit('application.submit', 'app-0')]);
  await store.adjustCounter('quota:teacher', 2, 5);
  await store.adjustCounter('quota:zero', 0, null);
  await store.rememberOnce('idem-1', 'app-1');
  await store.putFile(Buffer.from('%PDF-1.4 学历证书'), { mime: 'application/pdf', name: '学历.pdf', createdAt: 'now', createdBy: 'u-1' });
  await store.putFile(randomBytes(300_000), { mime: 'image/png', name: 'big.png', createdAt: 'now', createdBy: 'u-1' });
  await store.appendAudit([audit('plain', 'x'), audit('plain', 'y')]);
  await store.putSession({ id: 's1', userId: 'u-1', csrfToken: 'c', createdAt: 'a', expiresAt: 'b' });
  // notifications with a read mark, and a delivery queue with one sent, one dead and one pending row
  const note = (id: string, createdAt: string) => ({ id, userId: 'u-1', event: 'task.assigned' as const, title: '待办', body: '单位审核', createdAt, channels: ['email' as const, 'sms' as const] });
  const a1 = (await store.getApplication('app-1'))!;
  await store.updateApplication({ ...a1, version: 2 }, 1, [audit('application.return', 'app-1')], [note('n-1', '2022-06-02T00:00:00.000Z')]);
  await store.addNotifications([note('n-2', '2022-06-03T00:00:00.000Z')]);
  await store.markNotificationsRead('u-1', ['n-1'], '2022-06-04T00:00:00.000Z');
  await store.claimDueDeliveries('2022-06-02T00:00:00.000Z', 'p', '2022-06-02T00:02:00.000Z', 2);
  await store.finishDelivery('n-1:email', { status: 'sent', at: '2022-06-02T00:00:00.000Z' });
  await store.finishDelivery('n-1:sms', { status: 'dead', error: '收件人未登记手机号码', at: '2022-06-02T00:00:00.000Z' });
  // an operational record written twice (its version and index terms travel with it)
  await store.putRecord({ kind: 'expert', id: 'e-1', version: 1, updatedAt: 'a', keys: ['pool:p1'], body: { name: '王工' } }, null, [audit('expert.create', 'e-1')]);
  await store.putRecord({ kind: 'expert', id: 'e-1', version: 2, updatedAt: 'b', keys: ['pool:p1', 'year:2022'], body: { name: '王工' } }, 1, []);
}

/** everything a store holds, in a comparable shape */
async function snapshot(store: Store) {
  const defs = [];
  for (const s of await store.listDefinitions()) {
    defs.push({ s: { ...s }, versions: await store.listVersions(s.kind, s.key), draft: await store.getDefinition(s.kind, s.key, 'draft') });
  }
  const files = [];
  for (const f of (await store.listFiles?.()) ?? []) files.push({ f, bytes: (await store.getFile(f.hash))?.bytes.toString('base64') });
  return {
    defs,
    orgs: await store.listOrgs(),
    users: await store.listUsers(),
    apps: (await store.listApplications({ limit: 100 })).items,
    tasks: await store.queryTasks({ assignments: [{ role: 'unitReviewer', orgId: 'org-A' }], userId: 'u-2', limit: 100 }),
    routed: (await store.listApplications({ routedThrough: ['150100'] })).total,
    counters: await store.listCounters?.(),
    idem: await store.listIdempotency?.(),
    files,
    audit: await store.listAudit(1, 1000),
    notifications: await store.listNotifications('u-1', { limit: 100 }),
    deliveries: await store.listDeliveries({ limit: 100 }),
    records: await store.listRecords({ kind: 'expert', keys: ['year:2022'], limit: 100 }),
  };
}

function mongoUrlWithDb(base: string, db: string): string {
  const m = /^(mongodb(?:\+srv)?:\/\/[^/?]*)(?:\/[^?]*)?(\?.*)?$/.exec(base);
  if (!m) throw new Error(`cannot read MONGODB_URL ${base}`);
  return `${m[1]}/${db}${m[2] ?? ''}`;
}


describe('moving a store', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  const dir = (prefix: string) => {
    const d = tempDir(prefix);
    cleanups.push(() => d.remove());
    return d.path;
  };

  async function source(): Promise<{ store: Store; dataDir: string }> {
    const dataDir = dir('zc-src-');
    const store = openSqliteStore(dataDir);
    cleanups.push(() => store.close());
    await fill(store);
    return { store, dataDir };
  }

  async function moveInto(target: Store) {
    const { store: src } = await source();
    const out = join(dir('zc-export-'), 'export');
    const manifest = await exportStore(src, out);
    expect(manifest.counts).toEqual({ definitions: 4, orgs: 2, users: 2, applications: 7, counters: 2, idempotency: 1, files: 2, notifications: 2, deliveries: 4, records: 1, audit: 16 });
    const report = await importStore(target, out);
    expect(report.mismatches).toEqual([]);
    expect(report.chain).toEqual({ ok: true, count: 16 });
    expect(report.ok).toBe(true);
    expect(await snapshot(target)).toEqual(await snapshot(src));
    expect(await target.getSession('s1')).toBeNull(); // sessions stay behind
    // the moved store keeps working: the chain goes on from the imported head, timers are claimable
    await target.appendAudit([audit('after.move', 'z')]);
    expect((await target.listAudit(17, 10)).map((r) => r.prevHash)).toEqual([manifest.auditHead!.hash]);
    expect(await target.claimDueTimers('2022-07-01T00:00:00.000Z', 'p', '2022-07-01T00:01:00.000Z', 10)).toHaveLength(3);
    // a second import into the now non-empty store is refused
    await expect(importStore(target, out)).rejects.toThrow(/not empty/);
  }

  it('moves an embedded store into another embedded store with nothing lost', async () => {
    const target = openSqliteStore(dir('zc-dst-'));
    cleanups.push(() => target.close());
    await moveInto(target);
  });

  it('refuses an import whose audit chain was tampered with', async () => {
    const { store: src } = await source();
    const out = join(dir('zc-export-'), 'export');
    await exportStore(src, out);
    const file = join(out, 'audit.ndjson');
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    lines[4] = lines[4]!.replace('application.create', 'application.delete');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const target = openSqliteStore(dir('zc-dst-'));
    cleanups.push(() => target.close());
    const report = await importStore(target, out);
    expect(report.ok).toBe(false);
    expect(report.chain).toMatchObject({ ok: false, brokenSeq: 5 });
  });

  it('runs as npm scripts: store:export from DATA_DIR, store:import into another DATA_DIR', async () => {
    const { store: src, dataDir } = await source();
    await src.close();
    const out = join(dir('zc-export-'), 'export');
    // the operator carries the audit key over; each store keeps its own checkpoint file
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, AUDIT_KEY: Buffer.from(src.auditTrust!.key).toString('utf8'), AUDIT_CHECKPOINT_FILE: join(dir('zc-cp-'), 'src.ndjson') };
    delete env.MONGODB_URL;
    const exp = await run('npx', ['tsx', 'server/cli/store-export.ts', '--out', out], { cwd: ROOT, env });
    expect(exp.stdout).toMatch(/applications\s+7/);
    const dst = dir('zc-dst-');
    const imp = await run('npx', ['tsx', 'server/cli/store-import.ts', '--in', out], { cwd: ROOT, env: { ...env, DATA_DIR: dst, AUDIT_CHECKPOINT_FILE: join(dir('zc-cp-'), 'dst.ndjson') } });
    expect(imp.stdout).toMatch(/audit chain\s+verifies \(16 records\)/);
    expect(imp.stdout).toMatch(/OK: nothing lost/);
    const target = openSqliteStore(dst);
    cleanups.push(() => target.close());
    expect((await countStore(target)).applications).toBe(7);
  }, 60_000);

  if (url) {
    it('moves an embedded store into MongoDB with nothing lost', async () => {
      const dbName = `zc_transfer_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
      const target = await openMongoStore(url, { dbName });
      cleanups.push(() => dropMongoDatabase(url, dbName));
      cleanups.push(() => target.close());
      await moveInto(target);
    });

    it('store:import loads into MONGODB_URL', async () => {
      const { store: src, dataDir } = await source();
      await src.close();
      const out = join(dir('zc-export-'), 'export');
      const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, AUDIT_KEY: Buffer.from(src.auditTrust!.key).toString('utf8'), AUDIT_CHECKPOINT_FILE: join(dir('zc-cp-'), 'src.ndjson') };
      delete env.MONGODB_URL;
      await run('npx', ['tsx', 'server/cli/store-export.ts', '--out', out], { cwd: ROOT, env });
      const dbName = `zc_transfer_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
      cleanups.push(() => dropMongoDatabase(url, dbName));
      const imp = await run('npx', ['tsx', 'server/cli/store-import.ts', '--in', out], { cwd: ROOT, env: { ...env, MONGODB_URL: mongoUrlWithDb(url, dbName), AUDIT_CHECKPOINT_FILE: join(dir('zc-cp-'), 'dst.ndjson') } });
      expect(imp.stdout).toMatch(/sqlite → mongo/);
      expect(imp.stdout).toMatch(/OK: nothing lost/);
      const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
      const target = await openMongoStore(url, { dbName, sweepIntervalMs: 0 });
      cleanups.push(() => target.close());
      expect(await countStore(target)).toEqual(manifest.counts);
    }, 60_000);
  }
});
