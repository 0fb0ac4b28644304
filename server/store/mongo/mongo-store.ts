// The production adapter: the same storage port on the official MongoDB driver, chosen when MONGODB_URL is set.
//
// No multi-document transactions (FerretDB 1.x has none, and the design needs none). Every guarantee rests on
// the one primitive that is atomic on MongoDB *and* on FerretDB 1.x: inserting a document under a unique key.
// (FerretDB 1.24 applies a conditional update as read, filter, then write by _id: ten concurrent
// `updateOne({_id, version: 1}, ...)` can all report matchedCount 1. Measured here; see docs/deploy.md.)
//
// - Guarded writes (applications, users, drafts, records), guarded-writes.ts: on FerretDB the writer of version
//   v+1 first inserts a claim `pending_writes/{coll}:{id}:{inc}:{v+1}` (only one writer can hold it), then replaces
//   the document with filter `{_id, version: v}` (matchedCount 0 → conflict); on MongoDB proper, whose conditional
//   replace is atomic (detected at open, atomic-updates.ts), the filter alone is the guard.
// - Audit atomic with a write: the audit inputs ride inside the written document as an outbox entry
//   (`_auditOutbox`) and are drained into the chained audit collection (audit-outbox.ts) before the write returns.
//   A crash between the write and the drain leaves a marker (the claim, or the document's `_outboxToken`); the
//   sweeper (at open, periodically, before listAudit/auditCount) finds the entry in the document and appends it,
//   exactly once.
// - Timer leases: insert-only generations per timer (`{appId}/{timerId}#{gen}`); taking over an expired lease is
//   inserting the next generation.
// - Counters: an insert-only ledger of revisions per key; adjusting is inserting revision n+1 after reading n.
// - Files: GridFS bucket `files`, `_id` and filename = sha-256; metadata in `files_meta` (first upload wins).
import { createHash, randomUUID } from 'node:crypto';
import {
  GridFSBucket,
  MongoClient,
  type Collection,
  type Db,
  type Document,
  type Filter,
  type ObjectId,
  type W,
} from 'mongodb';
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
  SummaryPage,
  TaskQuery,
  UnitCommitteeQuery,
  WriteResult,
} from '../port.js';
import {
  appendChained,
  auditFromDoc,
  drainEntry,
  storedAuditFromDoc,
  importSealed,
  isDuplicateKey,
  undrained,
  type AuditDoc,
  type OutboxEntry,
} from './audit-outbox.js';
import { COLLECTIONS, ensureIndexes, FILES_BUCKET } from './indexes.js';
import { atomicUpdatesOverride, detectAtomicUpdates } from './atomic-updates.js';
import { GuardedWrites, type PendingWrite, type Stored, type VersionField } from './guarded-writes.js';
import { applicationDoc } from './application-doc.js';
import { listStaff, listUsersByRole } from './user-roles.js';
import type { RoleAddress } from '../port.js';
import { findUnitCommittee, listApplicationSummaries, listApplications } from './application-lists.js';
import type { StoredAuditRecord } from '../../domain/audit/chain.js';
import { defaultAuditTrust, type AuditTrust } from '../audit-trust.js';
import { KEY_PROJECTION, OnePerYearClaims } from './one-per-year-claims.js';
import { MongoNotifications } from './notifications.js';
import type { DeliveryOutcome, DeliveryRow, NotificationInput, NotificationRecord } from '../../domain/notifications/types.js';
import type { ClaimedDelivery, DeliveryQuery, NotificationQuery, RecordKind, RecordQuery, StoredRecord } from '../port.js';
import { applicationFilter, queryCopies, queryDoneTasks } from './task-history.js';
import type { CopyRow, DoneTaskRow, Page, TaskHistoryQuery } from '../task-history.js';

export interface MongoStoreOptions {
  /** database name; default: the one in the URL path, else `zhicheng` */
  dbName?: string;
  /** write concern when the URL names none; default `majority` */
  w?: W;
  /** how often leftover audit outboxes and abandoned write claims are swept; default 30 s, 0 = never */
  sweepIntervalMs?: number;
  /** a write claim older than this belongs to a crashed writer; default 60 s */
  abandonedAfterMs?: number;
  /** the audit key and checkpoint file; default: the configured key, no checkpoints */
  auditTrust?: AuditTrust;
  /**
   * whether the server's conditional replace is atomic (then it alone guards a write, without claims);
   * default: MONGODB_ATOMIC_UPDATES when set, else detected (FerretDB is not)
   */
  atomicUpdates?: boolean;
}

export type { Stored } from './guarded-writes.js';
interface LeaseDoc {
  _id: string;
  key: string;
  appId: string;
  timerId: string;
  gen: number;
  owner: string;
  leaseUntil: string;
}
interface CounterDoc {
  _id: string;
  key: string;
  rev: number;
  value: number;
}
interface FileMetaDoc {
  _id: string;
  size: number;
  mime: string;
  name: string;
  createdAt: string;
  createdBy: string;
}

const OK: WriteResult = { ok: true };
const conflict = (message: string): WriteResult => ({ ok: false, code: 'conflict', message });
const duplicate = (message: string): WriteResult => ({ ok: false, code: 'duplicate', message });
/** plain JSON, exactly what the embedded store keeps (no undefined, no Dates, no class instances) */
const json = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const MAX_RETRIES = 1_000;
/** GridFS files are stored under their sha-256 as `_id` (the driver accepts any id; its types say ObjectId) */
const gridId = (hash: string): ObjectId => hash as unknown as ObjectId;

/** removes the adapter's own fields (`_id`, `_auditOutbox`, `_routedOrgs`, …) from a stored document */
function strip<T>(d: Document): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(d)) if (!k.startsWith('_')) out[k] = v;
  return out as T;
}

export function toApplication(d: Document): Application {
  const app: Application = { ...strip<Omit<Application, 'form' | 'workflow'>>(d), form: JSON.parse(String(d._form ?? '{}')) as Application['form'] };
  if (typeof d._workflow === 'string') app.workflow = JSON.parse(d._workflow) as Application['workflow'];
  return app;
}

function dbNameFromUrl(url: string): string | undefined {
  const m = /^mongodb(?:\+srv)?:\/\/[^/]*\/([^?]*)/.exec(url);
  const name = m?.[1] ? decodeURIComponent(m[1]) : '';
  return name || undefined;
}

export async function openMongoStore(url: string, opts: MongoStoreOptions = {}): Promise<MongoStore> {
  const urlHasW = /[?&]w=/.test(url);
  const client = new MongoClient(url, {
    ignoreUndefined: true,
    ...(urlHasW ? {} : { writeConcern: { w: opts.w ?? 'majority' } }),
  });
  await client.connect();
  try {
    const db = client.db(opts.dbName ?? dbNameFromUrl(url) ?? 'zhicheng');
    const atomicUpdates = opts.atomicUpdates ?? atomicUpdatesOverride() ?? (await detectAtomicUpdates(db));
    await ensureIndexes(db, { outboxTokens: atomicUpdates });
    const store = new MongoStore(client, db, { ...opts, atomicUpdates });
    await store.sweep();
    store.startSweeper(opts.sweepIntervalMs ?? 30_000);
    return store;
  } catch (e) {
    await client.close();
    throw e;
  }
}

export class MongoStore implements Store {
  readonly kind = 'mongo' as const;
  private readonly definitions: Collection<Stored>;
  private readonly orgs: Collection<Stored>;
  private readonly users: Collection<Stored>;
  private readonly sessions: Collection<Stored>;
  private readonly applications: Collection<Stored>;
  private readonly leases: Collection<LeaseDoc>;
  private readonly counters: Collection<CounterDoc>;
  private readonly idempotency: Collection<{ _id: string; value: string }>;
  private readonly audit: Collection<AuditDoc>;
  private readonly pending: Collection<PendingWrite>;
  private readonly writes: GuardedWrites;
  private readonly filesMeta: Collection<FileMetaDoc>;
  private readonly bucket: GridFSBucket;
  private readonly onePerYear: OnePerYearClaims;
  private readonly notes: MongoNotifications;
  private readonly records: Collection<Stored>;
  private readonly abandonedAfterMs: number;
  readonly auditTrust: AuditTrust;
  private sweeper: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly client: MongoClient,
    readonly db: Db,
    opts: MongoStoreOptions,
  ) {
    this.definitions = db.collection<Stored>(COLLECTIONS.definitions);
    this.orgs = db.collection<Stored>(COLLECTIONS.orgs);
    this.users = db.collection<Stored>(COLLECTIONS.users);
    this.sessions = db.collection<Stored>(COLLECTIONS.sessions);
    this.applications = db.collection<Stored>(COLLECTIONS.applications);
    this.leases = db.collection<LeaseDoc>(COLLECTIONS.timerLeases);
    this.counters = db.collection<CounterDoc>(COLLECTIONS.counters);
    this.idempotency = db.collection<{ _id: string; value: string }>(COLLECTIONS.idempotency);
    this.audit = db.collection<AuditDoc>(COLLECTIONS.audit);
    this.pending = db.collection<PendingWrite>(COLLECTIONS.pendingWrites);
    this.filesMeta = db.collection<FileMetaDoc>(COLLECTIONS.filesMeta);
    this.bucket = new GridFSBucket(db, { bucketName: FILES_BUCKET });
    this.abandonedAfterMs = opts.abandonedAfterMs ?? 60_000;
    this.auditTrust = opts.auditTrust ?? defaultAuditTrust();
    this.onePerYear = new OnePerYearClaims(db.collection(COLLECTIONS.onePerYear), this.applications, this.abandonedAfterMs);
    this.notes = new MongoNotifications(db, this.applications);
    this.records = db.collection<Stored>(COLLECTIONS.records);
    this.writes = new GuardedWrites(db, this.notes, { atomic: opts.atomicUpdates ?? false, abandonedAfterMs: this.abandonedAfterMs, trust: this.auditTrust });
  }

  /** true when writes are guarded by the server's atomic conditional replace alone (guarded-writes.ts) */
  get atomicUpdates(): boolean {
    return this.writes.atomic;
  }

  startSweeper(intervalMs: number): void {
    if (intervalMs <= 0) return;
    this.sweeper = setInterval(() => {
      this.sweep().catch(() => undefined); // the next round retries; writes drain their own entries anyway
    }, intervalMs);
    this.sweeper.unref();
  }

  private collectionNamed(name: string): Collection<Stored> {
    return this.db.collection<Stored>(name);
  }

  // ---- guarded writes and the audit outbox (guarded-writes.ts) ----
  /** drains outboxes left by writers that stopped before draining; removes claims of crashed writers */
  async sweep(): Promise<void> {
    await this.writes.sweep();
  }

  /** resolves once the claim deletes and outbox prunes of finished writes are sent */
  async flushFollowUps(): Promise<void> {
    await this.writes.flush();
  }

  // ---- audit ----
  async appendAudit(entries: AuditInput[]): Promise<void> {
    await appendChained(
      this.audit,
      json(entries).map((input) => ({ input })),
      this.auditTrust,
    );
  }

  async listAudit(fromSeq: number, limit: number): Promise<AuditEntry[]> {
    await this.sweep();
    const docs = await this.audit.find({ _id: { $gte: fromSeq } }).sort({ _id: 1 }).limit(limit).toArray();
    return docs.map(auditFromDoc);
  }

  async auditCount(): Promise<number> {
    await this.sweep();
    return this.audit.countDocuments({});
  }

  async listAuditStored(fromSeq: number, limit: number): Promise<StoredAuditRecord[]> {
    await this.sweep();
    const docs = await this.audit.find({ _id: { $gte: fromSeq } }).sort({ _id: 1 }).limit(limit).toArray();
    return docs.map(storedAuditFromDoc);
  }

  async importAudit(records: AuditEntry[]): Promise<void> {
    await importSealed(this.audit, json(records));
  }

  // ---- definitions ----
  private defId(kind: DefinitionKind, key: string, version: number): string {
    return JSON.stringify([kind, key, version]);
  }

  private toDefinition<B>(d: Document): DefinitionRecord<B> {
    return {
      kind: d.kind as DefinitionKind,
      key: String(d.key),
      version: Number(d.version),
      status: d.status as 'draft' | 'published',
      body: JSON.parse(String(d.bodyJson)) as B,
      hash: String(d.hash),
      createdAt: String(d.createdAt),
      createdBy: String(d.createdBy),
    };
  }

  async getDefinition<B = unknown>(kind: DefinitionKind, key: string, version: number | 'latest' | 'draft'): Promise<DefinitionRecord<B> | null> {
    const d =
      version === 'latest'
        ? await this.definitions.find({ kind, key, status: 'published' }).sort({ version: -1 }).limit(1).next()
        : await this.definitions.findOne({ _id: this.defId(kind, key, version === 'draft' ? 0 : version) });
    return d ? this.toDefinition<B>(d) : null;
  }

  async listDefinitions(kind?: DefinitionKind): Promise<DefinitionSummary[]> {
    const docs = await this.definitions
      .find(kind ? { kind } : {}, { projection: { kind: 1, key: 1, version: 1, createdAt: 1 } })
      .toArray();
    const byKey = new Map<string, DefinitionSummary>();
    for (const d of docs) {
      const id = JSON.stringify([d.kind, d.key]);
      const s = byKey.get(id) ?? { kind: d.kind as DefinitionKind, key: String(d.key), latestVersion: 0, hasDraft: false, updatedAt: '' };
      s.latestVersion = Math.max(s.latestVersion, Number(d.version));
      if (Number(d.version) === 0) s.hasDraft = true;
      if (String(d.createdAt) > s.updatedAt) s.updatedAt = String(d.createdAt);
      byKey.set(id, s);
    }
    const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    return [...byKey.values()].sort((a, b) => cmp(a.kind, b.kind) || cmp(a.key, b.key));
  }

  async listVersions(kind: DefinitionKind, key: string): Promise<DefinitionRecord[]> {
    const docs = await this.definitions.find({ kind, key, status: 'published' }).sort({ version: -1 }).toArray();
    return docs.map((d) => this.toDefinition(d));
  }

  private definitionDoc(rec: DefinitionRecord, version: number, status: 'draft' | 'published'): Stored {
    return json({
      _id: this.defId(rec.kind, rec.key, version),
      kind: rec.kind,
      key: rec.key,
      version,
      status,
      // JSON Schemas carry `$schema`/`$ref` keys, which MongoDB-protocol servers may refuse as field names
      bodyJson: JSON.stringify(rec.body),
      hash: rec.hash,
      createdAt: rec.createdAt,
      createdBy: rec.createdBy,
    });
  }

  async saveDraft(rec: DefinitionRecord, audit: AuditInput[]): Promise<WriteResult> {
    const base = this.definitionDoc(rec, 0, 'draft');
    // last writer wins, as in the embedded store; writers are serialised through the draft's internal revision
    for (let attempt = 0; attempt < MAX_RETRIES; attempt++) {
      const cur = await this.definitions.findOne({ _id: base._id }, { projection: { _rev: 1, _inc: 1 } });
      if (!cur) {
        const res = await this.writes.insert(this.definitions, { ...base, _rev: 1, _inc: randomUUID() }, audit, '');
        if (res.ok) return res;
        continue; // created by someone else in the meantime
      }
      const rev = Number(cur._rev);
      const res = await this.writes.replace(this.definitions, base._id, '_rev', rev, { ...base, _rev: rev + 1, _inc: cur._inc }, audit, '草稿已被他人修改');
      if (res.ok) return OK;
    }
    return conflict('草稿保存冲突过多，请稍后重试');
  }

  async deleteDraft(kind: DefinitionKind, key: string): Promise<void> {
    const id = this.defId(kind, key, 0);
    for (let attempt = 0; attempt < MAX_RETRIES; attempt++) {
      const cur = await this.definitions.findOne({ _id: id }, { projection: { _rev: 1, _inc: 1, _auditOutbox: 1 } });
      if (!cur) return;
      const rev = Number(cur._rev);
      const claimId = `${COLLECTIONS.definitions}:${id}:${String(cur._inc)}:${rev + 1}`;
      if (!(await this.writes.claim({ _id: claimId, coll: COLLECTIONS.definitions, docId: id, at: Date.now() }))) continue;
      // whatever the draft still owes the audit log goes there before the draft goes
      for (const e of await undrained(this.audit, (cur._auditOutbox as OutboxEntry[] | undefined) ?? [])) await drainEntry(this.audit, e, this.auditTrust);
      await this.definitions.deleteOne({ _id: id, _rev: rev });
      await this.pending.deleteOne({ _id: claimId });
      return;
    }
    throw new Error('草稿删除冲突过多，请稍后重试');
  }

  async insertPublished(rec: DefinitionRecord, audit: AuditInput[]): Promise<WriteResult> {
    if (rec.version < 1) return conflict('发布版本号必须从 1 开始');
    return this.writes.insert(this.definitions, this.definitionDoc(rec, rec.version, 'published'), audit, `${rec.kind}/${rec.key} 第 ${rec.version} 版已存在`);
  }

  // ---- orgs ----
  private async upsert(coll: Collection<Stored>, doc: Stored): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await coll.replaceOne({ _id: doc._id }, doc, { upsert: true });
        return;
      } catch (e) {
        // two upserts of a new _id at once: the loser retries as a plain replace
        if (!isDuplicateKey(e) || attempt >= 3) throw e;
      }
    }
  }

  async upsertOrg(org: Org): Promise<void> {
    await this.upsert(this.orgs, { ...json(org), _id: org.id });
  }
  async getOrg(id: string): Promise<Org | null> {
    const d = await this.orgs.findOne({ _id: id });
    return d ? strip<Org>(d) : null;
  }
  async listOrgs(): Promise<Org[]> {
    return (await this.orgs.find({}).sort({ _id: 1 }).toArray()).map((d) => strip<Org>(d));
  }

  // ---- users ----
  async insertUser(user: User, audit: AuditInput[]): Promise<WriteResult> {
    return this.writes.insert(this.users, { ...json(user), _id: user.id }, audit, '该账号已被注册');
  }
  async getUser(id: string): Promise<User | null> {
    const d = await this.users.findOne({ _id: id });
    return d ? strip<User>(d) : null;
  }
  async findUserByLogin(login: string): Promise<User | null> {
    const d = await this.users.findOne({ login });
    return d ? strip<User>(d) : null;
  }
  async updateUser(user: User, expectedVersion: number, audit: AuditInput[]): Promise<WriteResult> {
    if (user.version !== expectedVersion + 1) return conflict('版本号必须递增 1');
    const res = await this.writes.replace(this.users, user.id, 'version', expectedVersion, { ...json(user), _id: user.id }, audit, '账号已被他人修改，请刷新后重试');
    return res.ok ? OK : { ok: false, code: res.code, message: res.message };
  }
  async listUsers(): Promise<User[]> {
    return (await this.users.find({}).sort({ _id: 1 }).toArray()).map((d) => strip<User>(d));
  }
  async listUsersByRole(addresses: readonly RoleAddress[]): Promise<User[]> { return listUsersByRole(this.users, addresses); }
  async listStaff(): Promise<User[]> { return listStaff(this.users); }

  // ---- sessions ----
  async putSession(s: SessionRecord): Promise<void> {
    await this.upsert(this.sessions, { ...json(s), _id: s.id });
  }
  async getSession(id: string): Promise<SessionRecord | null> {
    const d = await this.sessions.findOne({ _id: id });
    return d ? strip<SessionRecord>(d) : null;
  }
  async deleteSession(id: string): Promise<void> {
    await this.sessions.deleteOne({ _id: id });
  }
  async listSessions(userId: string): Promise<SessionRecord[]> {
    return (await this.sessions.find({ userId }).sort({ createdAt: 1, _id: 1 }).toArray()).map((d) => strip<SessionRecord>(d));
  }
  async deleteSessions(userId: string, keepId?: string): Promise<number> {
    return (await this.sessions.deleteMany(keepId === undefined ? { userId } : { userId, _id: { $ne: keepId } })).deletedCount;
  }
  async touchSession(id: string, lastSeenAt: string): Promise<void> {
    await this.sessions.updateOne({ _id: id }, { $set: { lastSeenAt } });
  }

  // ---- applications (stored shape: application-doc.ts) ----
  async insertApplication(app: Application, audit: AuditInput[], notifications?: NotificationInput[]): Promise<WriteResult> {
    return this.onePerYear.guard(app, true, () => this.writes.insert(this.applications, applicationDoc(app), audit, `申报 ${app.id} 已存在`, notifications));
  }

  async getApplication(id: string): Promise<Application | null> {
    const d = await this.applications.findOne({ _id: id });
    return d ? toApplication(d) : null;
  }

  async updateApplication(app: Application, expectedVersion: number, audit: AuditInput[], notifications?: NotificationInput[]): Promise<WriteResult> {
    if (app.version !== expectedVersion + 1) return conflict('版本号必须递增 1');
    // one read serves the C1 guard, the version guard and the lease clean-up
    const cur = await this.applications.findOne({ _id: app.id }, { projection: { ...KEY_PROJECTION, _auditOutbox: 1, _inc: 1, timers: 1 } });
    const res = await this.onePerYear.guard(
      app,
      false,
      () => this.writes.replace(this.applications, app.id, 'version', expectedVersion, applicationDoc(app), audit, '该申报已被他人处理或修改，请刷新后重试', notifications, cur),
      cur,
    );
    if (!res.ok) return { ok: false, code: res.code, message: res.message };
    // leases of timers that fired or were cancelled go (only asked when the set of timers changed); the others keep theirs
    const before = new Set(((cur?.timers as Application['timers'] | undefined) ?? []).map((t) => t.timerId));
    const after = new Set(app.timers.map((t) => t.timerId));
    if (before.size !== after.size || [...before].some((t) => !after.has(t))) {
      await this.leases.deleteMany({ appId: app.id, timerId: { $nin: [...after] } });
    }
    return OK;
  }

  // lists from summaries and indexes (mongo/application-lists.ts)
  async listApplications(q: ApplicationQuery): Promise<{ total: number; items: Application[] }> { return listApplications(this.applications, q); }
  async listApplicationSummaries(q: ApplicationQuery): Promise<SummaryPage> { return listApplicationSummaries(this.applications, q); }
  async findUnitCommittee(u: UnitCommitteeQuery): Promise<string | null> { return findUnitCommittee(this.applications, u); }

  async countInFlight(workflowKey: string): Promise<{ version: number; count: number }[]> {
    // the flow state is stored as a string (_workflow): select by status in the query, read the state of these only
    const docs = await this.applications
      .find({ 'pinned.workflowKey': workflowKey, status: { $in: ['submitted', 'returned', 'passed'] } }, { projection: { pinned: 1, _workflow: 1 } })
      .toArray();
    const counts = new Map<number, number>();
    for (const d of docs) {
      const version = (d.pinned as { workflow?: unknown } | undefined)?.workflow;
      const status = typeof d._workflow === 'string' ? (JSON.parse(d._workflow) as { status?: string }).status : undefined;
      if (typeof version !== 'number' || (status !== 'new' && status !== 'active')) continue;
      counts.set(version, (counts.get(version) ?? 0) + 1);
    }
    return [...counts].sort(([a], [b]) => a - b).map(([version, count]) => ({ version, count }));
  }

  async queryTasks(q: TaskQuery): Promise<{ total: number; items: OpenTaskRow[] }> {
    if (q.assignments.length === 0) return { total: 0, items: [] };
    // FerretDB 1.x has no $elemMatch on sub-document fields: pre-select through the multikey index, then unwind
    const pre: Filter<Stored> = {
      'openTasks.role': { $in: [...new Set(q.assignments.map((a) => a.role))] },
      'openTasks.orgId': { $in: [...new Set(q.assignments.map((a) => a.orgId))] },
    };
    if (q.campaignId !== undefined) pre.campaignId = q.campaignId;
    if (q.seriesKey !== undefined) pre.seriesKey = q.seriesKey;
    if (q.levelKey !== undefined) pre.levelKey = q.levelKey;
    Object.assign(pre, applicationFilter({ applicantName: q.applicantName }));
    const task: Document[] = [
      { $or: q.assignments.map((a) => ({ 'openTasks.role': a.role, 'openTasks.orgId': a.orgId })) },
      { $or: [{ 'openTasks.assignee': { $exists: false } }, { 'openTasks.assignee': null }, { 'openTasks.assignee': q.userId }] },
    ];
    if (q.elementId !== undefined) task.push({ 'openTasks.elementId': q.elementId });
    if (q.overdueAt !== undefined) task.push({ 'openTasks.dueAt': { $lt: q.overdueAt } });
    // $project first: FerretDB's $unwind keeps only _id and the unwound field, MongoDB keeps all; make both the same
    const pipeline: Document[] = [{ $match: pre }, { $project: { openTasks: 1 } }, { $unwind: '$openTasks' }, { $match: { $and: task } }];
    const counted = await this.applications.aggregate<{ n: number }>([...pipeline, { $count: 'n' }]).toArray();
    const total = counted[0]?.n ?? 0;
    const rows = q.sort === 'due' ? await this.tasksByDue(pipeline, q.offset ?? 0, q.limit ?? 50) : await this.applications
      .aggregate<{ _id: string; openTasks: Application['openTasks'][number] }>([
        ...pipeline,
        { $sort: { 'openTasks.createdAt': 1, _id: 1, 'openTasks.taskId': 1 } },
        { $skip: q.offset ?? 0 },
        { $limit: q.limit ?? 50 },
      ])
      .toArray();
    const ids = [...new Set(rows.map((r) => r._id))];
    const apps = new Map(
      (
        await this.applications
          .find({ _id: { $in: ids } }, { projection: { campaignId: 1, seriesKey: 1, levelKey: 1, applicantName: 1 } })
          .toArray()
      ).map((d) => [d._id, d]),
    );
    const items: OpenTaskRow[] = [];
    for (const r of rows) {
      const a = apps.get(r._id);
      if (!a) continue; // deleted between the two reads
      const t = r.openTasks;
      items.push({
        applicationId: r._id,
        taskId: t.taskId,
        elementId: t.elementId,
        name: t.name,
        role: t.role,
        orgId: t.orgId,
        createdAt: t.createdAt,
        ...(t.dueAt != null ? { dueAt: t.dueAt } : {}),
        ...(t.assignee != null ? { assignee: t.assignee } : {}),
        campaignId: String(a.campaignId),
        seriesKey: String(a.seriesKey),
        levelKey: String(a.levelKey),
        applicantName: String(a.applicantName),
      });
    }
    return { total, items };
  }

  /** nearest 办理期限 first, tasks without one after them (MongoDB would sort a missing dueAt first) */
  private async tasksByDue(pipeline: Document[], offset: number, limit: number): Promise<{ _id: string; openTasks: Application['openTasks'][number] }[]> {
    type R = { _id: string; openTasks: Application['openTasks'][number] };
    const withDue = [...pipeline, { $match: { 'openTasks.dueAt': { $exists: true } } }];
    const dated = (await this.applications.aggregate<{ n: number }>([...withDue, { $count: 'n' }]).toArray())[0]?.n ?? 0;
    const first = offset < dated
      ? await this.applications.aggregate<R>([...withDue, { $sort: { 'openTasks.dueAt': 1, 'openTasks.createdAt': 1, _id: 1, 'openTasks.taskId': 1 } }, { $skip: offset }, { $limit: limit }]).toArray()
      : [];
    if (first.length >= limit) return first;
    const rest = await this.applications
      .aggregate<R>([...pipeline, { $match: { 'openTasks.dueAt': { $exists: false } } }, { $sort: { 'openTasks.createdAt': 1, _id: 1, 'openTasks.taskId': 1 } }, { $skip: Math.max(0, offset - dated) }, { $limit: limit - first.length }])
      .toArray();
    return [...first, ...rest];
  }

  async queryDoneTasks(q: TaskHistoryQuery): Promise<Page<DoneTaskRow>> { return queryDoneTasks(this.applications, q); }
  async queryCopies(q: TaskHistoryQuery): Promise<Page<CopyRow>> { return queryCopies(this.applications, q); }

  async claimDueTimers(now: string, owner: string, leaseUntil: string, limit: number): Promise<DueTimerRow[]> {
    if (limit <= 0) return [];
    const cursor = this.applications.aggregate<{ _id: string; timers: { timerId: string; dueAt: string } }>([
      { $match: { 'timers.dueAt': { $lte: now } } },
      { $project: { timers: 1 } },
      { $unwind: '$timers' },
      { $match: { 'timers.dueAt': { $lte: now } } },
      { $sort: { 'timers.dueAt': 1, _id: 1, 'timers.timerId': 1 } },
    ]);
    const claimed: DueTimerRow[] = [];
    try {
      let batch: DueTimerRow[] = [];
      const flush = async () => {
        const keys = batch.map((t) => `${t.applicationId}/${t.timerId}`);
        const latest = new Map<string, LeaseDoc>();
        for (const l of await this.leases.find({ key: { $in: keys } }).toArray()) {
          const seen = latest.get(l.key);
          if (!seen || l.gen > seen.gen) latest.set(l.key, l);
        }
        for (const t of batch) {
          if (claimed.length >= limit) return;
          const key = `${t.applicationId}/${t.timerId}`;
          const held = latest.get(key);
          if (held && held.leaseUntil >= now) continue;
          const gen = (held?.gen ?? 0) + 1;
          try {
            // generations are never reused while the timer exists, so one insert decides the holder
            await this.leases.insertOne({ _id: `${key}#${gen}`, key, appId: t.applicationId, timerId: t.timerId, gen, owner, leaseUntil });
            claimed.push(t);
          } catch (e) {
            if (!isDuplicateKey(e)) throw e; // another process took this generation first
          }
        }
        batch = [];
      };
      for await (const r of cursor) {
        batch.push({ applicationId: r._id, timerId: r.timers.timerId, dueAt: r.timers.dueAt });
        if (batch.length >= Math.max(limit, 50)) await flush();
        if (claimed.length >= limit) break;
      }
      if (batch.length && claimed.length < limit) await flush();
    } finally {
      await cursor.close();
    }
    return claimed;
  }

  // ---- notifications and deliveries (mongo/notifications.ts) ----
  async listDueTimers(before: string, limit: number): Promise<DueTimerRow[]> { return this.notes.listDueTimers(before, limit); }
  async addNotifications(list: NotificationInput[]): Promise<number> { return this.notes.add(list); }
  async listNotifications(userId: string, q: NotificationQuery) { return this.notes.list(userId, q); }
  async markNotificationsRead(userId: string, ids: string[] | 'all', at: string): Promise<number> { return this.notes.markRead(userId, ids, at); }
  async claimDueDeliveries(now: string, owner: string, leaseUntil: string, limit: number): Promise<ClaimedDelivery[]> { return this.notes.claim(now, owner, leaseUntil, limit); }
  async finishDelivery(id: string, outcome: DeliveryOutcome): Promise<void> { await this.notes.finish(id, outcome); }
  async listDeliveries(q: DeliveryQuery) { return this.notes.listDeliveries(q); }
  async getDelivery(id: string) { return this.notes.getDelivery(id); }
  // ---- operational records: `_id` = kind:id, written with the same claim + outbox protocol as users ----
  async putRecord(rec: StoredRecord, expectedVersion: number | null, audit: AuditInput[]): Promise<WriteResult> {
    const doc = { ...json(rec), keys: [...new Set(rec.keys)], _id: `${rec.kind}:${rec.id}` };
    if (expectedVersion === null) {
      if (rec.version !== 1) return conflict('新记录的版本号必须为 1');
      return this.writes.insert(this.records, doc, audit, '该记录已存在');
    }
    if (rec.version !== expectedVersion + 1) return conflict('版本号必须递增 1');
    const res = await this.writes.replace(this.records, doc._id, 'version', expectedVersion, doc, audit, '该记录已被他人修改，请刷新后重试');
    return res.ok ? OK : { ok: false, code: res.code, message: res.message };
  }
  async getRecord<B = unknown>(kind: RecordKind, id: string): Promise<StoredRecord<B> | null> {
    const d = await this.records.findOne({ _id: `${kind}:${id}` });
    return d ? strip<StoredRecord<B>>(d) : null;
  }
  async listRecords<B = unknown>(q: RecordQuery): Promise<{ total: number; items: StoredRecord<B>[] }> {
    const keys = [...new Set(q.keys ?? [])];
    const filter: Filter<Stored> = keys.length ? { kind: q.kind, keys: { $all: keys } } : { kind: q.kind };
    const [total, docs] = await Promise.all([
      this.records.countDocuments(filter),
      this.records.find(filter).sort({ kind: 1, id: 1 }).skip(q.offset ?? 0).limit(q.limit).toArray(),
    ]);
    return { total, items: docs.map((d) => strip<StoredRecord<B>>(d)) };
  }
  async listAllRecords(): Promise<StoredRecord[]> {
    return (await this.records.find({}).sort({ kind: 1, id: 1 }).toArray()).map((d) => strip<StoredRecord>(d));
  }
  async importRecords(recs: StoredRecord[]): Promise<void> {
    for (const r of recs) {
      try {
        await this.records.insertOne({ ...json(r), _id: `${r.kind}:${r.id}`, _auditOutbox: [] });
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
      }
    }
  }

  async listAllNotifications() { return this.notes.listAll(); }
  async importNotifications(n: NotificationRecord[], d: DeliveryRow[]): Promise<void> { await this.notes.importRows(n, d); }

  // ---- counters: an insert-only ledger of revisions ----
  private async latestCounter(key: string): Promise<{ rev: number; value: number }> {
    const d = await this.counters.find({ key }).sort({ rev: -1 }).limit(1).next();
    return d ? { rev: d.rev, value: d.value } : { rev: 0, value: 0 };
  }

  async adjustCounter(key: string, delta: number, limit: number | null): Promise<{ ok: boolean; value: number }> {
    for (let attempt = 0; attempt < MAX_RETRIES; attempt++) {
      const cur = await this.latestCounter(key);
      const next = cur.value + delta;
      if (next < 0 || (limit !== null && next > limit)) return { ok: false, value: cur.value };
      try {
        await this.counters.insertOne({ _id: `${key}#${cur.rev + 1}`, key, rev: cur.rev + 1, value: next });
        return { ok: true, value: next };
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
        // another process moved the counter first: read again (with a little jitter under contention)
        if (attempt > 3) await new Promise((r) => setTimeout(r, Math.random() * Math.min(50, attempt * 2)));
      }
    }
    throw new Error(`计数器 ${key} 并发冲突过多`);
  }

  async getCounter(key: string): Promise<number> {
    return (await this.latestCounter(key)).value;
  }

  async listCounters(): Promise<{ key: string; value: number }[]> {
    const latest = new Map<string, CounterDoc>();
    for (const d of await this.counters.find({}, { projection: { key: 1, rev: 1, value: 1 } }).toArray()) {
      const seen = latest.get(d.key);
      if (!seen || d.rev > seen.rev) latest.set(d.key, d);
    }
    return [...latest.values()].map((d) => ({ key: d.key, value: d.value })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  // ---- idempotency ----
  async rememberOnce(key: string, value: string): Promise<string> {
    try {
      await this.idempotency.insertOne({ _id: key, value });
      return value;
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      const d = await this.idempotency.findOne({ _id: key });
      return d ? d.value : value;
    }
  }

  async recall(key: string): Promise<string | null> {
    return (await this.idempotency.findOne({ _id: key }))?.value ?? null;
  }

  async listIdempotency(): Promise<{ key: string; value: string }[]> {
    return (await this.idempotency.find({}).sort({ _id: 1 }).toArray()).map((d) => ({ key: d._id, value: d.value }));
  }

  // ---- files (GridFS) ----
  private async blobExists(hash: string): Promise<boolean> {
    return (await this.db.collection<Stored>(`${FILES_BUCKET}.files`).countDocuments({ _id: hash }, { limit: 1 })) > 0;
  }

  private upload(hash: string, bytes: Buffer): Promise<void> {
    return new Promise((resolve, reject) => {
      const s = this.bucket.openUploadStreamWithId(gridId(hash), hash);
      s.once('finish', () => resolve());
      s.once('error', reject);
      s.end(bytes);
    });
  }

  async putFile(bytes: Buffer, meta: Omit<FileMeta, 'hash' | 'size'>): Promise<FileMeta> {
    const hash = createHash('sha256').update(bytes).digest('hex');
    if (!(await this.blobExists(hash))) {
      try {
        await this.upload(hash, bytes);
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
        // the same bytes are being uploaded by someone else, or a crashed upload left chunks behind
        let done = false;
        for (let i = 0; i < 40 && !done; i++) {
          done = await this.blobExists(hash);
          if (!done) await new Promise((r) => setTimeout(r, 50));
        }
        if (!done) {
          await this.db.collection(`${FILES_BUCKET}.chunks`).deleteMany({ files_id: hash });
          await this.upload(hash, bytes);
        }
      }
    }
    // metadata only after the bytes: a file with metadata is always complete; the first upload's name is kept
    try {
      await this.filesMeta.insertOne({ _id: hash, size: bytes.length, ...json(meta) });
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
    }
    return { ...meta, hash, size: bytes.length };
  }

  async getFile(hash: string): Promise<{ meta: FileMeta; bytes: Buffer } | null> {
    if (!/^[0-9a-f]{64}$/.test(hash)) return null;
    const m = await this.filesMeta.findOne({ _id: hash });
    if (!m) return null;
    const chunks: Buffer[] = [];
    try {
      for await (const c of this.bucket.openDownloadStream(gridId(hash))) chunks.push(c as Buffer);
    } catch (e) {
      if (e instanceof Error && /FileNotFound|not found/i.test(e.message)) return null;
      throw e;
    }
    return { meta: { hash, size: m.size, mime: m.mime, name: m.name, createdAt: m.createdAt, createdBy: m.createdBy }, bytes: Buffer.concat(chunks) };
  }

  async listFiles(): Promise<FileMeta[]> {
    return (await this.filesMeta.find({}).sort({ _id: 1 }).toArray()).map((m) => ({
      hash: m._id,
      size: m.size,
      mime: m.mime,
      name: m.name,
      createdAt: m.createdAt,
      createdBy: m.createdBy,
    }));
  }

  // ---- lifecycle ----
  async isEmpty(): Promise<boolean> {
    return (await this.definitions.countDocuments({}, { limit: 1 })) === 0;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.sweeper) clearInterval(this.sweeper);
    await this.writes.settle();
    await this.client.close();
  }
}
