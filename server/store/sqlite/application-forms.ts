// An application's form kept in its own table, written only when it changed: a review step does not touch the form,
// and SQLite rewrites a whole row (overflow pages included) on any UPDATE, so a form inside `doc` was rewritten on
// every transition. `doc` keeps the key with a placeholder (0) so the document reads back with its keys in order;
// documents written before this file have their form inline and no row here, and read back as they are.
import type Database from 'better-sqlite3';
import { statementCache } from './statement-cache.js';
import type { Application } from '../../domain/schema-types.gen.js';

const SCHEMA = 'CREATE TABLE IF NOT EXISTS application_forms (app_id TEXT PRIMARY KEY, form TEXT NOT NULL)';

/** a select-list item giving the stored form of `applications.id` (or NULL), read with the document */
export const FORM_COLUMN = '(SELECT form FROM application_forms WHERE app_id = applications.id) AS form';

export class SqliteApplicationForms {
  private readonly q: (sql: string) => Database.Statement;
  constructor(db: Database.Database) {
    db.exec(SCHEMA);
    this.q = statementCache(db);
  }

  /**
   * Inside the caller's transaction: writes the form if it differs from `stored` (the form text read with the
   * guard; null for a new application or one written before) and returns the text for `applications.doc`.
   */
  docTx(app: Application, stored: string | null): string {
    if (app.form === undefined) {
      if (stored !== null) this.q('DELETE FROM application_forms WHERE app_id = ?').run(app.id);
      return JSON.stringify(app);
    }
    const form = JSON.stringify(app.form);
    if (form !== stored) this.q('INSERT OR REPLACE INTO application_forms (app_id, form) VALUES (?, ?)').run(app.id, form);
    return JSON.stringify({ ...app, form: 0 });
  }

  /** documents read without FORM_COLUMN (lists): their forms put back, read in one query */
  restoreAll(apps: Application[]): Application[] {
    const ids = apps.filter((a) => (a.form as unknown) === 0).map((a) => a.id);
    if (ids.length === 0) return apps;
    const rows = this.q('SELECT app_id, form FROM application_forms WHERE app_id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as { app_id: string; form: string }[];
    const forms = new Map(rows.map((r) => [r.app_id, r.form]));
    for (const a of apps) {
      const form = forms.get(a.id);
      if (form !== undefined) a.form = JSON.parse(form) as Application['form'];
    }
    return apps;
  }
}

/** the document from a row read with FORM_COLUMN: the form put back in its place */
export function documentOf(doc: unknown, form: unknown): Application {
  const app = JSON.parse(String(doc)) as Application;
  if (form != null) app.form = JSON.parse(String(form)) as Application['form'];
  return app;
}
