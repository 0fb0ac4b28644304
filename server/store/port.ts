// The storage port: everything the runtime needs from a database, and nothing else.
// Two adapters implement it (sqlite/ embedded default, mongo/ production) and must pass
// the same contract suite in test/store/. Documents are plain JSON; every mutable document
// carries a version and every update names the version it read (optimistic concurrency).
import type { Application, Org, User, AuditEntry } from '../domain/schema-types.gen.js';
import type { StoredAuditRecord } from '../domain/audit/chain.js';
import type { AuditTrust } from './audit-trust.js';
import type { CopyRow, DoneTaskRow, Page, TaskHistoryQuery } from './task-history.js';
import type { DeliveryOutcome, DeliveryRow, NotificationInput, NotificationRecord } from '../domain/notifications/types.js';
import type { ApplicationSummary } from '../domain/applications/summary.js';
export type { ApplicationSummary } from '../domain/applications/summary.js';

export type DefinitionKind = 'series' | 'level' | 'workflow' | 'template' | 'calendar' | 'committees' | 'campaign' | 'policy';
export const DEFINITION_KINDS: readonly DefinitionKind[] = [
  'series',
  'level',
  'workflow',
  'template',
  'calendar',
  'committees',
  'campaign',
  'policy',
];

/** A published version (version >= 1, immutable) or the single mutable draft (version 0). */
export interface DefinitionRecord<B = unknown> {
  kind: DefinitionKind;
  key: string;
  version: number;
  status: 'draft' | 'published';
  body: B;
  /** sha-256 of the canonical JSON of body: what an application pins, besides the version */
  hash: string;
  createdAt: string;
  createdBy: string;
}

export interface DefinitionSummary {
  kind: DefinitionKind;
  key: string;
  latestVersion: number;
  hasDraft: boolean;
  updatedAt: string;
}

/** What the audit log is asked to record; the store adds seq, prevHash and hash. */
export type AuditInput = Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>;

export interface OpenTaskRow {
  applicationId: string;
  taskId: string;
  elementId: string;
  name: string;
  role: string;
  orgId: string;
  createdAt: string;
  dueAt?: string;
  campaignId: string;
  seriesKey: string;
  levelKey: string;
  applicantName: string;
  assignee?: string;
}

export interface TaskQuery {
  /** the caller's role assignments: a task matches one of them on (role, orgId) */
  assignments: { role: string; orgId: string }[];
  /** tasks assigned to one person (an expert's ballot) are visible to that person only */
  userId: string;
  campaignId?: string;
  seriesKey?: string;
  levelKey?: string;
  elementId?: string;
  /** part of the applicant's name */
  applicantName?: string;
  /** only tasks whose 办理期限 (dueAt) is before this instant: 仅看逾期 */
  overdueAt?: string;
  /** by 到达时间 (default, oldest first) or by 办理期限 (nearest first, tasks without one last) */
  sort?: 'arrived' | 'due';
  offset?: number;
  limit?: number;
}

export interface ApplicationQuery {
  applicantId?: string;
  campaignId?: string;
  seriesKey?: string;
  levelKey?: string;
  status?: string;
  /** the application that holds this e-certificate number */
  certificateNumber?: string;
  /** applications whose routing passes through one of these orgs */
  routedThrough?: string[];
  /**
   * what one person may see: the applications they own (applicantId), or that their flow has reached at one
   * of these task addresses (domain/workflow/reach.ts); filtered in the query, so paging and totals agree
   */
  visibleTo?: { applicantId?: string; reachedBy: string[] };
  /** only applications whose flow has an open incident (流程异常) */
  hasIncidents?: boolean;
  /** any of these statuses (with `status`: both must hold) */
  statusIn?: Application['status'][];
  offset?: number;
  /**
   * keyset paging: the `next` of the previous page (opaque); when given, `offset` is ignored and the page starts
   * after that row in the list's order (updatedAt newest first, then id)
   */
  after?: string;
  limit?: number;
  /** the list's order: newest updated first (default), or submitted first in the order people applied (rosters) */
  order?: 'updated' | 'submitted';
}

/** a page of summaries: `next` is the keyset cursor of the page after this one (absent on the last page) */
export interface SummaryPage {
  total: number;
  items: ApplicationSummary[];
  next?: string;
}

/** (campaign, series, level, applicant's unit): which committee the unit's other applications went to (no 多头报送) */
export interface UnitCommitteeQuery {
  campaignId: string;
  seriesKey: string;
  levelKey: string;
  unitId: string;
  /** the application asking, never counted as its own peer */
  exceptId?: string;
}

export interface DueTimerRow {
  applicationId: string;
  timerId: string;
  dueAt: string;
}

export interface FileMeta {
  hash: string;
  size: number;
  mime: string;
  name: string;
  createdAt: string;
  createdBy: string;
}

export interface SessionRecord {
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
  /** when the session was last used (updated at most every few minutes) */
  lastSeenAt?: string;
  /** where it was signed in from, for the administrator's session list */
  ip?: string;
  userAgent?: string;
}

export interface NotificationQuery {
  unreadOnly?: boolean;
  offset?: number;
  limit?: number;
}

export interface DeliveryQuery {
  status?: DeliveryRow['status'];
  offset?: number;
  limit?: number;
}

export interface ClaimedDelivery {
  delivery: DeliveryRow;
  notification: NotificationRecord;
}

/** Thrown-free outcome of a guarded write. */
/**
 * Operational records kept beside applications: the committee office's experts, sessions and draws, the
 * certificate data-exchange outbox, filing packages. One document per (kind, id) with a version that every write
 * raises by one (optimistic concurrency) and its audit records in the same write. `keys` are the index terms a list
 * filters by (`committee:<id>`, `year:2022`, `state:pending` …); a list is ordered by id.
 */
export type RecordKind = 'expert' | 'reviewSession' | 'expertDraw' | 'exchange' | 'filingPackage' | 'entrustment' | 'scoreSheet';
export interface StoredRecord<B = unknown> {
  kind: RecordKind;
  id: string;
  /** 1 on insert, +1 on every write */
  version: number;
  updatedAt: string;
  keys: string[];
  body: B;
}
export interface RecordQuery {
  kind: RecordKind;
  /** every one of these index terms (none: all records of the kind) */
  keys?: string[];
  limit: number;
  offset?: number;
}

export type WriteResult = { ok: true } | { ok: false; code: 'conflict' | 'duplicate' | 'not_found' | 'limit'; message: string };

/** who a lookup by role asks for: a role, at one org when orgId is given */
export interface RoleAddress {
  role: string;
  orgId?: string;
}

export interface Store {
  readonly kind: 'sqlite' | 'mongo';

  // ---- definitions (published versions are immutable) ----
  getDefinition<B = unknown>(kind: DefinitionKind, key: string, version: number | 'latest' | 'draft'): Promise<DefinitionRecord<B> | null>;
  listDefinitions(kind?: DefinitionKind): Promise<DefinitionSummary[]>;
  /** all published versions of one definition, newest first */
  listVersions(kind: DefinitionKind, key: string): Promise<DefinitionRecord[]>;
  saveDraft(rec: DefinitionRecord, audit: AuditInput[]): Promise<WriteResult>;
  deleteDraft(kind: DefinitionKind, key: string): Promise<void>;
  /** inserts a new published version; 'duplicate' if that version already exists */
  insertPublished(rec: DefinitionRecord, audit: AuditInput[]): Promise<WriteResult>;

  // ---- orgs and users ----
  upsertOrg(org: Org): Promise<void>;
  getOrg(id: string): Promise<Org | null>;
  listOrgs(): Promise<Org[]>;
  /** 'duplicate' when the login is taken */
  insertUser(user: User, audit: AuditInput[]): Promise<WriteResult>;
  getUser(id: string): Promise<User | null>;
  findUserByLogin(login: string): Promise<User | null>;
  /** guarded by user.version - 1 == stored version */
  updateUser(user: User, expectedVersion: number, audit: AuditInput[]): Promise<WriteResult>;
  listUsers(): Promise<User[]>;
  /** the accounts holding any of these roles (at that org when given), each once, ordered by id */
  listUsersByRole(addresses: readonly RoleAddress[]): Promise<User[]>;
  /** the staff accounts (kind 'staff', with or without roles left), ordered by id: never the applicants */
  listStaff(): Promise<User[]>;

  // ---- sessions ----
  putSession(s: SessionRecord): Promise<void>;
  getSession(id: string): Promise<SessionRecord | null>;
  deleteSession(id: string): Promise<void>;
  /** the sessions of one user, oldest first */
  listSessions(userId: string): Promise<SessionRecord[]>;
  /** ends every session of userId except keepId; returns how many ended */
  deleteSessions(userId: string, keepId?: string): Promise<number>;
  /** records use of a session that still exists (never brings an ended one back) */
  touchSession(id: string, lastSeenAt: string): Promise<void>;

  // ---- applications, with their workflow state, open-task and timer indexes ----
  // Both writes refuse with 'duplicate' an application that would hold the C1 key (applicant, year, grade) another
  // one holds (domain/applications/one-per-year.ts): the database decides, so parallel submits cannot both pass.
  /** notifications are stored in the same atomic write (an outbox), with one pending delivery per channel */
  insertApplication(app: Application, audit: AuditInput[], notifications?: NotificationInput[]): Promise<WriteResult>;
  getApplication(id: string): Promise<Application | null>;
  /**
   * Writes app (whose version must be expectedVersion + 1) only if the stored version is
   * expectedVersion; rebuilds its open-task and due-timer index rows and appends the audit
   * entries in the same atomic write. A stale version returns 'conflict' and changes nothing.
   */
  updateApplication(app: Application, expectedVersion: number, audit: AuditInput[], notifications?: NotificationInput[]): Promise<WriteResult>;
  /** `next`: the keyset cursor of the page after this one, as in SummaryPage */
  listApplications(q: ApplicationQuery): Promise<{ total: number; items: Application[]; next?: string }>;
  /**
   * The same query as listApplications, answered from the summaries the store keeps beside each document
   * (domain/applications/summary.ts) and from indexes: what every list in the UI reads.
   */
  listApplicationSummaries(q: ApplicationQuery): Promise<SummaryPage>;
  /** the committee an in-flight application of the same unit, campaign, series and level was routed to, or null */
  findUnitCommittee(q: UnitCommitteeQuery): Promise<string | null>;
  queryTasks(q: TaskQuery): Promise<{ total: number; items: OpenTaskRow[] }>;
  /** 已办: the tasks one person completed (doneTasks), newest first (store/task-history.ts) */
  queryDoneTasks(q: TaskHistoryQuery): Promise<Page<DoneTaskRow>>;
  /** 抄送我的: what was copied to one person (copies), newest first */
  queryCopies(q: TaskHistoryQuery): Promise<Page<CopyRow>>;
  /**
   * Applications whose flow is still running on a version of this workflow (submitted, returned, or passed with
   * steps such as 核准备案 ahead), counted per pinned version in ascending order: what stays on an older version
   * when a new one is published.
   */
  countInFlight(workflowKey: string): Promise<{ version: number; count: number }[]>;
  /**
   * Leases up to `limit` timers due at or before `now` whose lease is free or expired, to `owner`
   * until `leaseUntil`. Two processes never hold the same timer's lease at once.
   */
  claimDueTimers(now: string, owner: string, leaseUntil: string, limit: number): Promise<DueTimerRow[]>;
  /** timers due at or before `before`, soonest first; read only (no lease), for sweeps that look ahead */
  listDueTimers(before: string, limit: number): Promise<DueTimerRow[]>;

  // ---- notifications (message centre) and their delivery queue (e-mail, SMS) ----
  /** stores the ones whose id is new, each with one pending delivery per channel; returns how many were new */
  addNotifications(list: NotificationInput[]): Promise<number>;
  /** one person's notifications, newest first; `unread` counts all their unread ones */
  listNotifications(userId: string, q: NotificationQuery): Promise<{ total: number; unread: number; items: NotificationRecord[] }>;
  /** marks unread notifications of userId read at `at` (others' ids are ignored); returns how many changed */
  markNotificationsRead(userId: string, ids: string[] | 'all', at: string): Promise<number>;
  /**
   * Leases up to `limit` pending deliveries due at or before `now` (lease free or expired) to `owner` until
   * `leaseUntil`, counting the attempt; two processes never hold one delivery's lease at once.
   */
  claimDueDeliveries(now: string, owner: string, leaseUntil: string, limit: number): Promise<ClaimedDelivery[]>;
  /** records an attempt's outcome and frees the lease; a delivery already sent stays sent */
  finishDelivery(id: string, outcome: DeliveryOutcome): Promise<void>;
  getDelivery(id: string): Promise<DeliveryRow | null>;
  /** the delivery queue for administrators, by status, next attempt first */
  listDeliveries(q: DeliveryQuery): Promise<{ total: number; items: DeliveryRow[] }>;

  // ---- counters (quotas) ----
  /** adds delta unless the result would pass limit (or go below 0); 'limit' otherwise */
  adjustCounter(key: string, delta: number, limit: number | null): Promise<{ ok: boolean; value: number }>;
  getCounter(key: string): Promise<number>;

  // ---- idempotency keys ----
  /** stores value under key unless present; returns the value stored first */
  rememberOnce(key: string, value: string): Promise<string>;
  /** the value stored under key, or null; stores nothing */
  recall(key: string): Promise<string | null>;

  // ---- audit log (append-only, HMAC-chained under auditTrust.key, signed checkpoints after each write) ----
  appendAudit(entries: AuditInput[]): Promise<void>;
  listAudit(fromSeq: number, limit: number): Promise<AuditEntry[]>;
  auditCount(): Promise<number>;
  /** the records with the adapter's own seq and hash columns beside them, for verification (store/verify-audit.ts) */
  listAuditStored?(fromSeq: number, limit: number): Promise<StoredAuditRecord[]>;
  /** the key the adapter seals with and where its checkpoints go */
  readonly auditTrust?: AuditTrust;

  // ---- operational records (sqlite/records.ts, mongo/records.ts) ----
  /** expectedVersion null inserts (duplicate when the id exists, version must be 1); otherwise rec.version = expected + 1 */
  putRecord(rec: StoredRecord, expectedVersion: number | null, audit: AuditInput[]): Promise<WriteResult>;
  getRecord<B = unknown>(kind: RecordKind, id: string): Promise<StoredRecord<B> | null>;
  listRecords<B = unknown>(q: RecordQuery): Promise<{ total: number; items: StoredRecord<B>[] }>;

  // ---- files, addressed by content hash ----
  putFile(bytes: Buffer, meta: Omit<FileMeta, 'hash' | 'size'>): Promise<FileMeta>;
  getFile(hash: string): Promise<{ meta: FileMeta; bytes: Buffer } | null>;

  // ---- store transfer (export / import between adapters); optional so test doubles need not implement them ----
  /** every counter with its current value */
  listCounters?(): Promise<{ key: string; value: number }[]>;
  /** every idempotency key with the value stored first */
  listIdempotency?(): Promise<{ key: string; value: string }[]>;
  /** metadata of every stored file */
  listFiles?(): Promise<FileMeta[]>;
  /**
   * appends already sealed audit records verbatim (seq, prevHash and hash kept); the first must follow the
   * stored chain's last record (seq + 1, prevHash = its hash), so an import can only extend a chain, never fork it
   */
  importAudit?(records: AuditEntry[]): Promise<void>;
  /** every notification with its read mark, oldest first */
  listAllNotifications?(): Promise<NotificationRecord[]>;
  /** stores notifications (read marks kept) and delivery rows (state kept, no lease) verbatim; ids present are kept */
  importNotifications?(notifications: NotificationRecord[], deliveries: DeliveryRow[]): Promise<void>;

  /** every operational record, by kind and id (store transfer) */
  listAllRecords?(): Promise<StoredRecord[]>;
  /** stores records verbatim (version kept); ids present are kept */
  importRecords?(recs: StoredRecord[]): Promise<void>;

  // ---- lifecycle ----
  /** true when nothing was ever loaded (no definitions) */
  isEmpty(): Promise<boolean>;
  close(): Promise<void>;
}
