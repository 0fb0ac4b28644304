// Notifications and their delivery queue on SQLite. `writeNotificationsTx` runs inside the caller's transaction,
// so a transition and what it tells people commit together (or not at all).
import type Database from 'better-sqlite3';
import { statementCache } from './statement-cache.js';
import type { DeliveryOutcome, DeliveryRow, NotificationInput, NotificationRecord } from '../../domain/notifications/types.js';
import type { ClaimedDelivery, DeliveryQuery, DueTimerRow, NotificationQuery } from '../port.js';

type Row = Record<string, unknown>;

const DDL = `
CREATE TABLE IF NOT EXISTS notifications (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  read_at TEXT,
  doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS notifications_by_user ON notifications (user_id, created_at);
CREATE TABLE IF NOT EXISTS deliveries (
  id TEXT PRIMARY KEY,
  notification_id TEXT NOT NULL,
  channel TEXT NOT NULL,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  last_error TEXT,
  sent_at TEXT,
  lease_owner TEXT,
  lease_until TEXT
);
CREATE INDEX IF NOT EXISTS deliveries_due ON deliveries (status, next_attempt_at);
`;

export class SqliteNotifications {
  private readonly q: (sql: string) => Database.Statement;

  constructor(private readonly db: Database.Database) {
    db.exec(DDL);
    this.q = statementCache(db);
  }

  /** inside the caller's transaction; returns how many notifications were new */
  writeNotificationsTx(list: NotificationInput[] | undefined): number {
    if (!list?.length) return 0;
    const insN = this.q('INSERT OR IGNORE INTO notifications (id, user_id, created_at, doc) VALUES (?, ?, ?, ?)');
    const insD = this.q(
      "INSERT OR IGNORE INTO deliveries (id, notification_id, channel, status, attempts, next_attempt_at) VALUES (?, ?, ?, 'pending', 0, ?)",
    );
    let added = 0;
    for (const n of list) {
      if (insN.run(n.id, n.userId, n.createdAt, JSON.stringify(n)).changes === 0) continue; // stored before: keep the first
      added += 1;
      for (const channel of new Set(n.channels)) insD.run(`${n.id}:${channel}`, n.id, channel, n.createdAt);
    }
    return added;
  }

  addNotifications(list: NotificationInput[]): number {
    return this.db.transaction(() => this.writeNotificationsTx(list)).immediate();
  }

  listNotifications(userId: string, q: NotificationQuery): { total: number; unread: number; items: NotificationRecord[] } {
    const unread = Number((this.q('SELECT COUNT(*) n FROM notifications WHERE user_id = ? AND read_at IS NULL').get(userId) as Row).n);
    const w = q.unreadOnly ? 'WHERE user_id = ? AND read_at IS NULL' : 'WHERE user_id = ?';
    const total = q.unreadOnly ? unread : Number((this.q(`SELECT COUNT(*) n FROM notifications ${w}`).get(userId) as Row).n);
    const rows = this.q(`SELECT doc, read_at FROM notifications ${w} ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`)
      .all(userId, q.limit ?? 20, q.offset ?? 0) as Row[];
    return { total, unread, items: rows.map(toRecord) };
  }

  markNotificationsRead(userId: string, ids: string[] | 'all', at: string): number {
    if (ids === 'all') return this.q('UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL').run(at, userId).changes;
    return this.q('UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL AND id IN (SELECT value FROM json_each(?))')
      .run(at, userId, JSON.stringify(ids)).changes;
  }

  claimDueDeliveries(now: string, owner: string, leaseUntil: string, limit: number): ClaimedDelivery[] {
    return this.db
      .transaction(() => {
        const rows = this.q(
          `SELECT d.id FROM deliveries d WHERE d.status = 'pending' AND d.next_attempt_at <= ? AND (d.lease_until IS NULL OR d.lease_until < ?)
           ORDER BY d.next_attempt_at, d.id LIMIT ?`,
        ).all(now, now, limit) as Row[];
        const lease = this.q('UPDATE deliveries SET lease_owner = ?, lease_until = ?, attempts = attempts + 1 WHERE id = ?');
        const read = this.q('SELECT d.*, n.doc, n.read_at FROM deliveries d JOIN notifications n ON n.id = d.notification_id WHERE d.id = ?');
        return rows.map((r) => {
          lease.run(owner, leaseUntil, r.id);
          const full = read.get(r.id) as Row;
          return { delivery: toDelivery(full), notification: toRecord(full) };
        });
      })
      .immediate();
  }

  finishDelivery(id: string, o: DeliveryOutcome): void {
    if (o.status === 'sent') {
      this.q("UPDATE deliveries SET status = 'sent', sent_at = ?, last_error = NULL, lease_owner = NULL, lease_until = NULL WHERE id = ? AND status <> 'sent'").run(o.at, id);
    } else {
      const next = o.status === 'pending' ? o.nextAttemptAt : o.at;
      this.q("UPDATE deliveries SET status = ?, last_error = ?, next_attempt_at = ?, lease_owner = NULL, lease_until = NULL WHERE id = ? AND status <> 'sent'")
        .run(o.status, o.error, next, id);
    }
  }

  getDelivery(id: string): DeliveryRow | null {
    const r = this.q('SELECT * FROM deliveries WHERE id = ?').get(id) as Row | undefined;
    return r ? toDelivery(r) : null;
  }

  listDeliveries(q: DeliveryQuery): { total: number; items: DeliveryRow[] } {
    const w = q.status ? 'WHERE status = ?' : '';
    const args = q.status ? [q.status] : [];
    const total = Number((this.q(`SELECT COUNT(*) n FROM deliveries ${w}`).get(...args) as Row).n);
    const rows = this.q(`SELECT * FROM deliveries ${w} ORDER BY next_attempt_at DESC, id LIMIT ? OFFSET ?`).all(...args, q.limit ?? 50, q.offset ?? 0) as Row[];
    return { total, items: rows.map(toDelivery) };
  }

  listDueTimers(before: string, limit: number): DueTimerRow[] {
    const rows = this.q('SELECT app_id, timer_id, due_at FROM due_timers WHERE due_at <= ? ORDER BY due_at, app_id, timer_id LIMIT ?').all(before, limit) as Row[];
    return rows.map((r) => ({ applicationId: String(r.app_id), timerId: String(r.timer_id), dueAt: String(r.due_at) }));
  }

  /** every notification with its read mark, for store export */
  listAllNotifications(): NotificationRecord[] {
    return (this.q('SELECT doc, read_at FROM notifications ORDER BY created_at, id').all() as Row[]).map(toRecord);
  }

  /** store import: rows as exported, read marks and delivery state kept */
  importNotifications(notifications: NotificationRecord[], deliveries: DeliveryRow[]): void {
    this.db
      .transaction(() => {
        const insN = this.q('INSERT OR IGNORE INTO notifications (id, user_id, created_at, read_at, doc) VALUES (?, ?, ?, ?, ?)');
        for (const { readAt, ...n } of notifications) insN.run(n.id, n.userId, n.createdAt, readAt ?? null, JSON.stringify(n));
        const insD = this.q(
          'INSERT OR IGNORE INTO deliveries (id, notification_id, channel, status, attempts, next_attempt_at, last_error, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        );
        for (const d of deliveries) insD.run(d.id, d.notificationId, d.channel, d.status, d.attempts, d.nextAttemptAt, d.lastError ?? null, d.sentAt ?? null);
      })
      .immediate();
  }
}

function toRecord(r: Row): NotificationRecord {
  const n = JSON.parse(String(r.doc)) as NotificationInput;
  return r.read_at != null ? { ...n, readAt: String(r.read_at) } : n;
}

function toDelivery(r: Row): DeliveryRow {
  return {
    id: String(r.id),
    notificationId: String(r.notification_id),
    channel: String(r.channel) as DeliveryRow['channel'],
    status: String(r.status) as DeliveryRow['status'],
    attempts: Number(r.attempts),
    nextAttemptAt: String(r.next_attempt_at),
    ...(r.last_error != null ? { lastError: String(r.last_error) } : {}),
    ...(r.sent_at != null ? { sentAt: String(r.sent_at) } : {}),
  };
}
