// The embedded adapter: one SQLite file (WAL) through better-sqlite3, uploads in a folder beside it.
// Every guarded write runs in one IMMEDIATE transaction, so a second process sees all of it or none.
import Database from 'better-sqlite3';
import { statementCache } from './statement-cache.js';
import { GroupCommit } from './group-commit.js';
import { documentOf, FORM_COLUMN, SqliteApplicationForms } from './application-forms.js';
import { syncRows, type RowSpec } from './sync-rows.js';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GENESIS_HASH, sealAudit, type ChainPosition, type StoredAuditRecord } from '../../domain/audit/chain.js';
import { defaultAuditTrust, type AuditTrust } from '../audit-trust.js';
import { reachOf } from '../../domain/workflow/reach.js';
import type { Application, AuditEntry, Org, User } from '../../domain/schema-types.gen.js';
import type {
  ApplicationQuery,
  AuditInput,
  DefinitionKind,
  DefinitionRecord,
  DefinitionSummary,
  DueTimerRow,
  FileMeta,
  OpenTaskRow,
  SessionRecord,
  Store,
  TaskQuery,
  WriteResult,
} from '../port.js';
import { BlobDir } from './blob-dir.js';
import { SqliteTaskHistory } from './task-history.js';
import type { CopyRow, DoneTaskRow, Page, TaskHistoryQuery } from '../task-history.js';
import { SqliteNotifications } from './notifications.js';
import { SqliteRecords } from './records.js';
import { SqliteUserRoles } from './user-roles.js';
import type { RoleAddress } from '../port.js';
import { derivedColumns, migrate } from './migrate.js';
import { SqliteInbox } from './inbox.js';
import { SqliteApplicationLists } from './application-lists.js';
import type { DeliveryOutcome, DeliveryRow, NotificationInput, NotificationRecord } from '../../domain/notifications/types.js';
import type { ClaimedDelivery, DeliveryQuery, NotificationQuery, RecordKind, RecordQuery, StoredRecord, SummaryPage, UnitCommitteeQuery } from '../port.js';

type Row = Record<string, unknown>;
const str = (v: unknown): string => String(v);
const parse = <T>(v: unknown): T => JSON.parse(String(v)) as T;
const OK: WriteResult = { ok: true };
const OPEN_TASK_ROWS: RowSpec = {
  table: 'open_tasks',
  columns: ['task_id', 'element_id', 'name', 'role', 'org_id', 'assignee', 'created_at', 'due_at', 'campaign_id', 'series_key', 'level_key', 'applicant_name'],
  key: ['task_id'],
};
const conflict = (message: string): WriteResult => ({ ok: false, code: 'conflict', message });
const duplicate = (message: string): WriteResult => ({ ok: false, code: 'duplicate', message });

export function openSqliteStore(dataDir: string, opts: { auditTrust?: AuditTrust } = {}): SqliteStore {
  mkdirSync(dataDir, { recursive: true });
  return new SqliteStore(join(dataDir, 'zhicheng.sqlite'), join(dataDir, 'files'), opts.auditTrust);
}

export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly blobs: BlobDir;
  readonly auditTrust: AuditTrust;
  /** the head sealed by the transaction in progress: checkpointed once it commits */
  private sealedHead: ChainPosition | null = null;

  constructor(file: string, filesDir: string, auditTrust: AuditTrust = defaultAuditTrust()) {
    this.auditTrust = auditTrust;
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    // a second server process on the same file waits for the writer instead of failing at once
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(readFileSync(join(import.meta.dirname, 'schema.sql'), 'utf8'));
    migrate(this.db);
    this.blobs = new BlobDir(filesDir);
    this.history = new SqliteTaskHistory(this.db);
    this.notes = new SqliteNotifications(this.db);
    this.records = new SqliteRecords(this.db);
    this.userRoles = new SqliteUserRoles(this.db);
    this.lists = new SqliteApplicationLists(this.db);
    this.forms = new SqliteApplicationForms(this.db);
    this.inbox = new SqliteInbox(this.db);
  }

  /** 待办 from the open-task indexes (sqlite/inbox.ts) */
  private readonly inbox: SqliteInbox;

  /** forms apart from the document, written when changed (sqlite/application-forms.ts) */
  private readonly forms: SqliteApplicationForms;

  /** application lists from summaries and indexes (sqlite/application-lists.ts) */
  private readonly lists: SqliteApplicationLists;

  /** experts, sessions, draws, the exchange outbox … (sqlite/records.ts) */
  private readonly records: SqliteRecords;
  /** who holds which role (sqlite/user-roles.ts) */
  private readonly userRoles: SqliteUserRoles;

  private readonly notes: SqliteNotifications;

  /** 已办 and 抄送 index rows (sqlite/task-history.ts) */
  private readonly history: SqliteTaskHistory;

  private cache?: (sql: string) => Database.Statement;

  /** prepared once per SQL text (statement-cache.ts) */
  private q(sql: string): Database.Statement {
    this.cache ??= statementCache(this.db);
    return this.cache(sql);
  }

  /** every write: one SAVEPOINT in the next group commit (group-commit.ts); settles once committed */
  private tx<T>(fn: () => T): Promise<T> {
    this.writes ??= new GroupCommit<ChainPosition | null>(this.db, {
      mark: () => this.sealedHead,
      // a rolled-back write's audit records are gone: the head goes back to the last write that stays
      restore: (head) => (this.sealedHead = head),
      // a checkpoint only for what is committed: a rolled-back head would read as a deleted tail
      committed: () => {
        const head = this.sealedHead;
        this.sealedHead = null;
        if (head) this.auditTrust.checkpoints?.appendAfterWrite(head.seq, head.hash);
      },
      aborted: () => (this.sealedHead = null),
    });
    return this.writes.run(fn);
  }

  private writes?: GroupCommit<ChainPosition | null>;

  /** group commits so far: commits, the writes in them, the largest batch (benchmarks) */
  get groupCommitStats(): { commits: number; writes: number; maxBatch: number } {
    return { ...(this.writes?.stats ?? { commits: 0, writes: 0, maxBatch: 0 }) };
  }

  // ---- audit, always inside the caller's transaction ----
  private appendAuditTx(entries: AuditInput[]): void {
    if (entries.length === 0) return;
    // an earlier write of the same group commit sealed the head already: no need to read it back
    const stored = this.sealedHead ?? (this.q('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1').get() as Row | undefined);
    const last = stored ? { seq: Number(stored.seq), hash: str(stored.hash) } : { seq: 0, hash: GENESIS_HASH };
    const sealed = sealAudit(entries, last.seq, last.hash, this.auditTrust.key);
    const ins = this.q('INSERT INTO audit (seq, doc, hash) VALUES (?, ?, ?)');
    for (const e of sealed) ins.run(e.seq, JSON.stringify(e), e.hash);
    const head = sealed[sealed.length - 1]!;
    this.sealedHead = { seq: head.seq, hash: head.hash };
  }

  async appendAudit(entries: AuditInput[]): Promise<void> {
    await this.tx(() => this.appendAuditTx(entries));
  }

  async listAudit(fromSeq: number, limit: number): Promise<AuditEntry[]> {
    const rows = this.q('SELECT doc FROM audit WHERE seq >= ? ORDER BY seq LIMIT ?').all(fromSeq, limit) as Row[];
    return rows.map((r) => parse<AuditEntry>(r.doc));
  }

  async auditCount(): Promise<number> {
    return Number((this.q('SELECT COUNT(*) n FROM audit').get() as Row).n);
  }

  async listAuditStored(fromSeq: number, limit: number): Promise<StoredAuditRecord[]> {
    const rows = this.q('SELECT seq, hash, doc FROM audit WHERE seq >= ? ORDER BY seq LIMIT ?').all(fromSeq, limit) as Row[];
    return rows.map((r) => ({ seq: Number(r.seq), hash: str(r.hash), entry: parse<AuditEntry>(r.doc) }));
  }

  // ---- definitions ----
  private toDefinition<B>(r: Row): DefinitionRecord<B> {
    return {
      kind: str(r.kind) as DefinitionKind,
      key: str(r.key),
      version: Number(r.version),
      status: str(r.status) as 'draft' | 'published',
      body: parse<B>(r.body),
      hash: str(r.hash),
      createdAt: str(r.created_at),
      createdBy: str(r.created_by),
    };
  }

  async getDefinition<B = unknown>(kind: DefinitionKind, key: string, version: number | 'latest' | 'draft'): Promise<DefinitionRecord<B> | null> {
    let r: Row | undefined;
    if (version === 'latest') {
      r = this.q("SELECT * FROM definitions WHERE kind = ? AND key = ? AND status = 'published' ORDER BY version DESC LIMIT 1")
        .get(kind, key) as Row | undefined;
    } else {
      r = this.q('SELECT * FROM definitions WHERE kind = ? AND key = ? AND version = ?')
        .get(kind, key, version === 'draft' ? 0 : version) as Row | undefined;
    }
    return r ? this.toDefinition<B>(r) : null;
  }

  async listDefinitions(kind?: DefinitionKind): Promise<DefinitionSummary[]> {
    const rows = this.q(
        `SELECT kind, key, MAX(version) AS latest, MAX(CASE WHEN version = 0 THEN 1 ELSE 0 END) AS has_draft, MAX(created_at) AS updated
         FROM definitions ${kind ? 'WHERE kind = ?' : ''} GROUP BY kind, key ORDER BY kind, key`,
      )
      .all(...(kind ? [kind] : [])) as Row[];
    return rows.map((r) => ({
      kind: str(r.kind) as DefinitionKind,
      key: str(r.key),
      latestVersion: Number(r.latest),
      hasDraft: Number(r.has_draft) === 1,
      updatedAt: str(r.updated),
    }));
  }

  async listVersions(kind: DefinitionKind, key: string): Promise<DefinitionRecord[]> {
    const rows = this.q("SELECT * FROM definitions WHERE kind = ? AND key = ? AND status = 'published' ORDER BY version DESC")
      .all(kind, key) as Row[];
    return rows.map((r) => this.toDefinition(r));
  }

  async saveDraft(rec: DefinitionRecord, audit: AuditInput[]): Promise<WriteResult> {
    await this.tx(() => {
      this.q(
          `INSERT INTO definitions (kind, key, version, status, body, hash, created_at, created_by) VALUES (?, ?, 0, 'draft', ?, ?, ?, ?)
           ON CONFLICT (kind, key, version) DO UPDATE SET body = excluded.body, hash = excluded.hash, created_at = excluded.created_at, created_by = excluded.created_by`,
        )
        .run(rec.kind, rec.key, JSON.stringify(rec.body), rec.hash, rec.createdAt, rec.createdBy);
      this.appendAuditTx(audit);
    });
    return OK;
  }

  async deleteDraft(kind: DefinitionKind, key: string): Promise<void> {
    this.q('DELETE FROM definitions WHERE kind = ? AND key = ? AND version = 0').run(kind, key);
  }

  async insertPublished(rec: DefinitionRecord, audit: AuditInput[]): Promise<WriteResult> {
    if (rec.version < 1) return conflict('发布版本号必须从 1 开始');
    try {
      await this.tx(() => {
        this.q(`INSERT INTO definitions (kind, key, version, status, body, hash, created_at, created_by) VALUES (?, ?, ?, 'published', ?, ?, ?, ?)`)
          .run(rec.kind, rec.key, rec.version, JSON.stringify(rec.body), rec.hash, rec.createdAt, rec.createdBy);
        this.appendAuditTx(audit);
      });
      return OK;
    } catch (e) {
      if (isUniqueViolation(e)) return duplicate(`${rec.kind}/${rec.key} 第 ${rec.version} 版已存在`);
      throw e;
    }
  }

  // ---- orgs ----
  async upsertOrg(org: Org): Promise<void> {
    this.q('INSERT INTO orgs (id, doc) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc').run(org.id, JSON.stringify(org));
  }
  async getOrg(id: string): Promise<Org | null> {
    const r = this.q('SELECT doc FROM orgs WHERE id = ?').get(id) as Row | undefined;
    return r ? parse<Org>(r.doc) : null;
  }
  async listOrgs(): Promise<Org[]> {
    return (this.q('SELECT doc FROM orgs ORDER BY id').all() as Row[]).map((r) => parse<Org>(r.doc));
  }

  // ---- users ----
  async insertUser(user: User, audit: AuditInput[]): Promise<WriteResult> {
    try {
      await this.tx(() => {
        this.q('INSERT INTO users (id, login, version, doc) VALUES (?, ?, ?, ?)').run(user.id, user.login, user.version, JSON.stringify(user));
        this.userRoles.writeTx(user);
        this.appendAuditTx(audit);
      });
      return OK;
    } catch (e) {
      if (isUniqueViolation(e)) return duplicate('该账号已被注册');
      throw e;
    }
  }
  async getUser(id: string): Promise<User | null> {
    const r = this.q('SELECT doc FROM users WHERE id = ?').get(id) as Row | undefined;
    return r ? parse<User>(r.doc) : null;
  }
  async findUserByLogin(login: string): Promise<User | null> {
    const r = this.q('SELECT doc FROM users WHERE login = ?').get(login) as Row | undefined;
    return r ? parse<User>(r.doc) : null;
  }
  async updateUser(user: User, expectedVersion: number, audit: AuditInput[]): Promise<WriteResult> {
    if (user.version !== expectedVersion + 1) return conflict('版本号必须递增 1');
    return this.tx(() => {
      const res = this.q('UPDATE users SET version = ?, login = ?, doc = ? WHERE id = ? AND version = ?')
        .run(user.version, user.login, JSON.stringify(user), user.id, expectedVersion);
      if (res.changes === 0) return conflict('账号已被他人修改，请刷新后重试');
      this.userRoles.writeTx(user);
      this.appendAuditTx(audit);
      return OK;
    });
  }
  async listUsers(): Promise<User[]> {
    return (this.q('SELECT doc FROM users ORDER BY id').all() as Row[]).map((r) => parse<User>(r.doc));
  }
  async listUsersByRole(addresses: readonly RoleAddress[]): Promise<User[]> { return this.userRoles.byRole(addresses); }
  async listStaff(): Promise<User[]> { return this.userRoles.staff(); }

  // ---- sessions ----
  async putSession(s: SessionRecord): Promise<void> {
    this.q('INSERT OR REPLACE INTO sessions (id, doc) VALUES (?, ?)').run(s.id, JSON.stringify(s));
  }
  async getSession(id: string): Promise<SessionRecord | null> {
    const r = this.q('SELECT doc FROM sessions WHERE id = ?').get(id) as Row | undefined;
    return r ? parse<SessionRecord>(r.doc) : null;
  }
  async deleteSession(id: string): Promise<void> {
    this.q('DELETE FROM sessions WHERE id = ?').run(id);
  }
  async listSessions(userId: string): Promise<SessionRecord[]> {
    const rows = this.q("SELECT doc FROM sessions WHERE json_extract(doc, '$.userId') = ?").all(userId) as Row[];
    return rows.map((r) => parse<SessionRecord>(r.doc)).sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  }
  async deleteSessions(userId: string, keepId?: string): Promise<number> {
    return this.q("DELETE FROM sessions WHERE json_extract(doc, '$.userId') = ? AND id <> ?").run(userId, keepId ?? '').changes;
  }
  async touchSession(id: string, lastSeenAt: string): Promise<void> {
    this.q("UPDATE sessions SET doc = json_set(doc, '$.lastSeenAt', ?) WHERE id = ?").run(lastSeenAt, id);
  }

  // ---- applications ----
  /** the derived index rows, changed only where they differ from what the previous version wrote (sync-rows.ts);
   * `fresh`: a new application (nothing to read or delete) */
  private writeIndexes(app: Application, routingChanged: boolean, fresh: boolean): void {
    const tasks = app.openTasks.map((t) => [t.taskId, t.elementId, t.name, t.role, t.orgId, t.assignee ?? null, t.createdAt, t.dueAt ?? null, app.campaignId, app.seriesKey, app.levelKey, app.applicantName]);
    syncRows(this.db, OPEN_TASK_ROWS, app.id, tasks, fresh);
    // keep the lease of timers that are still there; drop the ones that fired or were cancelled
    const stored = fresh ? new Set<string>() : new Set((this.q('SELECT timer_id FROM due_timers WHERE app_id = ?').all(app.id) as Row[]).map((r) => str(r.timer_id)));
    const keep = new Set(app.timers.map((t) => t.timerId));
    const drop = this.q('DELETE FROM due_timers WHERE app_id = ? AND timer_id = ?');
    for (const id of stored) if (!keep.has(id)) drop.run(app.id, id);
    const insTimer = this.q('INSERT INTO due_timers (app_id, timer_id, due_at) VALUES (?, ?, ?)');
    for (const t of app.timers) if (!stored.has(t.timerId)) insTimer.run(app.id, t.timerId, t.dueAt);
    // whom the flow reached only grows (a done task still counts): add what is new
    const insReach = this.q('INSERT OR IGNORE INTO application_reach (app_id, reach) VALUES (?, ?)');
    for (const key of reachOf(app)) insReach.run(app.id, key);
    this.history.writeTx(app, fresh);
    if (!routingChanged) return;
    if (!fresh) this.q('DELETE FROM application_orgs WHERE app_id = ?').run(app.id);
    const insOrg = this.q('INSERT OR IGNORE INTO application_orgs (app_id, org_id) VALUES (?, ?)');
    for (const orgId of new Set(Object.values(app.routing ?? {}))) insOrg.run(app.id, orgId);
  }

  async insertApplication(app: Application, audit: AuditInput[], notifications?: NotificationInput[]): Promise<WriteResult> {
    try {
      await this.tx(() => {
        // the form goes to its own table (application-forms.ts)
        const doc = this.forms.docTx(app, null);
        this.q(
            `INSERT INTO applications (id, version, applicant_id, campaign_id, series_key, level_key, status, updated_at, doc, routing,
               org_id, committee_id, grade, campaign_year, submitted_at, incidents, summary, certificate_number) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(app.id, app.version, app.applicantId, app.campaignId, app.seriesKey, app.levelKey, app.status, app.updatedAt, doc, JSON.stringify(app.routing ?? {}), ...derivedColumns(app));
        this.writeIndexes(app, true, true);
        this.appendAuditTx(audit);
        this.notes.writeNotificationsTx(notifications);
      });
      return OK;
    } catch (e) {
      if (isOnePerYearViolation(e)) return duplicate(ONE_PER_YEAR_TAKEN);
      if (isUniqueViolation(e)) return duplicate(`申报 ${app.id} 已存在`);
      throw e;
    }
  }

  async getApplication(id: string): Promise<Application | null> {
    const r = this.q(`SELECT doc, ${FORM_COLUMN} FROM applications WHERE id = ?`).get(id) as Row | undefined;
    return r ? documentOf(r.doc, r.form) : null;
  }

  async updateApplication(app: Application, expectedVersion: number, audit: AuditInput[], notifications?: NotificationInput[]): Promise<WriteResult> {
    if (app.version !== expectedVersion + 1) return conflict('版本号必须递增 1');
    try {
      return await this.updateApplicationTx(app, expectedVersion, audit, notifications);
    } catch (e) {
      // the C1 unique index: another application of this person already holds (year, grade)
      if (isOnePerYearViolation(e)) return duplicate(ONE_PER_YEAR_TAKEN);
      throw e;
    }
  }

  private updateApplicationTx(app: Application, expectedVersion: number, audit: AuditInput[], notifications?: NotificationInput[]): Promise<WriteResult> {
    return this.tx(() => {
      const prev = this.q(`SELECT routing, ${FORM_COLUMN} FROM applications WHERE id = ? AND version = ?`).get(app.id, expectedVersion) as Row | undefined;
      if (!prev) return conflict('该申报已被他人处理或修改，请刷新后重试');
      // an unchanged form is not written again (application-forms.ts)
      const doc = this.forms.docTx(app, prev.form == null ? null : str(prev.form));
      const routing = JSON.stringify(app.routing ?? {});
      this.q(
        `UPDATE applications SET version = ?, status = ?, updated_at = ?, doc = ?, routing = ?,
           org_id = ?, committee_id = ?, grade = ?, campaign_year = ?, submitted_at = ?, incidents = ?, summary = ?, certificate_number = ? WHERE id = ? AND version = ?`,
      ).run(app.version, app.status, app.updatedAt, doc, routing, ...derivedColumns(app), app.id, expectedVersion);
      this.writeIndexes(app, routing !== str(prev.routing), false);
      this.appendAuditTx(audit);
      this.notes.writeNotificationsTx(notifications);
      return OK;
    });
  }

  async listApplications(q: ApplicationQuery): Promise<{ total: number; items: Application[]; next?: string }> {
    const { values, ...rest } = this.lists.page(q, 'doc');
    // the forms kept apart (application-forms.ts) put back
    return { ...rest, items: this.forms.restoreAll(values.map((v) => parse<Application>(v))) };
  }

  async listApplicationSummaries(q: ApplicationQuery): Promise<SummaryPage> { return this.lists.summaries(q); }
  async findUnitCommittee(q: UnitCommitteeQuery): Promise<string | null> { return this.lists.unitCommittee(q); }

  async countInFlight(workflowKey: string): Promise<{ version: number; count: number }[]> {
    const rows = this.q(
      `SELECT json_extract(doc, '$.pinned.workflow') AS wf_version, COUNT(*) AS n FROM applications
       WHERE json_extract(doc, '$.pinned.workflowKey') = ? AND status IN ('submitted', 'returned', 'passed')
         AND json_extract(doc, '$.workflow.status') IN ('new', 'active')
       GROUP BY wf_version ORDER BY wf_version`,
    ).all(workflowKey) as Row[];
    return rows.filter((r) => typeof r.wf_version === 'number').map((r) => ({ version: Number(r.wf_version), count: Number(r.n) }));
  }

  async queryTasks(q: TaskQuery): Promise<{ total: number; items: OpenTaskRow[] }> { return this.inbox.query(q); }

  async queryDoneTasks(q: TaskHistoryQuery): Promise<Page<DoneTaskRow>> { return this.history.queryDoneTasks(q); }
  async queryCopies(q: TaskHistoryQuery): Promise<Page<CopyRow>> { return this.history.queryCopies(q); }

  async claimDueTimers(now: string, owner: string, leaseUntil: string, limit: number): Promise<DueTimerRow[]> {
    return this.tx(() => {
      const rows = this.q('SELECT app_id, timer_id, due_at FROM due_timers WHERE due_at <= ? AND (lease_until IS NULL OR lease_until < ?) ORDER BY due_at LIMIT ?')
        .all(now, now, limit) as Row[];
      const lease = this.q('UPDATE due_timers SET lease_owner = ?, lease_until = ? WHERE app_id = ? AND timer_id = ?');
      for (const r of rows) lease.run(owner, leaseUntil, r.app_id, r.timer_id);
      return rows.map((r) => ({ applicationId: str(r.app_id), timerId: str(r.timer_id), dueAt: str(r.due_at) }));
    });
  }

  // ---- operational records (sqlite/records.ts) ----
  async putRecord(rec: StoredRecord, expectedVersion: number | null, audit: AuditInput[]): Promise<WriteResult> {
    return this.tx(() => {
      const res = this.records.putTx(rec, expectedVersion);
      if (res.ok) this.appendAuditTx(audit);
      return res;
    });
  }
  async getRecord<B = unknown>(kind: RecordKind, id: string): Promise<StoredRecord<B> | null> { return this.records.get<B>(kind, id); }
  async listRecords<B = unknown>(q: RecordQuery): Promise<{ total: number; items: StoredRecord<B>[] }> { return this.records.list<B>(q); }
  async listAllRecords(): Promise<StoredRecord[]> { return this.records.listAll(); }
  async importRecords(recs: StoredRecord[]): Promise<void> { await this.tx(() => this.records.importTx(recs)); }

  // ---- notifications and deliveries (sqlite/notifications.ts) ----
  async listDueTimers(before: string, limit: number): Promise<DueTimerRow[]> { return this.notes.listDueTimers(before, limit); }
  async addNotifications(list: NotificationInput[]): Promise<number> { return this.notes.addNotifications(list); }
  async listNotifications(userId: string, q: NotificationQuery) { return this.notes.listNotifications(userId, q); }
  async markNotificationsRead(userId: string, ids: string[] | 'all', at: string): Promise<number> { return this.notes.markNotificationsRead(userId, ids, at); }
  async claimDueDeliveries(now: string, owner: string, leaseUntil: string, limit: number): Promise<ClaimedDelivery[]> { return this.notes.claimDueDeliveries(now, owner, leaseUntil, limit); }
  async finishDelivery(id: string, outcome: DeliveryOutcome): Promise<void> { this.notes.finishDelivery(id, outcome); }
  async listDeliveries(q: DeliveryQuery) { return this.notes.listDeliveries(q); }
  async getDelivery(id: string) { return this.notes.getDelivery(id); }
  async listAllNotifications() { return this.notes.listAllNotifications(); }
  async importNotifications(n: NotificationRecord[], d: DeliveryRow[]): Promise<void> { this.notes.importNotifications(n, d); }

  // ---- counters and idempotency ----
  async adjustCounter(key: string, delta: number, limit: number | null): Promise<{ ok: boolean; value: number }> {
    return this.tx(() => {
      const r = this.q('SELECT value FROM counters WHERE key = ?').get(key) as Row | undefined;
      const current = r ? Number(r.value) : 0;
      const next = current + delta;
      if (next < 0 || (limit !== null && next > limit)) return { ok: false, value: current };
      this.q('INSERT INTO counters (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, next);
      return { ok: true, value: next };
    });
  }
  async getCounter(key: string): Promise<number> {
    const r = this.q('SELECT value FROM counters WHERE key = ?').get(key) as Row | undefined;
    return r ? Number(r.value) : 0;
  }
  async rememberOnce(key: string, value: string): Promise<string> {
    return this.tx(() => {
      this.q('INSERT OR IGNORE INTO idempotency (key, value) VALUES (?, ?)').run(key, value);
      return str((this.q('SELECT value FROM idempotency WHERE key = ?').get(key) as Row).value);
    });
  }
  async recall(key: string): Promise<string | null> {
    const r = this.q('SELECT value FROM idempotency WHERE key = ?').get(key) as Row | undefined;
    return r ? str(r.value) : null;
  }

  // ---- files ----
  async putFile(bytes: Buffer, meta: Omit<FileMeta, 'hash' | 'size'>): Promise<FileMeta> {
    const hash = this.blobs.put(bytes);
    this.q('INSERT OR IGNORE INTO files (hash, size, mime, name, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)')
      .run(hash, bytes.length, meta.mime, meta.name, meta.createdAt, meta.createdBy);
    return { ...meta, hash, size: bytes.length };
  }
  async getFile(hash: string): Promise<{ meta: FileMeta; bytes: Buffer } | null> {
    const r = this.q('SELECT * FROM files WHERE hash = ?').get(hash) as Row | undefined;
    const bytes = r ? this.blobs.get(hash) : null;
    if (!r || !bytes) return null;
    return {
      meta: { hash, size: Number(r.size), mime: str(r.mime), name: str(r.name), createdAt: str(r.created_at), createdBy: str(r.created_by) },
      bytes,
    };
  }

  // ---- store transfer ----
  async listCounters(): Promise<{ key: string; value: number }[]> {
    return (this.q('SELECT key, value FROM counters ORDER BY key').all() as Row[]).map((r) => ({ key: str(r.key), value: Number(r.value) }));
  }
  async listIdempotency(): Promise<{ key: string; value: string }[]> {
    return (this.q('SELECT key, value FROM idempotency ORDER BY key').all() as Row[]).map((r) => ({ key: str(r.key), value: str(r.value) }));
  }
  async listFiles(): Promise<FileMeta[]> {
    return (this.q('SELECT * FROM files ORDER BY hash').all() as Row[]).map((r) => ({
      hash: str(r.hash),
      size: Number(r.size),
      mime: str(r.mime),
      name: str(r.name),
      createdAt: str(r.created_at),
      createdBy: str(r.created_by),
    }));
  }
  async importAudit(records: AuditEntry[]): Promise<void> {
    await this.tx(() => {
      const last = this.q('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1').get() as Row | undefined;
      let seq = last ? Number(last.seq) : 0;
      let hash = last ? str(last.hash) : GENESIS_HASH;
      const ins = this.q('INSERT INTO audit (seq, doc, hash) VALUES (?, ?, ?)');
      for (const r of records) {
        if (r.seq !== seq + 1 || r.prevHash !== hash) throw new Error(`审计记录 ${r.seq} 接不上已有的第 ${seq} 条`);
        ins.run(r.seq, JSON.stringify(r), r.hash);
        seq = r.seq;
        hash = r.hash;
      }
      // a write earlier in the same group commit sealed a head: the chain now ends here
      if (this.sealedHead) this.sealedHead = { seq, hash };
    });
  }

  async isEmpty(): Promise<boolean> {
    return Number((this.q('SELECT COUNT(*) n FROM definitions').get() as Row).n) === 0;
  }

  async close(): Promise<void> {
    // writes still queued for the next group commit go in before the file closes
    if (this.db.open) this.writes?.flush();
    if (this.db.open) this.db.close();
  }

  /** for the audit tamper test and store tools only: the raw database */
  get raw(): Database.Database {
    return this.db;
  }
}

const ONE_PER_YEAR_TAKEN = '同一人同一年度同一层级已有一份已提交的申报';

function isOnePerYearViolation(e: unknown): boolean {
  // an index on columns is named by its columns in the message, one on expressions by its name
  return isUniqueViolation(e) && e instanceof Error && /applications_one_per_year|applications\.campaign_year/.test(e.message);
}

function isUniqueViolation(e: unknown): boolean {
  return typeof e === 'object' && e !== null && 'code' in e && String((e as { code: unknown }).code).startsWith('SQLITE_CONSTRAINT');
}
