// The atomic-updates mode of the MongoDB adapter (store/mongo/guarded-writes.ts): on MongoDB proper the conditional
// replace alone guards a write, without write claims. This machine has no MongoDB server, so the mode is forced on
// FerretDB here, which proves its sequential behaviour only — conflicts, audit and notifications exactly as the
// contract says, and the outbox of a writer that stopped before draining found by its token. (FerretDB's own
// conditional update is not atomic: concurrent writers are the claims mode's business, test/store/mongo.spec.ts.)
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../server/domain/audit/chain.js';
import { atomicUpdatesOverride } from '../../server/store/mongo/atomic-updates.js';
import { openMongoStore } from '../../server/store/mongo/mongo-store.js';
import { makeApplication } from '../support/factories.js';
import { dropMongoDatabase } from '../support/mongo-db.js';
import { storeContract } from './contract.js';
import { notificationsContract } from './notifications-contract.js';
import { recordsContract } from './records-contract.js';

const url = process.env.MONGODB_URL;
const freshDbName = (): string => `zc_atomic_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;

describe('MONGODB_ATOMIC_UPDATES', () => {
  it('is true, false or unset; anything else stops the start', () => {
    expect(atomicUpdatesOverride({})).toBeUndefined();
    expect(atomicUpdatesOverride({ MONGODB_ATOMIC_UPDATES: 'true' })).toBe(true);
    expect(atomicUpdatesOverride({ MONGODB_ATOMIC_UPDATES: 'false' })).toBe(false);
    expect(() => atomicUpdatesOverride({ MONGODB_ATOMIC_UPDATES: 'yes' })).toThrow(/true 或 false/);
  });
});

if (url) {
  const harness = () => {
    const dbName = freshDbName();
    return { open: async () => openMongoStore(url, { dbName, atomicUpdates: true }), cleanup: async () => dropMongoDatabase(url, dbName) };
  };
  storeContract('mongo (atomic updates forced)', harness);
  recordsContract('mongo (atomic updates forced)', harness);
  notificationsContract('mongo (atomic updates forced)', harness);

  describe('mongo adapter, atomic updates', () => {
    it('detects FerretDB as a server without atomic conditional updates', async () => {
      const dbName = freshDbName();
      const store = await openMongoStore(url, { dbName, sweepIntervalMs: 0 });
      try {
        expect(store.atomicUpdates).toBe(false);
      } finally {
        await store.close();
        await dropMongoDatabase(url, dbName);
      }
    });

    it('writes no claims, and clears the outbox and its token once drained', async () => {
      const dbName = freshDbName();
      const store = await openMongoStore(url, { dbName, sweepIntervalMs: 0, atomicUpdates: true });
      try {
        const app = makeApplication({ id: 'a' });
        const at = '2022-06-01T00:00:00.000Z';
        expect(await store.insertApplication(app, [{ at, actor: 'u', action: 'create', target: { type: 'application', id: 'a' } }])).toEqual({ ok: true });
        expect(await store.updateApplication({ ...app, version: 2 }, 1, [{ at, actor: 'u', action: 'edit', target: { type: 'application', id: 'a' } }])).toEqual({ ok: true });
        expect(await store.updateApplication({ ...app, version: 2 }, 1, [{ at, actor: 'v', action: 'edit', target: { type: 'application', id: 'a' } }])).toMatchObject({ ok: false, code: 'conflict' });
        await store.flushFollowUps();
        expect(await store.db.collection('pending_writes').countDocuments({})).toBe(0);
        const raw = await store.db.collection('applications').findOne({ _id: 'a' as never });
        expect(raw?._auditOutbox).toEqual([]);
        expect(raw?._outboxToken).toBeUndefined();
        expect((await store.listAudit(1, 10)).map((r) => `${r.actor}:${r.action}`)).toEqual(['u:create', 'u:edit']);
      } finally {
        await store.close();
        await dropMongoDatabase(url, dbName);
      }
    });

    it('appends the audit entries of a write whose writer stopped before draining, exactly once', async () => {
      const dbName = freshDbName();
      const store = await openMongoStore(url, { dbName, sweepIntervalMs: 0, atomicUpdates: true });
      try {
        await store.appendAudit([{ at: '2022-06-01T00:00:00.000Z', actor: 'system', action: 'boot', target: { type: 't', id: '0' } }]);
        // a writer that wrote the document with its outbox entry and token, then died before draining (no claim)
        const entry = { id: 'entry-1', inputs: [1, 2].map((n) => ({ at: '2022-06-01T00:00:00.000Z', actor: 'u', action: `a${n}`, target: { type: 'application', id: 'crashed' } })) };
        const app = makeApplication({ id: 'crashed' });
        await store.db.collection('applications').insertOne({ ...app, _id: 'crashed' as never, _routedOrgs: [], _auditOutbox: [entry], _outboxToken: 'tok-1' });
        expect(await store.auditCount()).toBe(3);
        expect(await store.auditCount()).toBe(3);
        expect(await store.getApplication('crashed')).toEqual(app);
        const raw = await store.db.collection('applications').findOne({ _id: 'crashed' as never });
        expect(raw?._outboxToken).toBeUndefined();
        // a second instance sweeping at open finds nothing more to do; the next write goes through
        const other = await openMongoStore(url, { dbName, sweepIntervalMs: 0, atomicUpdates: true });
        expect(await other.auditCount()).toBe(3);
        expect((await other.updateApplication({ ...app, version: 2 }, 1, [])).ok).toBe(true);
        await other.close();
        const records = await store.listAudit(1, 10);
        expect(records.map((r) => r.action)).toEqual(['boot', 'a1', 'a2']);
        expect(verifyChain(records, { key: store.auditTrust.key })).toEqual({ ok: true, count: 3 });
      } finally {
        await store.close();
        await dropMongoDatabase(url, dbName);
      }
    });
  });
}
