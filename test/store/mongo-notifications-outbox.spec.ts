// MongoDB only: the notifications riding in an application's outbox entry are stored exactly once, also when their
// writer stopped between its write and its drain and two processes drain the entry.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { NotificationInput } from '../../server/domain/notifications/types.js';
import { openMongoStore } from '../../server/store/mongo/mongo-store.js';
import { makeApplication } from '../support/factories.js';
import { dropMongoDatabase } from '../support/mongo-db.js';

const url = process.env.MONGODB_URL;
const at = '2026-11-02T08:00:00.000Z';
const note = (id: string): NotificationInput => ({ id, userId: 'u-1', event: 'application.returned', title: '申报被退回补正', body: '请在 5 个工作日内补正', createdAt: at, channels: ['email'] });

(url ? describe : describe.skip)('mongo adapter: notification outbox recovery', () => {
  it('stores the notifications of a write whose writer stopped before draining, once, whoever drains', async () => {
    const dbName = `zc_test_notes_${randomBytes(4).toString('hex')}`;
    const a = await openMongoStore(url!, { dbName, sweepIntervalMs: 0 });
    const b = await openMongoStore(url!, { dbName, sweepIntervalMs: 0 });
    try {
      const entry = {
        id: 'entry-1',
        inputs: [{ at, actor: 'u', action: 'application.return', target: { type: 'application', id: 'crashed' } }],
        notifications: [note('n-1'), note('n-2')],
      };
      await a.db.collection('pending_writes').insertOne({ _id: 'applications:crashed:insert:x' as never, coll: 'applications', docId: 'crashed', entryId: entry.id, at: Date.now() });
      await a.db.collection('applications').insertOne({ ...makeApplication({ id: 'crashed' }), _id: 'crashed' as never, _routedOrgs: [], _auditOutbox: [entry] });
      expect((await b.listNotifications('u-1', {})).total).toBe(0);
      await Promise.all([a.sweep(), b.sweep()]);
      await a.sweep();
      const list = await b.listNotifications('u-1', {});
      expect(list.items.map((n) => n.id).sort()).toEqual(['n-1', 'n-2']);
      expect((await a.listDeliveries({})).items.map((d) => d.id).sort()).toEqual(['n-1:email', 'n-2:email']);
      expect(await a.auditCount()).toBe(1);
      // the next write of the document prunes the drained entry
      expect((await b.updateApplication({ ...makeApplication({ id: 'crashed' }), version: 2 }, 1, [])).ok).toBe(true);
      expect((await a.db.collection('applications').findOne({ _id: 'crashed' as never }))?._auditOutbox).toEqual([]);

      // an entry with notifications and no audit input, left undrained: the next write stores them before pruning it
      const silent = { id: 'entry-2', inputs: [], notifications: [note('n-3')] };
      await a.db.collection('applications').updateOne({ _id: 'crashed' as never }, { $set: { _auditOutbox: [silent] } });
      expect((await a.updateApplication({ ...makeApplication({ id: 'crashed' }), version: 3 }, 2, [])).ok).toBe(true);
      expect((await b.listNotifications('u-1', {})).items.map((n) => n.id).sort()).toEqual(['n-1', 'n-2', 'n-3']);
      expect((await a.db.collection('applications').findOne({ _id: 'crashed' as never }))?._auditOutbox).toEqual([]);
    } finally {
      await a.close();
      await b.close();
      await dropMongoDatabase(url!, dbName);
    }
  });
});
