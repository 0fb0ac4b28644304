// People by role: a transition tells the holders of one role at one org, and the staff pages list the staff; neither
// reads the applicants' accounts. Every adapter runs these same specs.
import { beforeEach, describe, expect, it } from 'vitest';
import type { User } from '../../server/domain/schema-types.gen.js';
import type { Store } from '../../server/store/port.js';
import { SqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import { makeUser } from '../support/factories.js';
import { freshStoreEach, type StoreHarness } from './contract.js';

const staff = (id: string, roles: User['roles'], over: Partial<User> = {}): User => makeUser({ id, login: `${id}@example.cn`, kind: 'staff', roles, ...over });
const applicant = (id: string, roles: User['roles'] = []): User => makeUser({ id, login: `${id}@example.cn`, roles });
const ids = (users: readonly User[]): string[] => users.map((u) => u.id);

export function usersByRoleContract(name: string, harness: () => StoreHarness): void {
  describe(`store contract: ${name}: users by role`, () => {
    let store: Store;
    const fresh = freshStoreEach(harness);
    beforeEach(async () => {
      store = fresh.store;
      for (const u of [
        staff('s-3', [{ role: 'unitReviewer', orgId: 'A' }, { role: 'expert', orgId: 'C1' }]),
        staff('s-1', [{ role: 'unitReviewer', orgId: 'A' }]),
        staff('s-2', [{ role: 'unitReviewer', orgId: 'B' }, { role: 'expert', orgId: 'A' }]),
        staff('s-4', [{ role: 'admin', orgId: 'root' }], { disabled: { at: 'x', by: 'y', reason: 'z' } }),
        applicant('a-1'),
        applicant('a-2', [{ role: 'applicant', orgId: 'A' }]),
      ]) expect((await store.insertUser(u, [])).ok).toBe(true);
    });

    it('finds the holders of a role at an org, each once and by id, never pairing one role with another org', async () => {
      expect(ids(await store.listUsersByRole([{ role: 'unitReviewer', orgId: 'A' }]))).toEqual(['s-1', 's-3']);
      // s-2 is an expert at A and a reviewer at B: not a reviewer at A
      expect(ids(await store.listUsersByRole([{ role: 'unitReviewer', orgId: 'A' }, { role: 'expert', orgId: 'C1' }]))).toEqual(['s-1', 's-3']);
      expect(ids(await store.listUsersByRole([{ role: 'expert' }]))).toEqual(['s-2', 's-3']);
      expect(ids(await store.listUsersByRole([{ role: 'expert' }, { role: 'unitReviewer', orgId: 'B' }]))).toEqual(['s-2', 's-3']);
      // disabled accounts are the callers' business: they still hold their roles
      expect(ids(await store.listUsersByRole([{ role: 'admin', orgId: 'root' }]))).toEqual(['s-4']);
      expect(await store.listUsersByRole([{ role: 'centreClerk', orgId: 'A' }])).toEqual([]);
      expect(await store.listUsersByRole([])).toEqual([]);
      expect(await store.listUsersByRole([{ role: 'unitReviewer', orgId: 'A' }])).toEqual([await store.getUser('s-1'), await store.getUser('s-3')]);
    });

    it('lists the staff by id, never an applicant, with or without roles', async () => {
      expect(ids(await store.listStaff())).toEqual(['s-1', 's-2', 's-3', 's-4']);
      const s1 = await store.getUser('s-1');
      expect((await store.updateUser({ ...s1!, version: 2, roles: [] }, 1, [])).ok).toBe(true);
      expect(ids(await store.listStaff())).toEqual(['s-1', 's-2', 's-3', 's-4']);
      for (const role of ['unitReviewer', 'expert', 'admin']) expect(ids(await store.listUsersByRole([{ role }]))).not.toContain('a-1');
    });

    it('moves an account between results when updateUser changes its roles; a refused update moves nothing', async () => {
      const s1 = (await store.getUser('s-1'))!;
      const moved = { ...s1, version: 2, roles: [{ role: 'unitReviewer' as const, orgId: 'B' }, { role: 'centreClerk' as const, orgId: 'A' }] };
      expect((await store.updateUser(moved, 1, [])).ok).toBe(true);
      expect(ids(await store.listUsersByRole([{ role: 'unitReviewer', orgId: 'A' }]))).toEqual(['s-3']);
      expect(ids(await store.listUsersByRole([{ role: 'unitReviewer', orgId: 'B' }]))).toEqual(['s-1', 's-2']);
      expect(ids(await store.listUsersByRole([{ role: 'centreClerk', orgId: 'A' }]))).toEqual(['s-1']);
      // a stale writer is refused and the roles stay as stored
      expect(await store.updateUser({ ...s1, version: 2, roles: [{ role: 'admin', orgId: 'root' }] }, 1, [])).toMatchObject({ ok: false, code: 'conflict' });
      expect(ids(await store.listUsersByRole([{ role: 'admin', orgId: 'root' }]))).toEqual(['s-4']);
      expect(ids(await store.listUsersByRole([{ role: 'centreClerk', orgId: 'A' }]))).toEqual(['s-1']);
    });

    it('a store written before the role index existed lists its staff and role holders once reopened', async () => {
      // on SQLite an older file has no user_roles table: opening it fills the table from the accounts
      if (store instanceof SqliteStore) store.raw.exec('DROP TABLE user_roles');
      await store.close();
      const reopened = await fresh.h.open();
      try {
        expect(ids(await reopened.listStaff())).toEqual(['s-1', 's-2', 's-3', 's-4']);
        expect(ids(await reopened.listUsersByRole([{ role: 'unitReviewer', orgId: 'A' }]))).toEqual(['s-1', 's-3']);
        expect(ids(await reopened.listUsersByRole([{ role: 'applicant' }]))).toEqual(['a-2']);
      } finally {
        await reopened.close();
      }
    });

    it.runIf(name === 'sqlite')('reads the role index and the staff index, not every account', async () => {
      const raw = (store as SqliteStore).raw;
      const plan = (sql: string, ...params: string[]) => (raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
      const byRole = plan("SELECT u.doc FROM users u WHERE u.id IN (SELECT r.user_id FROM user_roles r WHERE (r.role = ? AND r.org_id = ?) OR (r.role = ?)) ORDER BY u.id", 'unitReviewer', 'A', 'expert');
      expect(byRole.filter((d) => /^SCAN (u|users)\b/.test(d))).toEqual([]);
      const staffPlan = plan("SELECT doc FROM users WHERE json_extract(doc, '$.kind') = 'staff' ORDER BY id");
      expect(staffPlan.join('\n')).toContain('users_staff');
    });
  });
}
