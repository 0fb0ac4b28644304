// Operational records (experts, sessions, draws, the exchange outbox …): every adapter runs these same specs.
import { beforeEach, describe, expect, it } from 'vitest';
import type { AuditInput, Store, StoredRecord } from '../../server/store/port.js';
import { freshStoreEach, type StoreHarness } from './contract.js';

const T0 = '2026-11-02T08:00:00.000Z';
const audit = (action: string, id: string): AuditInput => ({ at: T0, actor: 'u-office', action, target: { type: 'expert', id } });
const expert = (id: string, version: number, keys: string[], name = '王工'): StoredRecord<{ name: string }> => ({
  kind: 'expert', id, version, updatedAt: T0, keys, body: { name },
});

export function recordsContract(name: string, harness: () => StoreHarness): void {
  describe(`store contract: ${name}: records`, () => {
    let store: Store;
    const fresh = freshStoreEach(harness);
    beforeEach(() => {
      store = fresh.store;
    });

    it('inserts once, updates only from the version read, and audits each write that happened', async () => {
      const before = await store.auditCount();
      expect((await store.putRecord(expert('e-1', 1, ['pool:p1']), null, [audit('expert.create', 'e-1')])).ok).toBe(true);
      expect(await store.putRecord(expert('e-1', 1, ['pool:p1']), null, [audit('expert.create', 'e-1')])).toMatchObject({ ok: false, code: 'duplicate' });
      expect((await store.putRecord(expert('e-1', 2, ['pool:p1', 'year:2022'], '王工程师'), 1, [audit('expert.update', 'e-1')])).ok).toBe(true);
      // a stale writer is refused and leaves the record as it was
      expect(await store.putRecord(expert('e-1', 2, ['pool:p2'], '李'), 1, [audit('expert.update', 'e-1')])).toMatchObject({ ok: false, code: 'conflict' });
      expect(await store.getRecord('expert', 'e-1')).toEqual(expert('e-1', 2, ['pool:p1', 'year:2022'], '王工程师'));
      expect(await store.getRecord('reviewSession', 'e-1')).toBeNull();
      expect(await store.auditCount()).toBe(before + 2);
    });

    it('lists by kind and every given index term, ordered by id, with paging; a rewrite replaces the terms', async () => {
      await store.putRecord(expert('e-3', 1, ['pool:p1', 'year:2022']), null, []);
      await store.putRecord(expert('e-1', 1, ['pool:p1']), null, []);
      await store.putRecord(expert('e-2', 1, ['pool:p2', 'year:2022']), null, []);
      await store.putRecord({ kind: 'reviewSession', id: 'e-0', version: 1, updatedAt: T0, keys: ['pool:p1'], body: {} }, null, []);
      const ids = async (keys?: string[], offset = 0, limit = 10) => {
        const page = await store.listRecords({ kind: 'expert', ...(keys ? { keys } : {}), limit, offset });
        return { total: page.total, ids: page.items.map((r) => r.id) };
      };
      expect(await ids()).toEqual({ total: 3, ids: ['e-1', 'e-2', 'e-3'] });
      expect(await ids(['pool:p1'])).toEqual({ total: 2, ids: ['e-1', 'e-3'] });
      expect(await ids(['pool:p1', 'year:2022'])).toEqual({ total: 1, ids: ['e-3'] });
      expect(await ids(undefined, 1, 1)).toEqual({ total: 3, ids: ['e-2'] });
      await store.putRecord(expert('e-3', 2, ['pool:p2']), 1, []);
      expect(await ids(['pool:p1'])).toEqual({ total: 1, ids: ['e-1'] });
      expect(await ids(['pool:p2'])).toEqual({ total: 2, ids: ['e-2', 'e-3'] });
    });
  });
}
