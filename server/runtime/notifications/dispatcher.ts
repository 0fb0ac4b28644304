// Sends the due deliveries of the notification queue: claims them under a lease, finds the recipient's address in
// their account, sends through the channel and records the outcome (sent, retry later, or dead with a reason).
// The store never hands out a delivery already sent, so nothing is sent twice; a crash between sending and recording
// can re-send once, and the e-mail then carries the same Message-ID.
import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../../domain/clock.js';
import type { DeliveryOutcome, DeliveryRow, NotificationChannel, NotificationRecord } from '../../domain/notifications/types.js';
import type { Store } from '../../store/port.js';
import type { Channels } from './channels/channel.js';
import { failureOutcome } from './retry-backoff.js';

export interface DispatcherDeps {
  store: Store;
  channels: Channels;
}

export interface DeliverReport {
  sent: number;
  retrying: number;
  dead: number;
}

/** what one send may take at most (the channels time out at 20 s): a batch's lease covers all of its sends */
export const SEND_BUDGET_MS = 30_000;
/** small batches keep the lease short, so a crashed dispatcher's deliveries are picked up again soon */
export const DEFAULT_BATCH = 10;
const OWNER = `dispatcher-${randomUUID()}`;

const CHANNEL_OFF: Record<NotificationChannel, string> = { email: '未配置邮件服务器', sms: '未配置短信服务' };
const NO_ADDRESS: Record<NotificationChannel, string> = { email: '收件人未登记电子邮箱', sms: '收件人未登记手机号码' };

export async function deliverDue(p: DispatcherDeps, now: string, limit = DEFAULT_BATCH): Promise<DeliverReport> {
  const leaseUntil = new Date(Date.parse(now) + (limit + 1) * SEND_BUDGET_MS).toISOString();
  const claimed = await p.store.claimDueDeliveries(now, OWNER, leaseUntil, limit);
  const report: DeliverReport = { sent: 0, retrying: 0, dead: 0 };
  for (const { delivery, notification } of claimed) {
    const outcome = await attempt(p, delivery, notification, now);
    await p.store.finishDelivery(delivery.id, outcome);
    if (outcome.status === 'sent') report.sent += 1;
    else if (outcome.status === 'pending') report.retrying += 1;
    else report.dead += 1;
  }
  return report;
}

async function attempt(p: DispatcherDeps, d: DeliveryRow, n: NotificationRecord, now: string): Promise<DeliveryOutcome> {
  const channel = p.channels[d.channel];
  if (!channel) return { status: 'dead', error: CHANNEL_OFF[d.channel], at: now };
  const user = await p.store.getUser(n.userId);
  if (!user) return { status: 'dead', error: '收件人账号不存在', at: now };
  const to = (d.channel === 'email' ? user.email : user.phone)?.trim();
  if (!to) return { status: 'dead', error: NO_ADDRESS[d.channel], at: now };
  const res = await channel.send({ deliveryId: d.id, to, recipientName: user.name, title: n.title, body: n.body });
  return res.ok ? { status: 'sent', at: now } : failureOutcome(d.attempts, res.error, now);
}

/** batch after batch while full ones come back, each claimed at its own time under its own short lease */
async function drain(p: DispatcherDeps, clock: Clock): Promise<DeliverReport> {
  const total: DeliverReport = { sent: 0, retrying: 0, dead: 0 };
  for (;;) {
    const r = await deliverDue(p, clock.now());
    total.sent += r.sent;
    total.retrying += r.retrying;
    total.dead += r.dead;
    if (r.sent + r.retrying + r.dead < DEFAULT_BATCH) return total;
  }
}

/** polls like the timer scheduler; tests never start it: they call deliverDue with the fake clock's now */
export function startDispatcher(p: DispatcherDeps, clock: Clock, intervalMs: number, log: FastifyBaseLogger): () => void {
  if (intervalMs <= 0) return () => {};
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    drain(p, clock)
      .then((r) => {
        if (r.sent + r.retrying + r.dead > 0) log.info(r, 'notifications delivered');
      })
      .catch((err: unknown) => log.error({ err }, 'notification dispatcher failed'))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    for (const c of Object.values(p.channels)) c.close?.();
  };
}
