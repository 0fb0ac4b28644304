// Issue 10 item 7: someone who can write the database (but holds neither the audit key nor the checkpoint file)
// rewrites a row, re-seals the chain without the key or with a wrong one, deletes the newest rows, or forges the
// stored hash; audit:verify catches each and names the first bad record. Runs on SQLite, and on the
// MongoDB-protocol server when MONGODB_URL is set.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditVerifyReport } from '../../server/cli/audit-verify.js';
import { REPO_ROOT } from '../../server/config.js';
import { auditHash, GENESIS_HASH, sealAudit, type AuditKey } from '../../server/domain/audit/chain.js';
import type { AuditEntry } from '../../server/domain/schema-types.gen.js';
import { adoptAuditChain } from '../../server/store/audit-adopt.js';
import { openAuditTrust, type AuditTrust } from '../../server/store/audit-trust.js';
import { openMongoStore, type MongoStore } from '../../server/store/mongo/mongo-store.js';
import type { AuditInput, Store } from '../../server/store/port.js';
import { openSqliteStore, type SqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import { makeApplication } from '../support/factories.js';
import { dropMongoDatabase } from '../support/mongo-db.js';
import { tempDir } from '../support/temp-dir.js';

const url = process.env.MONGODB_URL;
const kind = url ? 'mongo' : 'sqlite';

const input = (action: string, id: string): AuditInput => ({ at: '2022-06-01T00:00:00.000Z', actor: 'u-admin', action, target: { type: 'test', id } });

/** what an attacker with write access to the database can do, per adapter */
interface Raw {
  get(seq: number): Promise<AuditEntry>;
  /** writes the record and, on SQLite, its hash column too */
  put(entry: AuditEntry): Promise<void>;
  setHashColumn(seq: number, hash: string): Promise<void>;
  deleteFrom(seq: number): Promise<void>;
}

function rawOf(store: Store): Raw {
  if (store.kind === 'sqlite') {
    const db = (store as SqliteStore).raw;
    return {
      get: async (seq) => JSON.parse((db.prepare('SELECT doc FROM audit WHERE seq = ?').get(seq) as { doc: string }).doc) as AuditEntry,
      put: async (e) => void db.prepare('UPDATE audit SET doc = ?, hash = ? WHERE seq = ?').run(JSON.stringify(e), e.hash, e.seq),
      setHashColumn: async (seq, hash) => void db.prepare('UPDATE audit SET hash = ? WHERE seq = ?').run(hash, seq),
      deleteFrom: async (seq) => void db.prepare('DELETE FROM audit WHERE seq >= ?').run(seq),
    };
  }
  const audit = (store as MongoStore).db.collection<{ _id: number } & Record<string, unknown>>('audit');
  return {
    get: async (seq) => {
      const { _id: _i, outboxId: _o, ...entry } = (await audit.findOne({ _id: seq }))!;
      return entry as unknown as AuditEntry;
    },
    put: async (e) => void (await audit.updateOne({ _id: e.seq }, { $set: { ...e } })),
    setHashColumn: async (seq, hash) => void (await audit.updateOne({ _id: seq }, { $set: { hash } })),
    deleteFrom: async (seq) => void (await audit.deleteMany({ _id: { $gte: seq } })),
  };
}

/** rewrites record `from` with `change` and recomputes every later hash with `key` (null: plain SHA-256) */
async function reseal(raw: Raw, from: number, last: number, key: AuditKey | null, change: (e: AuditEntry) => AuditEntry): Promise<void> {
  let prev = from === 1 ? GENESIS_HASH : (await raw.get(from - 1)).hash;
  for (let seq = from; seq <= last; seq++) {
    const cur = await raw.get(seq);
    const { hash: _h, prevHash: _p, ...body } = seq === from ? change(cur) : cur;
    const hash = auditHash(prev, body, key);
    await raw.put({ ...body, prevHash: prev, hash });
    prev = hash;
  }
}

describe(`audit trail tamper evidence (${kind})`, () => {
  let dir: ReturnType<typeof tempDir>;
  let trust: AuditTrust;
  let store: Store;
  let raw: Raw;
  let dbName = '';
  const checkpointFile = () => join(dir.path, 'audit', 'checkpoints.ndjson');

  async function open(t: AuditTrust): Promise<Store> {
    if (url) return openMongoStore(url, { dbName, sweepIntervalMs: 0, auditTrust: t });
    return openSqliteStore(join(dir.path, 'data'), { auditTrust: t });
  }

  beforeEach(async () => {
    dir = tempDir('zc-audit-');
    dbName = `zc_audit_${randomBytes(6).toString('hex')}`;
    trust = openAuditTrust(
      { key: randomBytes(32).toString('hex'), keyFile: join(dir.path, 'audit', 'unused'), keyFileIsDefault: false, checkpointFile: checkpointFile() },
      kind,
      join(dir.path, 'data'),
    );
    store = await open(trust);
    raw = rawOf(store);
    // six records in four audited writes, both through appendAudit and through a document write
    await store.appendAudit([input('a', '1'), input('b', '2')]);
    await store.insertApplication(makeApplication(), [input('application.create', 'app-1')]);
    await store.appendAudit([input('c', '3')]);
    await store.updateApplication(makeApplication({ version: 2, status: 'submitted' }), 1, [input('application.submit', 'app-1'), input('d', '4')]);
  });

  afterEach(async () => {
    await store.close();
    trust.checkpoints?.close();
    if (url) await dropMongoDatabase(url, dbName);
    dir.remove();
  });

  it('verifies the untouched chain and its checkpoints (one per audited write)', async () => {
    expect(await auditVerifyReport(store)).toEqual({ exitCode: 0, line: '审计链完整：6 条记录' });
    const lines = readFileSync(checkpointFile(), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { kind: string; count: number; mac: string });
    expect(lines.map((l) => [l.kind, l.count])).toEqual([['head', 2], ['head', 3], ['head', 4], ['head', 6]]);
    expect(lines.every((l) => /^[0-9a-f]{64}$/.test(l.mac))).toBe(true);
  });

  it('names a rewritten row', async () => {
    await raw.put({ ...(await raw.get(3)), actor: 'mallory' });
    const r = await auditVerifyReport(store);
    expect(r.exitCode).toBe(1);
    expect(r.line).toContain('第 3 条记录有误');
    expect(r.line).toContain('此前 2 条完好');
  });

  it('names the first re-sealed row when the chain is recomputed without the key', async () => {
    await reseal(raw, 3, 6, null, (e) => ({ ...e, actor: 'mallory' }));
    const r = await auditVerifyReport(store);
    expect(r).toEqual({ exitCode: 1, line: expect.stringContaining('第 3 条记录有误（第 3 条记录的内容已被改动或链被重新计算') });
  });

  it('names the first re-sealed row when the chain is recomputed with a wrong key', async () => {
    await reseal(raw, 4, 6, randomBytes(32), (e) => ({ ...e, action: 'application.withdraw' }));
    const r = await auditVerifyReport(store);
    expect(r.exitCode).toBe(1);
    expect(r.line).toContain('第 4 条记录有误');
  });

  it('catches a deleted tail by the signed checkpoint', async () => {
    await raw.deleteFrom(5);
    expect(await store.auditCount()).toBe(4);
    const r = await auditVerifyReport(store);
    expect(r).toEqual({ exitCode: 1, line: expect.stringContaining('记载 6 条记录，存储中只有 4 条') });
    expect(r.line).toContain('第 5 条记录有误');
  });

  it('catches a deleted tail even after new records were written on top of it', async () => {
    await raw.deleteFrom(5);
    await store.appendAudit([input('e', '5'), input('f', '6'), input('g', '7')]);
    const r = await auditVerifyReport(store);
    expect(r.exitCode).toBe(1);
    expect(r.line).toContain('第 6 条记录有误'); // the first count whose signed head the new chain does not have
    expect(r.line).toContain('检查点不符');
  });

  it('names a forged hash column, also after the store chained a new record onto it', async () => {
    await raw.setHashColumn(6, 'f'.repeat(64));
    await store.appendAudit([input('e', '5')]);
    const r = await auditVerifyReport(store);
    expect(r.exitCode).toBe(1);
    expect(r.line).toContain('第 6 条记录有误');
  });

  it('refuses a checkpoint line that is not signed with the key', async () => {
    appendFileSync(checkpointFile(), `${JSON.stringify({ v: 1, store: kind, kind: 'head', count: 2, head: 'x', at: 'now', mac: '00' })}\n`);
    const r = await auditVerifyReport(store);
    expect(r.exitCode).toBe(1);
    expect(r.line).toContain('不是有效的签名检查点');
  });

  it('verifies nothing with the wrong key', async () => {
    const other = await open({ key: randomBytes(32), checkpoints: null });
    try {
      expect((await auditVerifyReport(other)).line).toContain('第 1 条记录有误');
    } finally {
      await other.close();
    }
  });
});

describe(`an unkeyed chain from before the key (${kind})`, () => {
  it('is sealed by a signed legacy checkpoint on the first keyed start, continues keyed, and stays fixed', async () => {
    const dir = tempDir('zc-audit-legacy-');
    const dbName = `zc_audit_${randomBytes(6).toString('hex')}`;
    const trust = openAuditTrust(
      { key: randomBytes(32).toString('hex'), keyFile: join(dir.path, 'unused'), keyFileIsDefault: false, checkpointFile: join(dir.path, 'cp.ndjson') },
      kind,
      join(dir.path, 'data'),
    );
    const store: Store = url ? await openMongoStore(url, { dbName, sweepIntervalMs: 0, auditTrust: trust }) : openSqliteStore(join(dir.path, 'data'), { auditTrust: trust });
    try {
      // the old code sealed with plain SHA-256: lay such a chain down verbatim
      const legacy = [input('old.a', '1'), input('old.b', '2'), input('old.c', '3')].reduce<AuditEntry[]>((acc, inp) => {
        const prev = acc[acc.length - 1];
        const body = { ...inp, seq: acc.length + 1 };
        const prevHash = prev?.hash ?? GENESIS_HASH;
        return [...acc, { ...body, prevHash, hash: auditHash(prevHash, body, null) }];
      }, []);
      await store.importAudit!(legacy);
      expect(await adoptAuditChain(store)).toEqual({ sealed: true, legacy: 3, count: 3 });
      await store.appendAudit([input('new.a', '4')]);
      const after = await store.listAudit(4, 1);
      expect(after[0]!.hash).toBe(sealAudit([input('new.a', '4')], 3, legacy[2]!.hash, trust.key)[0]!.hash);
      expect(await auditVerifyReport(store)).toEqual({ exitCode: 0, line: '审计链完整：4 条记录' });
      // a second start finds its checkpoints and seals nothing again
      expect((await adoptAuditChain(store)).sealed).toBe(false);
      // rewriting the unkeyed part and recomputing it no longer goes unseen
      await reseal(rawOf(store), 2, 3, null, (e) => ({ ...e, actor: 'mallory' }));
      const r = await auditVerifyReport(store);
      expect(r.exitCode).toBe(1);
      expect(r.line).toMatch(/第 (3|4) 条记录有误/);
    } finally {
      await store.close();
      trust.checkpoints?.close();
      if (url) await dropMongoDatabase(url, dbName);
      dir.remove();
    }
  });
});

describe.skipIf(Boolean(url))('npm run audit:verify', () => {
  it('exits 1 and names the first missing record of a deleted tail, using AUDIT_KEY and AUDIT_CHECKPOINT_FILE', async () => {
    const dir = tempDir('zc-audit-cli-');
    try {
      const key = randomBytes(32).toString('hex');
      const dataDir = join(dir.path, 'data');
      const checkpointFile = join(dir.path, 'cp', 'cp.ndjson');
      const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, AUDIT_KEY: key, AUDIT_CHECKPOINT_FILE: checkpointFile };
      delete env.MONGODB_URL;
      const trust = openAuditTrust({ key, keyFile: '', keyFileIsDefault: false, checkpointFile }, 'sqlite', dataDir);
      const store = openSqliteStore(dataDir, { auditTrust: trust });
      await store.appendAudit([input('a', '1')]);
      await store.appendAudit([input('b', '2')]);
      store.raw.prepare('DELETE FROM audit WHERE seq = 2').run();
      await store.close();
      trust.checkpoints?.close();
      const run = spawnSync('npx', ['tsx', 'server/cli/audit-verify.ts'], { cwd: REPO_ROOT, env, encoding: 'utf8' });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('审计链已损坏：第 2 条记录有误（检查点');
      expect(run.stderr).toContain('记载 2 条记录，存储中只有 1 条');
    } finally {
      dir.remove();
    }
  }, 60_000);
});
