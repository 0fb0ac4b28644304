// One application's index rows changed incrementally: read what the table holds for it, delete the rows that are
// gone, (re)write the rows that are new or differ, leave the rest alone. Why: a transition usually changes one or
// two rows, and delete-all + insert-all rewrote every row and its index entries on every transition.
import type Database from 'better-sqlite3';

export interface RowSpec {
  table: string;
  /** the columns besides app_id, in the order of each desired row */
  columns: readonly string[];
  /** the columns that with app_id make the primary key */
  key: readonly string[];
}

type Row = Record<string, unknown>;

/** column values as SQLite gives them back: strings, numbers and null compare by value */
const same = (a: readonly unknown[], b: readonly unknown[]): boolean => a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * Inside the caller's transaction. `rows` are the desired rows (values in `columns` order, null for absent);
 * `fresh`: the application has no rows yet (a new one), so nothing is read or deleted.
 */
export function syncRows(q: (sql: string) => Database.Statement, spec: RowSpec, appId: string, rows: readonly unknown[][], fresh: boolean): void {
  const keyAt = spec.key.map((k) => spec.columns.indexOf(k));
  const keyOf = (values: readonly unknown[]): string => JSON.stringify(keyAt.map((i) => values[i]));
  const want = new Map<string, readonly unknown[]>();
  for (const r of rows) want.set(keyOf(r), r);
  if (!fresh) {
    const stored = q(`SELECT ${spec.columns.join(', ')} FROM ${spec.table} WHERE app_id = ?`).all(appId) as Row[];
    const del = q(`DELETE FROM ${spec.table} WHERE app_id = ? AND ${spec.key.map((k) => `${k} = ?`).join(' AND ')}`);
    for (const row of stored) {
      const values = spec.columns.map((c) => row[c]);
      const key = keyOf(values);
      const w = want.get(key);
      if (!w) del.run(appId, ...keyAt.map((i) => values[i]));
      else if (same(w, values)) want.delete(key);
    }
  }
  if (want.size === 0) return;
  const ins = q(`INSERT OR REPLACE INTO ${spec.table} (app_id, ${spec.columns.join(', ')}) VALUES (?${', ?'.repeat(spec.columns.length)})`);
  for (const r of want.values()) ins.run(appId, ...r);
}
