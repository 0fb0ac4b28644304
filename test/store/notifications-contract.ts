// The notification outbox and delivery queue: every adapter runs these same specs against a real database.
import { beforeEach, describe, expect, it } from 'vitest';
import type { NotificationInput } from '../../server/domain/notifications/types.js';
import type { AuditInput, Store } from '../../server/store/port.js';
import { makeApplication } from '../support/factories.js';
import { freshStoreEach, type StoreHarness } from './contract.js';

const T0 = '2026-11-02T08:00:00.000Z';
const audit = (action: string, id: string): AuditInput => ({ at: T0, actor: 'u-admin', action, target: { type: 'application', id } });

const note = (id: string, over: Partial<NotificationInput> = {}): NotificationInput => ({
  id,
  userId: 'u-1',
  event: 'task.assigned',
  applicationId: 'app-1',
  title: `待办 ${id}`,
  body: '您有一项新的待办：单位审核',
  link: '/workbench',
  createdAt: T0,
  channels: ['email', 'sms'],
  ...over,
});

const minutes = (iso: string, m: number): string => new Date(Date.parse(iso) + m * 60_000).toISOString();

export function notificationsContract(name: string, harness: () => StoreHarness): void {
  describe(`store contract: ${name}: notifications`, () => {
    let store: Store;
    const fresh = freshStoreEach(harness);
    beforeEach(() => {
      store = fresh.store;
    });

    it('stores notifications in the same write as the application, and none with a conflicting write', async () => {
      const app = makeApplication();
      expect((await store.insertApplication(app, [audit('application.create', app.id)], [note('n-create')])).ok).toBe(true);
      expect((await store.updateApplication({ ...app, version: 2 }, 1, [audit('application.submit', app.id)], [note('n-submit', { createdAt: minutes(T0, 1) })])).ok).toBe(true);
      // a stale writer: refused, and what it would have told people is not stored either
      const stale = await store.updateApplication({ ...app, version: 2, status: 'withdrawn' }, 1, [audit('application.withdraw', app.id)], [note('n-stale')]);
      expect(stale).toMatchObject({ ok: false, code: 'conflict' });
      const list = await store.listNotifications('u-1', {});
      expect(list.items.map((n) => n.id)).toEqual(['n-submit', 'n-create']);
      expect(list.items[0]).toEqual(note('n-submit', { createdAt: minutes(T0, 1) }));
      const deliveries = await store.listDeliveries({});
      expect(deliveries.items.map((d) => d.id).sort()).toEqual(['n-create:email', 'n-create:sms', 'n-submit:email', 'n-submit:sms']);
      expect(deliveries.items.find((d) => d.id === 'n-create:sms')).toEqual({
        id: 'n-create:sms',
        notificationId: 'n-create',
        channel: 'sms',
        status: 'pending',
        attempts: 0,
        nextAttemptAt: T0,
      });
    });

    it('keeps the first of a notification stored twice, with one delivery per channel', async () => {
      expect(await store.addNotifications([note('n-1'), note('n-2', { channels: [] })])).toBe(2);
      expect(await store.addNotifications([note('n-1', { title: '改写' }), note('n-3', { channels: ['email'] })])).toBe(1);
      expect(await store.addNotifications([])).toBe(0);
      // an application write carrying an id stored before keeps the first too
      expect((await store.insertApplication(makeApplication(), [audit('application.create', 'app-1')], [note('n-1', { title: '又改写' })])).ok).toBe(true);
      const list = await store.listNotifications('u-1', {});
      expect(list.total).toBe(3);
      expect(list.items.find((n) => n.id === 'n-1')?.title).toBe('待办 n-1');
      expect((await store.listDeliveries({})).items.map((d) => d.id).sort()).toEqual(['n-1:email', 'n-1:sms', 'n-3:email']);
    });

    it('pages one person’s notifications newest first, counts unread, and marks only their own read', async () => {
      await store.addNotifications([
        ...[0, 1, 2, 3, 4].map((i) => note(`n-${i}`, { createdAt: minutes(T0, i), channels: [] })),
        note('other', { userId: 'u-2', channels: [] }),
      ]);
      const page = await store.listNotifications('u-1', { offset: 1, limit: 2 });
      expect(page).toMatchObject({ total: 5, unread: 5 });
      expect(page.items.map((n) => n.id)).toEqual(['n-3', 'n-2']);
      // someone else's id is ignored
      expect(await store.markNotificationsRead('u-1', ['n-4', 'n-1', 'other'], minutes(T0, 10))).toBe(2);
      expect(await store.markNotificationsRead('u-1', ['n-4'], minutes(T0, 11))).toBe(0);
      const unread = await store.listNotifications('u-1', { unreadOnly: true });
      expect(unread).toMatchObject({ total: 3, unread: 3 });
      expect(unread.items.map((n) => n.id)).toEqual(['n-3', 'n-2', 'n-0']);
      expect((await store.listNotifications('u-1', { limit: 1 })).items[0]).toMatchObject({ id: 'n-4', readAt: minutes(T0, 10) });
      expect((await store.listNotifications('u-2', {})).unread).toBe(1);
      expect(await store.markNotificationsRead('u-1', 'all', minutes(T0, 12))).toBe(3);
      expect((await store.listNotifications('u-1', {})).unread).toBe(0);
      expect((await store.listNotifications('u-2', {})).items[0]?.readAt).toBeUndefined();
    });

    it('leases each due delivery to one owner at a time, also across two store instances', async () => {
      await store.addNotifications([0, 1, 2, 3, 4, 5].map((i) => note(`n-${i}`, { createdAt: minutes(T0, i) })));
      expect(await store.claimDueDeliveries(minutes(T0, -1), 'p0', T0, 50)).toEqual([]);
      const other = await fresh.h.open();
      try {
        const now = minutes(T0, 10);
        const [a, b] = await Promise.all([store.claimDueDeliveries(now, 'p1', minutes(now, 2), 50), other.claimDueDeliveries(now, 'p2', minutes(now, 2), 50)]);
        const ids = [...a, ...b].map((c) => c.delivery.id);
        expect(ids).toHaveLength(12);
        expect(new Set(ids).size).toBe(12);
        const claimed = [...a, ...b].find((c) => c.delivery.id === 'n-2:email')!;
        expect(claimed.delivery).toMatchObject({ status: 'pending', attempts: 1, channel: 'email', notificationId: 'n-2' });
        expect(claimed.notification).toEqual(note('n-2', { createdAt: minutes(T0, 2) }));
        // held: nobody else gets them until the lease ends
        expect(await other.claimDueDeliveries(minutes(now, 1), 'p3', minutes(now, 3), 50)).toEqual([]);
        // an expired lease (its holder died) is taken over, and counted as another attempt
        const again = await other.claimDueDeliveries(minutes(now, 3), 'p3', minutes(now, 5), 2);
        expect(again).toHaveLength(2);
        expect(again.every((c) => c.delivery.attempts === 2)).toBe(true);
      } finally {
        await other.close();
      }
    });

    it('waits out the backoff, never claims a sent delivery again, and lists the dead ones', async () => {
      await store.addNotifications([note('n-1')]);
      const now = T0;
      const first = await store.claimDueDeliveries(now, 'p1', minutes(now, 2), 10);
      expect(first).toHaveLength(2);
      await store.finishDelivery('n-1:email', { status: 'sent', at: now });
      await store.finishDelivery('n-1:sms', { status: 'pending', error: '短信服务返回 502', nextAttemptAt: minutes(now, 5) });
      // the lease is freed by finishing; the retry waits for its time
      expect(await store.claimDueDeliveries(minutes(now, 1), 'p1', minutes(now, 3), 10)).toEqual([]);
      const retry = await store.claimDueDeliveries(minutes(now, 5), 'p1', minutes(now, 7), 10);
      expect(retry.map((c) => c.delivery)).toEqual([
        { id: 'n-1:sms', notificationId: 'n-1', channel: 'sms', status: 'pending', attempts: 2, nextAttemptAt: minutes(now, 5), lastError: '短信服务返回 502' },
      ]);
      await store.finishDelivery('n-1:sms', { status: 'dead', error: '多次发送失败', at: minutes(now, 6) });
      // a late outcome for a sent delivery changes nothing
      await store.finishDelivery('n-1:email', { status: 'pending', error: '迟到的失败', nextAttemptAt: minutes(now, 6) });
      expect(await store.claimDueDeliveries(minutes(now, 600), 'p1', minutes(now, 602), 10)).toEqual([]);
      const dead = await store.listDeliveries({ status: 'dead' });
      expect(dead).toEqual({ total: 1, items: [expect.objectContaining({ id: 'n-1:sms', status: 'dead', lastError: '多次发送失败', attempts: 2 })] });
      expect(await store.getDelivery('n-1:sms')).toMatchObject({ status: 'dead', attempts: 2 });
      expect(await store.getDelivery('n-9:sms')).toBeNull();
      const sent = await store.listDeliveries({ status: 'sent' });
      expect(sent.items).toEqual([{ id: 'n-1:email', notificationId: 'n-1', channel: 'email', status: 'sent', attempts: 1, nextAttemptAt: now, sentAt: now }]);
      // an administrator's retry makes a dead delivery due again
      await store.finishDelivery('n-1:sms', { status: 'pending', error: '多次发送失败', nextAttemptAt: minutes(now, 700) });
      expect((await store.claimDueDeliveries(minutes(now, 700), 'p2', minutes(now, 702), 10)).map((c) => c.delivery.id)).toEqual(['n-1:sms']);
    });

    it('lists due timers without leasing them', async () => {
      await store.insertApplication(
        makeApplication({ id: 't1', timers: [{ timerId: 'tm-1', dueAt: '2026-11-03T16:00:00.000Z' }, { timerId: 'tm-2', dueAt: '2026-11-20T00:00:00.000Z' }] }),
        [],
      );
      const due = await store.listDueTimers('2026-11-04T00:00:00.000Z', 10);
      expect(due).toEqual([{ applicationId: 't1', timerId: 'tm-1', dueAt: '2026-11-03T16:00:00.000Z' }]);
      // nothing was leased: the scheduler still gets it
      expect(await store.claimDueTimers('2026-11-04T00:00:00.000Z', 'p1', '2026-11-04T00:01:00.000Z', 10)).toHaveLength(1);
    });
  });
}
