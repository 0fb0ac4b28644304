// Guarded writes (applications, users, drafts, records) and the audit outbox that rides in them, in two modes
// chosen when the store opens (atomic-updates.ts); docs/architecture.md "MongoDB guarded writes at scale".
//
// - Claims mode (FerretDB 1.x, whose conditional update is read, filter, then write by _id, so concurrent
//   `replaceOne({_id, version: v})` can all match): the writer of version v+1 first inserts a claim
//   `pending_writes/{coll}:{id}:{inc}:{v+1}` — an insert under a unique key is atomic everywhere, so only one writer
//   holds it — then replaces the document with filter `{_id, version: v}`. The claim names the outbox entry, so a
//   writer that stops before draining leaves a marker the sweeper finds.
// - Atomic mode (MongoDB proper): the filter `{_id, version: v}` of the replace is the guard (a single-document
//   write is atomic there), no claim. The document itself carries the marker: `_outboxToken` is set while its
//   outbox may hold undrained entries (sparse index), and cleared, with the drained entries, after the drain.
//
// In both modes the outbox entry is in the written document (one atomic write) and drained into the audit chain
// before the write returns (audit-outbox.ts). Claims mode deletes its claim afterwards, in batches (follow-ups.ts).
// Drainers never write the document in claims mode (FerretDB could overwrite a newer version). In atomic mode the
// prune is conditional on the token, which only the write that drained those entries has; it is awaited, not
// batched, so that the atomic mode forced on FerretDB (specs) stays correct for one writer at a time — a prune
// sent later would race that writer's next replace there.
import { randomUUID } from 'node:crypto';
import type { Collection, Db, Document, Filter } from 'mongodb';
import type { NotificationInput } from '../../domain/notifications/types.js';
import type { AuditTrust } from '../audit-trust.js';
import type { AuditInput, WriteResult } from '../port.js';
import { isDuplicateKey, outboxIdOf, undrained, type AuditDoc, type OutboxEntry } from './audit-outbox.js';
import { ChainAppender } from './chain-appender.js';
import { FollowUps, RecentIds } from './follow-ups.js';
import { COLLECTIONS, OUTBOX_COLLECTIONS } from './indexes.js';
import type { MongoNotifications } from './notifications.js';

export type Stored = Document & { _id: string };
export type VersionField = 'version' | '_rev';
export interface PendingWrite {
  _id: string;
  coll: string;
  docId: string;
  entryId?: string;
  at: number;
}


const OK: WriteResult = { ok: true };
const conflict = (message: string): WriteResult => ({ ok: false, code: 'conflict', message });
const json = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

export interface GuardedWritesOptions {
  atomic: boolean;
  abandonedAfterMs: number;
  trust: AuditTrust;
}

export class GuardedWrites {
  readonly atomic: boolean;
  private readonly audit: Collection<AuditDoc>;
  private readonly pending: Collection<PendingWrite>;
  private readonly followUps = new FollowUps();
  /** concurrent writers of this instance append to the chain in one batch (chain-appender.ts) */
  private readonly appender: ChainAppender;
  /** entries this process appended completely: a later write need not ask the audit log about them */
  private readonly drained = new RecentIds(20_000);
  private sweeping: Promise<void> | undefined;

  constructor(
    private readonly db: Db,
    private readonly notes: MongoNotifications,
    private readonly opts: GuardedWritesOptions,
  ) {
    this.atomic = opts.atomic;
    this.audit = db.collection<AuditDoc>(COLLECTIONS.audit);
    this.pending = db.collection<PendingWrite>(COLLECTIONS.pendingWrites);
    this.appender = new ChainAppender(this.audit, opts.trust);
  }

  /**
   * Drains audit outboxes left by writers that stopped between their write and their drain, and removes write
   * claims of crashed writers. Claims younger than abandonedAfterMs may belong to a write in flight: left alone.
   */
  async sweep(): Promise<void> {
    if (this.sweeping) return this.sweeping;
    this.sweeping = (async () => {
      try {
        await this.sweepClaims();
        if (this.atomic) for (const name of OUTBOX_COLLECTIONS) await this.sweepTokens(this.db.collection<Stored>(name));
      } finally {
        this.sweeping = undefined;
      }
    })();
    return this.sweeping;
  }

  private async sweepClaims(): Promise<void> {
    for (const p of await this.pending.find({}).sort({ at: 1 }).toArray()) {
      const abandoned = Date.now() - p.at > this.opts.abandonedAfterMs;
      if (p.entryId) {
        const doc = await this.db.collection<Stored>(p.coll).findOne({ _id: p.docId }, { projection: { _auditOutbox: 1 } });
        const entry = (doc?._auditOutbox as OutboxEntry[] | undefined)?.find((e) => e.id === p.entryId);
        if (entry) {
          await this.drainAll([entry]);
          await this.pending.deleteOne({ _id: p._id, at: p.at });
          continue;
        }
      }
      // no entry in the document: the write never happened (or was drained and pruned since)
      if (abandoned) await this.pending.deleteOne({ _id: p._id, at: p.at });
    }
  }

  /** atomic mode: documents whose outbox is not yet known drained */
  private async sweepTokens(coll: Collection<Stored>): Promise<void> {
    for (const d of await coll.find({ _outboxToken: { $exists: true } }, { projection: { _auditOutbox: 1, _outboxToken: 1 } }).toArray()) {
      await this.drainAll((d._auditOutbox as OutboxEntry[] | undefined) ?? []);
      await this.prune(coll, [String(d._outboxToken)]);
    }
  }

  /** waits for a sweep in progress and the follow-ups queued so far (closing the store) */
  async settle(): Promise<void> {
    await this.sweeping?.catch(() => undefined);
    await this.followUps.flush();
  }

  /** resolves once the claim deletes queued so far are sent */
  async flush(): Promise<void> {
    await this.followUps.flush();
  }

  newEntry(audit: AuditInput[], notifications?: NotificationInput[]): OutboxEntry | null {
    const notes = notifications?.length ? { notifications: json(notifications) } : {};
    return audit.length || notifications?.length ? { id: randomUUID(), inputs: json(audit), ...notes } : null;
  }

  /** inserts the claim; false when another writer holds it (a claim of a crashed writer is taken over once abandoned) */
  async claim(p: PendingWrite): Promise<boolean> {
    try {
      await this.pending.insertOne(p);
      return true;
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      const held = await this.pending.findOne({ _id: p._id });
      if (held && Date.now() - held.at > this.opts.abandonedAfterMs) {
        await this.sweep();
        try {
          await this.pending.insertOne(p);
          return true;
        } catch (e2) {
          if (!isDuplicateKey(e2)) throw e2;
        }
      }
      return false;
    }
  }

  /** notifications first (an entry whose audit is in the log has its notifications stored), then one append */
  async drainAll(entries: OutboxEntry[]): Promise<void> {
    for (const e of entries) await this.notes.drain(e);
    const items = entries.flatMap((e) => e.inputs.map((input, k) => ({ input, outboxId: outboxIdOf(e.id, k) })));
    await this.appender.append(items);
    for (const e of entries) this.drained.add(e.id);
  }

  /** the carried entries that must stay in the document: those not (completely) in the audit log */
  private async stillOwed(entries: OutboxEntry[]): Promise<OutboxEntry[]> {
    const unknown = (await this.notes.drainUnaudited(entries)).filter((e) => !this.drained.has(e.id));
    return undrained(this.audit, unknown);
  }

  private deleteClaimLater(claimId: string): void {
    this.followUps.add('claims', claimId, (ids) => this.pending.deleteMany({ _id: { $in: ids } }));
  }

  /** the write that set a token drained its whole outbox: clear it, unless a newer write replaced the document */
  private async prune(coll: Collection<Stored>, tokens: string[]): Promise<void> {
    await coll.updateMany({ _outboxToken: { $in: tokens } } as Filter<Stored>, { $set: { _auditOutbox: [] }, $unset: { _outboxToken: '' } });
  }

  /** insert of a new document with its audit entry; 'duplicate' when the _id (or a unique field) is taken */
  async insert(coll: Collection<Stored>, doc: Stored, audit: AuditInput[], dupMessage: string, notifications?: NotificationInput[]): Promise<WriteResult> {
    const entry = this.newEntry(audit, notifications);
    if (this.atomic) {
      const token = entry ? randomUUID() : undefined;
      try {
        await coll.insertOne({ ...doc, _auditOutbox: entry ? [entry] : [], ...(token ? { _outboxToken: token } : {}) });
      } catch (e) {
        if (isDuplicateKey(e)) return { ok: false, code: 'duplicate', message: dupMessage };
        throw e;
      }
      if (entry && token) {
        await this.drainAll([entry]);
        await this.prune(coll, [token]);
      }
      return OK;
    }
    const claimId = `${coll.collectionName}:${doc._id}:insert:${randomUUID()}`;
    if (entry) await this.pending.insertOne({ _id: claimId, coll: coll.collectionName, docId: doc._id, entryId: entry.id, at: Date.now() });
    try {
      await coll.insertOne({ ...doc, _auditOutbox: entry ? [entry] : [] });
    } catch (e) {
      if (entry) await this.pending.deleteOne({ _id: claimId });
      if (isDuplicateKey(e)) return { ok: false, code: 'duplicate', message: dupMessage };
      throw e;
    }
    if (entry) {
      await this.drainAll([entry]);
      this.deleteClaimLater(claimId);
    }
    return OK;
  }

  /**
   * Replaces a document whose version field is `expected`. The stored outbox entries not yet drained are carried
   * over, the new entry added. `cur` is the stored document's `field`, `_auditOutbox` and `_inc` when the caller
   * has read them already (one read per write); `gone` when there is no such document.
   */
  async replace(
    coll: Collection<Stored>,
    id: string,
    field: VersionField,
    expected: number,
    next: Stored,
    audit: AuditInput[],
    staleMessage: string,
    notifications?: NotificationInput[],
    cur?: Document | null,
  ): Promise<WriteResult & { gone?: true }> {
    const stored = cur !== undefined ? cur : await coll.findOne({ _id: id }, { projection: { [field]: 1, _auditOutbox: 1, _inc: 1 } });
    if (!stored) return { ...conflict(staleMessage), gone: true };
    if (stored[field] !== expected) return conflict(staleMessage);
    const entry = this.newEntry(audit, notifications);
    const filter = { _id: id, [field]: expected } as Filter<Stored>;
    if (this.atomic) {
      const carried = await this.stillOwed((stored._auditOutbox as OutboxEntry[] | undefined) ?? []);
      const outbox = entry ? [...carried, entry] : carried;
      const token = outbox.length ? randomUUID() : undefined;
      const res = await this.replaceOrRefuse(coll, filter, { ...next, _auditOutbox: outbox, ...(token ? { _outboxToken: token } : {}) }, staleMessage);
      if (!res.ok) return res;
      if (token) {
        await this.drainAll(outbox);
        await this.prune(coll, [token]);
      }
      return OK;
    }
    const inc = typeof stored._inc === 'string' ? stored._inc : '';
    const claimId = `${coll.collectionName}:${id}:${inc}:${expected + 1}`;
    if (!(await this.claim({ _id: claimId, coll: coll.collectionName, docId: id, ...(entry ? { entryId: entry.id } : {}), at: Date.now() }))) {
      return conflict(staleMessage);
    }
    const carried = await this.stillOwed((stored._auditOutbox as OutboxEntry[] | undefined) ?? []);
    const outbox = entry ? [...carried, entry] : carried;
    const res = await this.replaceOrRefuse(coll, filter, { ...next, _auditOutbox: outbox }, staleMessage).catch(async (e: unknown) => {
      await this.pending.deleteOne({ _id: claimId });
      throw e;
    });
    if (!res.ok) {
      await this.pending.deleteOne({ _id: claimId });
      return res;
    }
    await this.drainAll(outbox);
    this.deleteClaimLater(claimId);
    return OK;
  }

  private async replaceOrRefuse(coll: Collection<Stored>, filter: Filter<Stored>, doc: Stored, staleMessage: string): Promise<WriteResult> {
    try {
      const res = await coll.replaceOne(filter, doc);
      return res.matchedCount === 0 ? conflict(staleMessage) : OK;
    } catch (e) {
      if (isDuplicateKey(e)) return { ok: false, code: 'duplicate', message: '该账号已被注册' };
      throw e;
    }
  }
}
