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

interface Statements {
  select: Database.Statement;
  del: Database.Statement;
  ins: Database.Statement;
  keyAt: number[];
}

/** column values as SQLite gives them back: strings, numbers and null compare by value */
const same = (a: readonly unknown[], b: readonly unknown[]): boolean => a.length === b.length && a.every((v, i) => v === b[i]);

const prepared = new WeakMap<Database.Database, Map<RowSpec, Statements>>();

function statementsFor(db: Database.Database, spec: RowSpec): Statements {
  let byDb = prepared.get(db);
  if (!byDb) prepared.set(db, (byDb = new Map()));
  let st = byDb.get(spec);
  if (!st) {
    st = {
      // rows as arrays in `columns` order, compared as they are
      select: db.prepare(`SELECT ${spec.columns.join(', ')} FROM ${spec.table} WHERE app_id = ?`).raw(true),
      del: db.prepare(`DELETE FROM ${spec.table} WHERE app_id = ? AND ${spec.key.map((k) => `${k} = ?`).join(' AND ')}`),
      ins: db.prepare(`INSERT OR REPLACE INTO ${spec.table} (app_id, ${spec.columns.join(', ')}) VALUES (?${', ?'.repeat(spec.columns.length)})`),
      keyAt: spec.key.map((k) => spec.columns.indexOf(k)),
    };
    byDb.set(spec, st);
  }
  return st;
}

/**
 * Inside the caller's transaction. `rows` are the desired rows (values in `columns` order, null for absent);
 * `fresh`: the application has no rows yet (a new one), so nothing is read or deleted.
 */
export function syncRows(db: Database.Database, spec: RowSpec, appId: string, rows: readonly unknown[][], fresh: boolean): void {
  const st = statementsFor(db, spec);
  const keyOf = (values: readonly unknown[]): string => (st.keyAt.length === 1 ? String(values[st.keyAt[0]!]) : st.keyAt.map((i) => String(values[i])).join('\u0000'));
  const want = new Map<string, readonly unknown[]>();
  for (const r of rows) want.set(keyOf(r), r);
  if (!fresh) {
    for (const values of st.select.all(appId) as unknown[][]) {
      const key = keyOf(values);
      const w = want.get(key);
      if (!w) st.del.run(appId, ...st.keyAt.map((i) => values[i]));
      else if (same(w, values)) want.delete(key);
    }
  }
  for (const r of want.values()) st.ins.run(appId, ...r);
}
