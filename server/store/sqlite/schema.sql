-- Embedded store. Documents are JSON in `doc`; the other columns are indexes derived from them.
CREATE TABLE IF NOT EXISTS definitions (
  kind TEXT NOT NULL, key TEXT NOT NULL, version INTEGER NOT NULL, status TEXT NOT NULL,
  body TEXT NOT NULL, hash TEXT NOT NULL, created_at TEXT NOT NULL, created_by TEXT NOT NULL,
  PRIMARY KEY (kind, key, version)
);
CREATE TABLE IF NOT EXISTS orgs (id TEXT PRIMARY KEY, doc TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS users (id TEXT PRIMARY KEY, login TEXT NOT NULL UNIQUE, version INTEGER NOT NULL, doc TEXT NOT NULL);
-- who holds which role (user-roles.ts): rewritten with the account row; filled for older files by migrate.ts
CREATE TABLE IF NOT EXISTS user_roles (role TEXT NOT NULL, org_id TEXT NOT NULL, user_id TEXT NOT NULL, PRIMARY KEY (role, org_id, user_id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS user_roles_by_user ON user_roles (user_id);
-- the staff pages list staff accounts only, not the applicants
CREATE INDEX IF NOT EXISTS users_staff ON users (id) WHERE json_extract(doc, '$.kind') = 'staff';
CREATE TABLE IF NOT EXISTS sessions (id TEXT PRIMARY KEY, doc TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS sessions_by_user ON sessions (json_extract(doc, '$.userId'));
-- The document comes last: a column after a 5-12 KB document is reached through its overflow pages, so the summary
-- a list reads sits before it (files created before summaries have it after, and read it a little slower).
CREATE TABLE IF NOT EXISTS applications (
  id TEXT PRIMARY KEY, version INTEGER NOT NULL, applicant_id TEXT NOT NULL, campaign_id TEXT NOT NULL,
  series_key TEXT NOT NULL, level_key TEXT NOT NULL, status TEXT NOT NULL, updated_at TEXT NOT NULL,
  -- the routing the application_orgs rows were built from: rebuilt only when it changes
  routing TEXT NOT NULL DEFAULT '{}',
  -- derived from doc on every write (columns added to older files by migrate.ts): lists and checks read these
  org_id TEXT, committee_id TEXT, grade TEXT, campaign_year INTEGER, submitted_at TEXT,
  incidents INTEGER NOT NULL DEFAULT 0, certificate_number TEXT,
  -- domain/applications/summary.ts as JSON: what a list shows, read instead of doc
  summary TEXT,
  doc TEXT NOT NULL
);
-- indexes on the derived columns (C1's unique key among them) are made by migrate.ts, after older files gain the columns
CREATE TABLE IF NOT EXISTS application_orgs (app_id TEXT NOT NULL, org_id TEXT NOT NULL, PRIMARY KEY (org_id, app_id));
-- rebuilding one application's rows deletes by app_id
CREATE INDEX IF NOT EXISTS application_orgs_by_app ON application_orgs (app_id);
-- the task addresses an application's flow has reached (domain/workflow/reach.ts): who may see it
CREATE TABLE IF NOT EXISTS application_reach (app_id TEXT NOT NULL, reach TEXT NOT NULL, PRIMARY KEY (reach, app_id));
CREATE TABLE IF NOT EXISTS open_tasks (
  app_id TEXT NOT NULL, task_id TEXT NOT NULL, element_id TEXT NOT NULL, name TEXT NOT NULL,
  role TEXT NOT NULL, org_id TEXT NOT NULL, assignee TEXT, created_at TEXT NOT NULL, due_at TEXT,
  campaign_id TEXT NOT NULL, series_key TEXT NOT NULL, level_key TEXT NOT NULL, applicant_name TEXT NOT NULL,
  PRIMARY KEY (app_id, task_id)
);
-- 待办 (sqlite/inbox.ts): one arm per (role, org) walks these in the list's order, ties included, so a page needs no
-- sort; assignee rides along so the count reads the index alone. They replace open_tasks_by_role_org (created_at only).
DROP INDEX IF EXISTS open_tasks_by_role_org;
CREATE INDEX IF NOT EXISTS open_tasks_inbox ON open_tasks (role, org_id, created_at, app_id, task_id, assignee);
CREATE INDEX IF NOT EXISTS open_tasks_inbox_due ON open_tasks (role, org_id, due_at IS NULL, due_at, created_at, app_id, task_id);
CREATE TABLE IF NOT EXISTS due_timers (
  app_id TEXT NOT NULL, timer_id TEXT NOT NULL, due_at TEXT NOT NULL, lease_owner TEXT, lease_until TEXT,
  PRIMARY KEY (app_id, timer_id)
);
CREATE INDEX IF NOT EXISTS due_timers_by_due ON due_timers (due_at);
CREATE TABLE IF NOT EXISTS counters (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS idempotency (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS audit (seq INTEGER PRIMARY KEY, doc TEXT NOT NULL, hash TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
  hash TEXT PRIMARY KEY, size INTEGER NOT NULL, mime TEXT NOT NULL, name TEXT NOT NULL,
  created_at TEXT NOT NULL, created_by TEXT NOT NULL
);
