// Operational records on SQLite (experts, sessions, draws, the data-exchange outbox …): one row per (kind, id) and
// one row per index term, written inside the caller's transaction together with the audit records.
import type Database from 'better-sqlite3';
import { statementCache } from './statement-cache.js';
import type { RecordKind, RecordQuery, StoredRecord, WriteResult } from '../port.js';

type Row = Record<string, unknown>;

const DDL = `
CREATE TABLE IF NOT EXISTS records (
  kind TEXT NOT NULL,
  id TEXT NOT NULL,
  version INTEGER NOT NULL,
  updated_at TEXT NOT NULL,
  doc TEXT NOT NULL,
  PRIMARY KEY (kind, id)
);
CREATE TABLE IF NOT EXISTS record_keys (
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  id TEXT NOT NULL,
  PRIMARY KEY (kind, key, id)
);
CREATE INDEX IF NOT EXISTS record_keys_by_id ON record_keys (kind, id);
`;

export class SqliteRecords {
  private readonly q: (sql: string) => Database.Statement;

  constructor(db: Database.Database) {
    db.exec(DDL);
    this.q = statementCache(db);
  }

  /** inside the caller's transaction */
  putTx(rec: StoredRecord, expectedVersion: number | null): WriteResult {
    const doc = JSON.stringify(rec);
    if (expectedVersion === null) {
      if (rec.version !== 1) return { ok: false, code: 'conflict', message: '新记录的版本号必须为 1' };
      const res = this.q('INSERT OR IGNORE INTO records (kind, id, version, updated_at, doc) VALUES (?, ?, ?, ?, ?)').run(rec.kind, rec.id, 1, rec.updatedAt, doc);
      if (res.changes === 0) return { ok: false, code: 'duplicate', message: '该记录已存在' };
    } else {
      if (rec.version !== expectedVersion + 1) return { ok: false, code: 'conflict', message: '版本号必须递增 1' };
      const res = this.q('UPDATE records SET version = ?, updated_at = ?, doc = ? WHERE kind = ? AND id = ? AND version = ?').run(rec.version, rec.updatedAt, doc, rec.kind, rec.id, expectedVersion);
      if (res.changes === 0) return { ok: false, code: 'conflict', message: '该记录已被他人修改，请刷新后重试' };
      this.q('DELETE FROM record_keys WHERE kind = ? AND id = ?').run(rec.kind, rec.id);
    }
    const ins = this.q('INSERT OR IGNORE INTO record_keys (kind, key, id) VALUES (?, ?, ?)');
    for (const k of new Set(rec.keys)) ins.run(rec.kind, k, rec.id);
    return { ok: true };
  }

  get<B>(kind: RecordKind, id: string): StoredRecord<B> | null {
    const r = this.q('SELECT doc FROM records WHERE kind = ? AND id = ?').get(kind, id) as Row | undefined;
    return r ? (JSON.parse(String(r.doc)) as StoredRecord<B>) : null;
  }

  list<B>(q: RecordQuery): { total: number; items: StoredRecord<B>[] } {
    const keys = [...new Set(q.keys ?? [])];
    // one EXISTS per term over the (kind, key, id) primary key
    const where = ['r.kind = ?', ...keys.map(() => 'EXISTS (SELECT 1 FROM record_keys k WHERE k.kind = r.kind AND k.key = ? AND k.id = r.id)')].join(' AND ');
    const args = [q.kind, ...keys];
    const total = Number((this.q(`SELECT COUNT(*) AS n FROM records r WHERE ${where}`).get(...args) as Row).n);
    const rows = this.q(`SELECT r.doc FROM records r WHERE ${where} ORDER BY r.id LIMIT ? OFFSET ?`).all(...args, q.limit, q.offset ?? 0) as Row[];
    return { total, items: rows.map((r) => JSON.parse(String(r.doc)) as StoredRecord<B>) };
  }

  listAll(): StoredRecord[] {
    return (this.q('SELECT doc FROM records ORDER BY kind, id').all() as Row[]).map((r) => JSON.parse(String(r.doc)) as StoredRecord);
  }

  /** inside the caller's transaction: verbatim, ids present kept */
  importTx(recs: StoredRecord[]): void {
    const ins = this.q('INSERT OR IGNORE INTO records (kind, id, version, updated_at, doc) VALUES (?, ?, ?, ?, ?)');
    const key = this.q('INSERT OR IGNORE INTO record_keys (kind, key, id) VALUES (?, ?, ?)');
    for (const r of recs) {
      if (ins.run(r.kind, r.id, r.version, r.updatedAt, JSON.stringify(r)).changes === 0) continue;
      for (const k of new Set(r.keys)) key.run(r.kind, k, r.id);
    }
  }
}
