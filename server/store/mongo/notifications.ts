// Notifications and their delivery queue on MongoDB (and FerretDB 1.x), built like the rest of the adapter on the
// one atomic primitive both have: inserting under a unique `_id`.
//
// - A notification is stored under its id, each delivery under `${id}:${channel}`; a second insert of either is a
//   duplicate key and keeps the first, so draining an outbox entry twice, or from two processes, stores each once.
//   Deliveries go in before their notification: a notification present means its deliveries are too.
// - Delivery leases are insert-only generations (`${deliveryId}#${gen}`), as timer leases are: taking a free or
//   expired lease is inserting the next generation, so one insert decides the holder. Finishing inserts a released
//   generation (leaseUntil '') so a retry is due at once instead of after the lease.
import type { Collection, Db, Filter } from 'mongodb';
import type { DeliveryOutcome, DeliveryRow, NotificationInput, NotificationRecord } from '../../domain/notifications/types.js';
import type { ClaimedDelivery, DeliveryQuery, DueTimerRow, NotificationQuery } from '../port.js';
import { isDuplicateKey, type OutboxEntry } from './audit-outbox.js';
import { COLLECTIONS } from './indexes.js';

type NotificationDoc = NotificationRecord & { _id: string };
type DeliveryDoc = DeliveryRow & { _id: string };
interface DeliveryLeaseDoc {
  _id: string;
  deliveryId: string;
  gen: number;
  owner: string;
  leaseUntil: string;
}

const json = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

function toRecord(d: NotificationDoc): NotificationRecord {
  const { _id: _i, ...rest } = d;
  return rest;
}

function toDelivery(d: DeliveryDoc): DeliveryRow {
  const { _id: _i, ...rest } = d;
  return rest;
}

export class MongoNotifications {
  private readonly notifications: Collection<NotificationDoc>;
  private readonly deliveries: Collection<DeliveryDoc>;
  private readonly leases: Collection<DeliveryLeaseDoc>;

  constructor(
    db: Db,
    private readonly applications: Collection<{ _id: string }>,
  ) {
    this.notifications = db.collection<NotificationDoc>(COLLECTIONS.notifications);
    this.deliveries = db.collection<DeliveryDoc>(COLLECTIONS.deliveries);
    this.leases = db.collection<DeliveryLeaseDoc>(COLLECTIONS.deliveryLeases);
  }

  /** an outbox entry's notifications, stored once however often the entry is drained */
  async drain(entry: OutboxEntry): Promise<void> {
    if (entry.notifications?.length) await this.add(entry.notifications);
  }

  /**
   * Before a guarded write prunes the drained entries: an entry with notifications but no audit inputs has no audit
   * record that would say it was drained, so its notifications are stored now (once, as always).
   */
  async drainUnaudited(entries: OutboxEntry[]): Promise<OutboxEntry[]> {
    for (const e of entries) if (e.inputs.length === 0) await this.drain(e);
    return entries;
  }

  /** returns how many notifications were new */
  async add(list: NotificationInput[]): Promise<number> {
    let added = 0;
    for (const n of json(list)) {
      for (const channel of new Set(n.channels)) {
        const id = `${n.id}:${channel}`;
        await this.insertOnce(this.deliveries, { _id: id, id, notificationId: n.id, channel, status: 'pending', attempts: 0, nextAttemptAt: n.createdAt });
      }
      if (await this.insertOnce(this.notifications, { ...n, _id: n.id })) added += 1;
    }
    return added;
  }

  private async insertOnce<D extends { _id: string }>(coll: Collection<D>, doc: D): Promise<boolean> {
    try {
      await coll.insertOne(doc as Parameters<Collection<D>['insertOne']>[0]);
      return true;
    } catch (e) {
      if (isDuplicateKey(e)) return false;
      throw e;
    }
  }

  async list(userId: string, q: NotificationQuery): Promise<{ total: number; unread: number; items: NotificationRecord[] }> {
    const unreadFilter: Filter<NotificationDoc> = { userId, readAt: { $exists: false } };
    const filter: Filter<NotificationDoc> = q.unreadOnly ? unreadFilter : { userId };
    const unread = await this.notifications.countDocuments(unreadFilter);
    const total = q.unreadOnly ? unread : await this.notifications.countDocuments(filter);
    const docs = await this.notifications
      .find(filter)
      .sort({ createdAt: -1, _id: -1 })
      .skip(q.offset ?? 0)
      .limit(q.limit ?? 20)
      .toArray();
    return { total, unread, items: docs.map(toRecord) };
  }

  async markRead(userId: string, ids: string[] | 'all', at: string): Promise<number> {
    const filter: Filter<NotificationDoc> = { userId, readAt: { $exists: false } };
    if (ids !== 'all') filter._id = { $in: ids };
    return (await this.notifications.updateMany(filter, { $set: { readAt: at } })).modifiedCount;
  }

  private async latestLeases(deliveryIds: string[]): Promise<Map<string, DeliveryLeaseDoc>> {
    const latest = new Map<string, DeliveryLeaseDoc>();
    if (deliveryIds.length === 0) return latest;
    for (const l of await this.leases.find({ deliveryId: { $in: deliveryIds } }).toArray()) {
      const seen = latest.get(l.deliveryId);
      if (!seen || l.gen > seen.gen) latest.set(l.deliveryId, l);
    }
    return latest;
  }

  async claim(now: string, owner: string, leaseUntil: string, limit: number): Promise<ClaimedDelivery[]> {
    if (limit <= 0) return [];
    const due = await this.deliveries
      .find({ status: 'pending', nextAttemptAt: { $lte: now } })
      .sort({ nextAttemptAt: 1, _id: 1 })
      .limit(Math.max(limit * 4, 50))
      .toArray();
    const latest = await this.latestLeases(due.map((d) => d._id));
    const claimed: ClaimedDelivery[] = [];
    for (const d of due) {
      if (claimed.length >= limit) break;
      const held = latest.get(d._id);
      if (held && held.leaseUntil >= now) continue;
      const gen = (held?.gen ?? 0) + 1;
      try {
        await this.leases.insertOne({ _id: `${d._id}#${gen}`, deliveryId: d._id, gen, owner, leaseUntil });
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
        continue; // another process took this generation first
      }
      // read again under the lease: it may have been finished since the query above
      const cur = await this.deliveries.findOne({ _id: d._id });
      if (!cur || cur.status !== 'pending' || cur.nextAttemptAt > now) {
        await this.release(d._id, gen);
        continue;
      }
      // only the lease holder writes the attempt count
      await this.deliveries.updateOne({ _id: d._id }, { $set: { attempts: cur.attempts + 1 } });
      const n = await this.notifications.findOne({ _id: cur.notificationId });
      if (!n) {
        await this.release(d._id, gen); // its notification is still being drained
        continue;
      }
      claimed.push({ delivery: toDelivery({ ...cur, attempts: cur.attempts + 1 }), notification: toRecord(n) });
    }
    return claimed;
  }

  private async release(deliveryId: string, heldGen: number): Promise<void> {
    try {
      await this.leases.insertOne({ _id: `${deliveryId}#${heldGen + 1}`, deliveryId, gen: heldGen + 1, owner: '', leaseUntil: '' });
    } catch (e) {
      if (!isDuplicateKey(e)) throw e; // taken over already
    }
  }

  async finish(id: string, o: DeliveryOutcome): Promise<void> {
    const cur = await this.deliveries.findOne({ _id: id });
    if (!cur || cur.status === 'sent') return;
    if (o.status === 'sent') {
      await this.deliveries.updateOne({ _id: id, status: { $ne: 'sent' } }, { $set: { status: 'sent', sentAt: o.at }, $unset: { lastError: '' } });
    } else {
      const next = o.status === 'pending' ? o.nextAttemptAt : o.at;
      await this.deliveries.updateOne({ _id: id, status: { $ne: 'sent' } }, { $set: { status: o.status, lastError: o.error, nextAttemptAt: next } });
    }
    const held = (await this.latestLeases([id])).get(id);
    if (held && held.leaseUntil !== '') await this.release(id, held.gen);
  }

  async getDelivery(id: string): Promise<DeliveryRow | null> {
    const d = await this.deliveries.findOne({ _id: id });
    return d ? toDelivery(d) : null;
  }

  async listDeliveries(q: DeliveryQuery): Promise<{ total: number; items: DeliveryRow[] }> {
    const filter: Filter<DeliveryDoc> = q.status ? { status: q.status } : {};
    const total = await this.deliveries.countDocuments(filter);
    const docs = await this.deliveries
      .find(filter)
      .sort({ nextAttemptAt: -1, _id: 1 })
      .skip(q.offset ?? 0)
      .limit(q.limit ?? 50)
      .toArray();
    return { total, items: docs.map(toDelivery) };
  }

  async listDueTimers(before: string, limit: number): Promise<DueTimerRow[]> {
    if (limit <= 0) return [];
    const rows = await this.applications
      .aggregate<{ _id: string; timers: { timerId: string; dueAt: string } }>([
        { $match: { 'timers.dueAt': { $lte: before } } },
        { $project: { timers: 1 } },
        { $unwind: '$timers' },
        { $match: { 'timers.dueAt': { $lte: before } } },
        { $sort: { 'timers.dueAt': 1, _id: 1, 'timers.timerId': 1 } },
        { $limit: limit },
      ])
      .toArray();
    return rows.map((r) => ({ applicationId: r._id, timerId: r.timers.timerId, dueAt: r.timers.dueAt }));
  }

  /** every notification with its read mark, for store export */
  async listAll(): Promise<NotificationRecord[]> {
    return (await this.notifications.find({}).sort({ createdAt: 1, _id: 1 }).toArray()).map(toRecord);
  }

  /** store import: documents as exported, read marks and delivery state kept */
  async importRows(notifications: NotificationRecord[], deliveries: DeliveryRow[]): Promise<void> {
    for (const n of json(notifications)) await this.insertOnce(this.notifications, { ...n, _id: n.id });
    for (const d of json(deliveries)) await this.insertOnce(this.deliveries, { ...d, _id: d.id });
  }
}
