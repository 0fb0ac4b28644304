// Collections and indexes of the MongoDB adapter, created (idempotently) every time a server instance opens the store.
// Only plain, sparse and unique single/compound indexes: FerretDB 1.x refuses partialFilterExpression.
import type { Db, IndexDescription } from 'mongodb';

export const COLLECTIONS = {
  definitions: 'definitions',
  orgs: 'orgs',
  users: 'users',
  sessions: 'sessions',
  applications: 'applications',
  timerLeases: 'timer_leases',
  counters: 'counters',
  idempotency: 'idempotency',
  audit: 'audit',
  /** write claims and audit-outbox markers of writes in flight (see mongo-store.ts) */
  pendingWrites: 'pending_writes',
  filesMeta: 'files_meta',
  /** C1 claims: one application per person per year per grade (one-per-year-claims.ts) */
  onePerYear: 'one_per_year_claims',
  /** the message centre and the delivery queue (notifications.ts) */
  notifications: 'notifications',
  deliveries: 'deliveries',
  deliveryLeases: 'delivery_leases',
  /** experts, sessions, draws, the exchange outbox … (Store.putRecord) */
  records: 'records',
} as const;

export const FILES_BUCKET = 'files';

const INDEXES: Record<string, IndexDescription[]> = {
  [COLLECTIONS.definitions]: [{ key: { kind: 1, key: 1, version: -1 }, name: 'by_kind_key_version' }],
  [COLLECTIONS.users]: [
    { key: { login: 1 }, name: 'login_unique', unique: true },
    // who holds a role at an org (user-roles.ts): multikey over the roles array; the staff pages by kind
    { key: { 'roles.role': 1, 'roles.orgId': 1 }, name: 'by_role_org' },
    { key: { kind: 1, _id: 1 }, name: 'by_kind' },
  ],
  [COLLECTIONS.sessions]: [{ key: { userId: 1 }, name: 'by_user' }],
  [COLLECTIONS.applications]: [
    // the public certificate check and revocation find an application by its certificate number
    { key: { 'certificate.number': 1 }, name: 'by_certificate_number', sparse: true },
    // the inbox: open tasks by role and org (multikey over the openTasks array)
    { key: { 'openTasks.role': 1, 'openTasks.orgId': 1 }, name: 'open_tasks_by_role_org' },
    // the scheduler: due timers
    { key: { 'timers.dueAt': 1 }, name: 'timers_by_due' },
    { key: { applicantId: 1, updatedAt: -1 }, name: 'by_applicant' },
    { key: { campaignId: 1, status: 1 }, name: 'by_campaign_status' },
    { key: { _routedOrgs: 1 }, name: 'by_routed_org' },
    // who may see it: the task addresses its flow has reached (domain/workflow/reach.ts)
    { key: { _reachedBy: 1 }, name: 'by_reached' },
    { key: { updatedAt: -1, _id: 1 }, name: 'by_updated' },
    // the lists (application-lists.ts): a page of each common filter in order from its index
    { key: { campaignId: 1, updatedAt: -1, _id: 1 }, name: 'by_campaign_updated' },
    // a level key names its series too
    { key: { campaignId: 1, levelKey: 1, updatedAt: -1, _id: 1 }, name: 'by_campaign_of_level_updated' },
    { key: { campaignId: 1, status: 1, updatedAt: -1, _id: 1 }, name: 'by_campaign_status_updated' },
    // rosters, in the order people applied
    { key: { campaignId: 1, submittedAt: 1, _id: 1 }, name: 'by_campaign_submitted' },
    { key: { campaignId: 1, levelKey: 1, submittedAt: 1, _id: 1 }, name: 'by_campaign_of_level_submitted' },
    // 已办 and 抄送我的 (task-history.ts): multikey over the doneTasks and copies arrays
    { key: { 'doneTasks.userId': 1 }, name: 'done_tasks_by_user' },
    { key: { 'copies.userId': 1 }, name: 'copies_by_user' },
  ],
  [COLLECTIONS.timerLeases]: [
    { key: { key: 1, gen: -1 }, name: 'by_timer_generation', unique: true },
    { key: { appId: 1 }, name: 'by_application' },
  ],
  [COLLECTIONS.counters]: [{ key: { key: 1, rev: -1 }, name: 'by_key_revision', unique: true }],
  [COLLECTIONS.audit]: [
    { key: { seq: 1 }, name: 'seq_unique', unique: true },
    // one audit record per outbox entry input, whoever drains it and however often
    { key: { outboxId: 1 }, name: 'outbox_id_unique', unique: true, sparse: true },
  ],
  [COLLECTIONS.pendingWrites]: [{ key: { at: 1 }, name: 'by_age' }],
  [COLLECTIONS.notifications]: [{ key: { userId: 1, createdAt: -1 }, name: 'by_user_created' }],
  [COLLECTIONS.deliveries]: [{ key: { status: 1, nextAttemptAt: 1 }, name: 'by_status_due' }],
  // a list by kind and index terms, ordered by id (multikey over keys)
  [COLLECTIONS.records]: [{ key: { kind: 1, keys: 1, id: 1 }, name: 'by_kind_keys_id' }, { key: { kind: 1, id: 1 }, name: 'by_kind_id' }],
  [COLLECTIONS.deliveryLeases]: [{ key: { deliveryId: 1, gen: -1 }, name: 'by_delivery_generation', unique: true }],
};

/**
 * Atomic mode only (guarded-writes.ts): the sweeper's look-up of documents whose outbox may be undrained. FerretDB
 * (claims mode) does not get it: each index costs every write, and there the claims are the markers.
 */
const OUTBOX_TOKEN_INDEX: IndexDescription = { key: { _outboxToken: 1 }, name: 'outbox_token', sparse: true };
/** the collections whose documents carry an audit outbox (guarded-writes.ts) */
export const OUTBOX_COLLECTIONS: string[] = [COLLECTIONS.applications, COLLECTIONS.users, COLLECTIONS.definitions, COLLECTIONS.records];

export async function ensureIndexes(db: Db, o: { outboxTokens?: boolean } = {}): Promise<void> {
  const existing = new Set((await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name));
  for (const name of Object.values(COLLECTIONS)) {
    if (!existing.has(name)) {
      try {
        await db.createCollection(name);
      } catch (e) {
        // another instance created it in the meantime
        if (!isNamespaceExists(e)) throw e;
      }
    }
    // only the missing ones, one at a time: FerretDB 1.24 panics ("slice bounds out of range [:4:3]") and drops the
    // connection when createIndexes names several indexes that all exist already (a second instance opening)
    const present = new Set((await db.collection(name).listIndexes().toArray()).map((i) => String(i.name)));
    const wanted = [...(INDEXES[name] ?? []), ...(o.outboxTokens && OUTBOX_COLLECTIONS.includes(name) ? [OUTBOX_TOKEN_INDEX] : [])];
    for (const idx of wanted) {
      if (!present.has(String(idx.name))) await db.collection(name).createIndexes([idx]);
    }
  }
}

function isNamespaceExists(e: unknown): boolean {
  return typeof e === 'object' && e !== null && 'code' in e && (e as { code: unknown }).code === 48;
}
