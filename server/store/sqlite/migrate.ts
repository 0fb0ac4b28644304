// Brings a store file written by an older version up to the current schema, in one transaction at open:
// the applications table gains its derived columns (filled from each document once), and C1's unique key moves
// from expressions over the JSON document to those columns, so no write parses the document for an index.
import type Database from 'better-sqlite3';
import { summarize } from '../../domain/applications/summary.js';
import type { Application, User } from '../../domain/schema-types.gen.js';

const DERIVED: [name: string, decl: string][] = [
  ['org_id', 'TEXT'],
  ['committee_id', 'TEXT'],
  ['grade', 'TEXT'],
  ['campaign_year', 'INTEGER'],
  ['submitted_at', 'TEXT'],
  ['incidents', 'INTEGER NOT NULL DEFAULT 0'],
  ['summary', 'TEXT'],
  ['certificate_number', 'TEXT'],
];

/** the derived columns of one application, in DERIVED's order (the writer and the backfill share it) */
export function derivedColumns(app: Application): [string | null, string | null, string | null, number | null, string | null, number, string, string | null] {
  const s = summarize(app);
  return [app.orgId ?? null, app.committeeId ?? null, app.grade ?? null, app.campaignYear ?? null, app.submittedAt ?? null, s.incidents.length, JSON.stringify(s), app.certificate?.number ?? null];
}

/** the derived columns' names, in derivedColumns' order, for an INSERT or UPDATE */
export const DERIVED_NAMES = DERIVED.map(([name]) => name);

const INDEXES = [
  // the first indexes of the table, made redundant by the ordered ones below (each index is rewritten by writes)
  'DROP INDEX IF EXISTS applications_by_applicant',
  'DROP INDEX IF EXISTS applications_by_campaign',
  // submit's C1 check lists one person's applications of one campaign: without both keys the planner may walk the
  // whole campaign in list order instead
  'CREATE INDEX IF NOT EXISTS applications_by_applicant_campaign_updated ON applications (applicant_id, campaign_id, updated_at DESC, id)',
  // the public certificate check and revocation find an application by its certificate number
  'CREATE INDEX IF NOT EXISTS applications_by_certificate ON applications (certificate_number) WHERE certificate_number IS NOT NULL',
  // C1: one application per person per year per grade, from submission on unless withdrawn (domain/applications/one-per-year.ts)
  `CREATE UNIQUE INDEX IF NOT EXISTS applications_one_per_year ON applications (applicant_id, campaign_year, grade)
     WHERE status NOT IN ('draft', 'withdrawn') AND grade IS NOT NULL AND campaign_year IS NOT NULL`,
  // the administrator's 流程异常 list, in the lists' order (replaces an ascending one that made the planner scan the table)
  'DROP INDEX IF EXISTS applications_with_incidents',
  'CREATE INDEX IF NOT EXISTS applications_incidents_by_updated ON applications (updated_at DESC, id) WHERE incidents > 0',
  // the lists, newest updated first (application-lists.ts): each common filter reads a page in order from its index
  'CREATE INDEX IF NOT EXISTS applications_by_updated ON applications (updated_at DESC, id)',
  'CREATE INDEX IF NOT EXISTS applications_by_applicant_updated ON applications (applicant_id, updated_at DESC, id)',
  'CREATE INDEX IF NOT EXISTS applications_by_campaign_updated ON applications (campaign_id, updated_at DESC, id)',
  // a level key names its series too, so a list of one level need not name the series to use it
  'DROP INDEX IF EXISTS applications_by_campaign_level_updated',
  'CREATE INDEX IF NOT EXISTS applications_by_campaign_of_level_updated ON applications (campaign_id, level_key, updated_at DESC, id)',
  'CREATE INDEX IF NOT EXISTS applications_by_campaign_status_updated ON applications (campaign_id, status, updated_at DESC, id)',
  // rosters, in the order people applied; the status at the end, so the listed-statuses filter and the count read
  // the index alone
  'DROP INDEX IF EXISTS applications_by_campaign_submitted',
  'DROP INDEX IF EXISTS applications_by_campaign_level_submitted',
  'CREATE INDEX IF NOT EXISTS applications_roster ON applications (campaign_id, submitted_at, id, status)',
  'CREATE INDEX IF NOT EXISTS applications_roster_of_level ON applications (campaign_id, level_key, submitted_at, id, status)',
];

export function migrate(db: Database.Database): void {
  const have = new Set((db.prepare('PRAGMA table_info(applications)').all() as { name: string }[]).map((c) => c.name));
  const missing = DERIVED.filter(([name]) => !have.has(name));
  const oldKey = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'applications_one_per_year'").get() as { sql: string } | undefined;
  db.transaction(() => {
    for (const [name, decl] of missing) db.exec(`ALTER TABLE applications ADD COLUMN ${name} ${decl}`);
    if (missing.length > 0) {
      // every row, once, when a column is new (a store already migrated reads nothing here at open)
      const fill = db.prepare(`UPDATE applications SET ${DERIVED_NAMES.map((n) => `${n} = ?`).join(', ')} WHERE id = ?`);
      // in batches by id: better-sqlite3 cannot write while a read is still iterating
      const batch = db.prepare('SELECT id, doc FROM applications WHERE id > ? ORDER BY id LIMIT 1000');
      for (let rows = batch.all('') as { id: string; doc: string }[]; rows.length > 0; rows = batch.all(rows[rows.length - 1]!.id) as { id: string; doc: string }[]) {
        for (const row of rows) fill.run(...derivedColumns(JSON.parse(row.doc) as Application), row.id);
      }
    }
    if (oldKey?.sql.includes('json_extract')) db.exec('DROP INDEX applications_one_per_year');
    for (const sql of INDEXES) db.exec(sql);
  }).immediate();
  fillUserRoles(db);
}

/** for files written before user_roles existed: filled from every account once, at open */
export function fillUserRoles(db: Database.Database): void {
  const empty = db.prepare('SELECT 1 FROM user_roles LIMIT 1').get() === undefined;
  if (!empty) return;
  const add = db.prepare('INSERT OR IGNORE INTO user_roles (role, org_id, user_id) VALUES (?, ?, ?)');
  // in batches: better-sqlite3 cannot write while a read is still iterating
  const batch = db.prepare('SELECT id, doc FROM users WHERE id > ? ORDER BY id LIMIT 1000');
  db.transaction(() => {
    let last = '';
    for (let rows = batch.all(last) as { id: string; doc: string }[]; rows.length > 0; rows = batch.all(last) as { id: string; doc: string }[]) {
      for (const row of rows) for (const r of (JSON.parse(row.doc) as User).roles ?? []) add.run(r.role, r.orgId, row.id);
      last = rows.at(-1)?.id ?? last;
    }
  }).immediate();
}
