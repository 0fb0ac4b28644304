// The store contract: every adapter runs these same specs against a real database.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyChain } from '../../server/domain/audit/chain.js';
import { newState } from '../../server/domain/workflow/state.js';
import type { AuditInput, Store } from '../../server/store/port.js';
import { makeApplication, makeUser } from '../support/factories.js';

export interface StoreHarness {
  open(): Promise<Store>;
  /** drops everything the harness created */
  cleanup(): Promise<void>;
}

const audit = (action: string, id: string): AuditInput => ({
  at: '2022-06-01T00:00:00.000Z',
  actor: 'u-admin',
  action,
  target: { type: 'test', id },
});

/** a fresh store for each test of the surrounding describe, closed and cleaned up after it */
export function freshStoreEach(harness: () => StoreHarness): { readonly store: Store; readonly h: StoreHarness } {
  const ctx: { store: Store; h: StoreHarness } = { store: undefined as unknown as Store, h: undefined as unknown as StoreHarness };
  beforeEach(async () => {
    ctx.h = harness();
    ctx.store = await ctx.h.open();
  });
  afterEach(async () => {
    await ctx.store.close();
    await ctx.h.cleanup();
  });
  return ctx;
}

export function storeContract(name: string, harness: () => StoreHarness): void {
  describe(`store contract: ${name}`, () => {
    let h: StoreHarness;
    let store: Store;
    beforeEach(async () => {
      h = harness();
      store = await h.open();
    });
    afterEach(async () => {
      await store.close();
      await h.cleanup();
    });

    it('starts empty', async () => {
      expect(await store.isEmpty()).toBe(true);
      expect(await store.auditCount()).toBe(0);
    });

    it('keeps published definitions immutable and versioned, drafts separate', async () => {
      const base = { kind: 'level' as const, key: 'gongcheng/fugao', createdAt: '2022-05-01T00:00:00.000Z', createdBy: 'admin' };
      expect((await store.insertPublished({ ...base, version: 1, status: 'published', body: { v: 1 }, hash: 'h1' }, [audit('definition.publish', 'x')])).ok).toBe(true);
      const again = await store.insertPublished({ ...base, version: 1, status: 'published', body: { v: 'other' }, hash: 'h1b' }, []);
      expect(again).toMatchObject({ ok: false, code: 'duplicate' });
      await store.saveDraft({ ...base, version: 0, status: 'draft', body: { v: 2 }, hash: 'h2' }, []);
      await store.insertPublished({ ...base, version: 2, status: 'published', body: { v: 2 }, hash: 'h2' }, []);
      expect((await store.getDefinition('level', 'gongcheng/fugao', 1))?.body).toEqual({ v: 1 });
      expect((await store.getDefinition('level', 'gongcheng/fugao', 'latest'))?.version).toBe(2);
      expect((await store.getDefinition('level', 'gongcheng/fugao', 'draft'))?.status).toBe('draft');
      expect((await store.listVersions('level', 'gongcheng/fugao')).map((d) => d.version)).toEqual([2, 1]);
      const [summary] = await store.listDefinitions('level');
      expect(summary).toMatchObject({ key: 'gongcheng/fugao', latestVersion: 2, hasDraft: true });
      await store.deleteDraft('level', 'gongcheng/fugao');
      expect(await store.getDefinition('level', 'gongcheng/fugao', 'draft')).toBeNull();
      expect(await store.isEmpty()).toBe(false);
      expect(await store.auditCount()).toBe(1);
    });

    it('refuses a stale application update and changes nothing', async () => {
      const app = makeApplication();
      expect((await store.insertApplication(app, [audit('application.create', app.id)])).ok).toBe(true);
      expect(await store.insertApplication(app, [])).toMatchObject({ ok: false, code: 'duplicate' });
      const v2 = { ...app, version: 2, status: 'submitted' as const };
      expect((await store.updateApplication(v2, 1, [audit('application.submit', app.id)])).ok).toBe(true);
      const stale = { ...app, version: 2, status: 'withdrawn' as const };
      expect(await store.updateApplication(stale, 1, [audit('application.withdraw', app.id)])).toMatchObject({ ok: false, code: 'conflict' });
      expect((await store.getApplication(app.id))?.status).toBe('submitted');
      expect(await store.auditCount()).toBe(2);
    });

    it('indexes open tasks by role and org, with paging, counts and personal ballots', async () => {
      const mk = (id: string, orgId: string, assignee?: string) =>
        makeApplication({
          id,
          applicantName: `申报人${id}`,
          routing: { unit: orgId },
          openTasks: [{ taskId: `t-${id}`, elementId: 'unitReview', name: '单位审核', role: 'unitReviewer', orgId, createdAt: `2022-06-0${id.length}T00:00:00.000Z`, ...(assignee ? { assignee } : {}) }],
        });
      await store.insertApplication(mk('a1', 'org-A'), []);
      await store.insertApplication(mk('a22', 'org-A'), []);
      await store.insertApplication(mk('a333', 'org-B'), []);
      await store.insertApplication(mk('a4444', 'org-A', 'expert-1'), []);
      const mine = { assignments: [{ role: 'unitReviewer', orgId: 'org-A' }], userId: 'u-reviewer' };
      const page = await store.queryTasks({ ...mine, limit: 1 });
      expect(page.total).toBe(2);
      expect(page.items.map((t) => t.applicationId)).toEqual(['a1']);
      expect((await store.queryTasks({ ...mine, offset: 1, limit: 5 })).items.map((t) => t.applicationId)).toEqual(['a22']);
      expect((await store.queryTasks({ ...mine, userId: 'expert-1' })).total).toBe(3);
      expect((await store.queryTasks({ assignments: [{ role: 'unitReviewer', orgId: 'org-C' }], userId: 'x' })).total).toBe(0);
      // completing the task removes it from the index in the same write
      const a1 = (await store.getApplication('a1'))!;
      await store.updateApplication({ ...a1, version: 2, openTasks: [] }, 1, []);
      expect((await store.queryTasks(mine)).total).toBe(1);
    });

    it('lists applications by applicant, status and routed org', async () => {
      await store.insertApplication(makeApplication({ id: 'x1', applicantId: 'p1', routing: { unit: 'org-A', league: 'L1' } }), []);
      await store.insertApplication(makeApplication({ id: 'x2', applicantId: 'p2', status: 'submitted', routing: { unit: 'org-B', league: 'L1' } }), []);
      expect((await store.listApplications({ applicantId: 'p1' })).items.map((a) => a.id)).toEqual(['x1']);
      expect((await store.listApplications({ status: 'submitted' })).total).toBe(1);
      expect((await store.listApplications({ routedThrough: ['L1'] })).total).toBe(2);
      expect((await store.listApplications({ routedThrough: ['org-B'] })).items.map((a) => a.id)).toEqual(['x2']);
    });

    it('lists what one person may see in the query: their own, and what the flow reached at their addresses, done tasks included', async () => {
      const at = '2022-06-01T00:00:00.000Z';
      const flow = (reached: string[]) => ({ ...newState(), status: 'active' as const, reached });
      const ballot = { taskId: 't9', elementId: 'vote', name: '表决', role: 'expert', orgId: 'C', assignee: 'e1', createdAt: at };
      await store.insertApplication(makeApplication({ id: 'v1', applicantId: 'p1', routing: { unit: 'U', competent: 'D' }, workflow: flow(['unitReviewer@U']) }), []);
      await store.insertApplication(makeApplication({ id: 'v2', applicantId: 'p2', routing: { unit: 'U', competent: 'D' }, workflow: flow(['unitReviewer@U', 'competentReviewer@D']) }), []);
      await store.insertApplication(makeApplication({ id: 'v3', applicantId: 'p3', openTasks: [ballot], workflow: flow([]) }), []);
      const ids = async (q: Parameters<Store['listApplications']>[0]) => (await store.listApplications(q)).items.map((a) => a.id).sort();
      expect(await ids({ visibleTo: { reachedBy: ['competentReviewer@D'] } })).toEqual(['v2']); // on v1's route, not reached
      expect(await ids({ visibleTo: { applicantId: 'p1', reachedBy: ['competentReviewer@D'] } })).toEqual(['v1', 'v2']);
      expect(await ids({ visibleTo: { reachedBy: ['expert@C#e1'] } })).toEqual(['v3']); // an open task counts too
      expect(await ids({ visibleTo: { reachedBy: [] } })).toEqual([]);
      // paging and totals agree: the filter is in the query
      const page = await store.listApplications({ visibleTo: { reachedBy: ['unitReviewer@U'] }, limit: 1 });
      expect([page.total, page.items.length]).toEqual([2, 1]);
      // a later write keeps what was reached before
      const v3 = (await store.getApplication('v3'))!;
      await store.updateApplication({ ...v3, version: 2, openTasks: [], workflow: flow(['expert@C#e1']) }, 1, []);
      expect(await ids({ visibleTo: { reachedBy: ['expert@C#e1'] } })).toEqual(['v3']);
    });

    it('counts the applications in flight on each version of a flow (drafts and finished ones do not count)', async () => {
      const running = { ...newState(), status: 'active' as const };
      const done = { ...newState(), status: 'completed' as const };
      const pinned = (workflow: number, workflowKey = 'flow-a') => ({ level: 1, workflowKey, workflow });
      const apps = [
        makeApplication({ id: 'f1', applicantId: 'p1', status: 'submitted', pinned: pinned(1), workflow: running }),
        makeApplication({ id: 'f2', applicantId: 'p2', status: 'returned', pinned: pinned(1), workflow: running }),
        makeApplication({ id: 'f3', applicantId: 'p3', status: 'submitted', pinned: pinned(2), workflow: running }),
        makeApplication({ id: 'f4', applicantId: 'p4', status: 'passed', pinned: pinned(2), workflow: running }), // 核准备案 still ahead
        makeApplication({ id: 'f5', applicantId: 'p5', status: 'passed', pinned: pinned(2), workflow: done }), // a flow that ends at 通过
        makeApplication({ id: 'f6', applicantId: 'p6', status: 'certified', pinned: pinned(1), workflow: done }),
        makeApplication({ id: 'f7', applicantId: 'p7', status: 'draft' }),
        makeApplication({ id: 'f8', applicantId: 'p8', status: 'submitted', pinned: pinned(1, 'flow-b'), workflow: running }),
      ];
      for (const a of apps) await store.insertApplication(a, []);
      expect(await store.countInFlight('flow-a')).toEqual([
        { version: 1, count: 2 },
        { version: 2, count: 2 },
      ]);
      expect(await store.countInFlight('nothing')).toEqual([]);
    });

    it('leases each due timer to one owner at a time', async () => {
      await store.insertApplication(
        makeApplication({ id: 't1', timers: [{ timerId: 'tm-1', dueAt: '2022-10-10T16:00:00.000Z' }, { timerId: 'tm-2', dueAt: '2023-01-01T00:00:00.000Z' }] }),
        [],
      );
      expect(await store.claimDueTimers('2022-10-01T00:00:00.000Z', 'p1', '2022-10-01T00:01:00.000Z', 10)).toEqual([]);
      const now = '2022-10-10T16:00:00.000Z';
      const first = await store.claimDueTimers(now, 'p1', '2022-10-10T16:01:00.000Z', 10);
      expect(first).toEqual([{ applicationId: 't1', timerId: 'tm-1', dueAt: '2022-10-10T16:00:00.000Z' }]);
      expect(await store.claimDueTimers(now, 'p2', '2022-10-10T16:01:00.000Z', 10)).toEqual([]);
      // an expired lease (its holder died) can be taken over
      expect(await store.claimDueTimers('2022-10-10T16:02:00.000Z', 'p2', '2022-10-10T16:03:00.000Z', 10)).toHaveLength(1);
      const app = (await store.getApplication('t1'))!;
      await store.updateApplication({ ...app, version: 2, timers: [app.timers[1]!] }, 1, []);
      expect(await store.claimDueTimers('2022-12-01T00:00:00.000Z', 'p3', '2022-12-01T00:01:00.000Z', 10)).toEqual([]);
    });

    it('keeps users unique by login and guards their updates', async () => {
      const u = makeUser();
      expect((await store.insertUser(u, [audit('user.register', u.id)])).ok).toBe(true);
      expect(await store.insertUser({ ...u, id: 'u-2' }, [])).toMatchObject({ ok: false, code: 'duplicate' });
      expect((await store.findUserByLogin(u.login))?.id).toBe('u-1');
      expect((await store.updateUser({ ...u, version: 2, failedLogins: 1 }, 1, [])).ok).toBe(true);
      expect(await store.updateUser({ ...u, version: 2, failedLogins: 9 }, 1, [])).toMatchObject({ ok: false, code: 'conflict' });
      expect((await store.getUser('u-1'))?.failedLogins).toBe(1);
      expect(await store.listUsers()).toHaveLength(1);
    });

    it('stores orgs and sessions', async () => {
      await store.upsertOrg({ id: '150100', name: '呼和浩特市', kind: 'league', code: '150100' });
      await store.upsertOrg({ id: '150100', name: '呼和浩特市', kind: 'league', code: '150100', tags: { grassroots: 'city' } });
      expect(await store.listOrgs()).toHaveLength(1);
      expect((await store.getOrg('150100'))?.tags?.grassroots).toBe('city');
      await store.putSession({ id: 's1', userId: 'u-1', csrfToken: 'c', createdAt: 'a', expiresAt: 'b' });
      expect((await store.getSession('s1'))?.userId).toBe('u-1');
      await store.deleteSession('s1');
      expect(await store.getSession('s1')).toBeNull();
    });

    it('never lets a counter pass its limit', async () => {
      expect(await store.adjustCounter('quota:teacher', 1, 2)).toEqual({ ok: true, value: 1 });
      expect(await store.adjustCounter('quota:teacher', 1, 2)).toEqual({ ok: true, value: 2 });
      expect(await store.adjustCounter('quota:teacher', 1, 2)).toEqual({ ok: false, value: 2 });
      expect(await store.adjustCounter('quota:teacher', -3, 2)).toEqual({ ok: false, value: 2 });
      expect(await store.adjustCounter('quota:teacher', -1, null)).toEqual({ ok: true, value: 1 });
      expect(await store.getCounter('quota:teacher')).toBe(1);
      const results = await Promise.all(Array.from({ length: 5 }, () => store.adjustCounter('quota:x', 1, 3)));
      expect(results.filter((r) => r.ok)).toHaveLength(3);
    });

    it('remembers the first value under an idempotency key', async () => {
      expect(await store.recall('k1')).toBeNull();
      expect(await store.rememberOnce('k1', 'app-1')).toBe('app-1');
      expect(await store.rememberOnce('k1', 'app-2')).toBe('app-1');
      expect(await store.recall('k1')).toBe('app-1');
      const raced = await Promise.all(Array.from({ length: 10 }, (_, i) => store.rememberOnce('k2', `v${i}`)));
      expect(new Set(raced).size).toBe(1);
    });

    it('C1: one submitted application per person, year and grade — drafts and withdrawn ones hold nothing', async () => {
      const held = { grade: '中级', campaignYear: 2022 };
      const drafts = ['d1', 'd2', 'd3', 'd4', 'd5'].map((id) => makeApplication({ id, applicantId: 'u-c1', ...held }));
      for (const d of drafts) expect((await store.insertApplication(d, [])).ok).toBe(true);
      // five submits at once: the database lets exactly one through
      const results = await Promise.all(drafts.map((d) => store.updateApplication({ ...d, version: 2, status: 'submitted' }, 1, [audit('application.submit', d.id)])));
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      for (const r of results.filter((x) => !x.ok)) expect(r).toMatchObject({ ok: false, code: 'duplicate', message: expect.stringMatching(/[\u4e00-\u9fff]/) });
      const winner = drafts[results.findIndex((r) => r.ok)]!;
      const loser = drafts.find((d) => d !== winner)!;
      expect((await store.getApplication(loser.id))?.status).toBe('draft');
      // another grade, another year or another person is free
      expect((await store.updateApplication({ ...loser, version: 2, status: 'submitted', grade: '副高级' }, 1, [])).ok).toBe(true);
      expect((await store.insertApplication(makeApplication({ id: 'y23', applicantId: 'u-c1', status: 'submitted', grade: '中级', campaignYear: 2023 }), [])).ok).toBe(true);
      expect((await store.insertApplication(makeApplication({ id: 'other', applicantId: 'u-other', status: 'submitted', ...held }), [])).ok).toBe(true);
      // a held key refuses an insert too, and a later status (rejected) still holds it
      expect(await store.insertApplication(makeApplication({ id: 'import', applicantId: 'u-c1', status: 'passed', ...held }), [])).toMatchObject({ ok: false, code: 'duplicate' });
      const w = (await store.getApplication(winner.id))!;
      expect((await store.updateApplication({ ...w, version: 3, status: 'rejected' }, 2, [])).ok).toBe(true);
      const third = drafts.find((d) => d !== winner && d !== loser)!;
      expect(await store.updateApplication({ ...third, version: 2, status: 'submitted' }, 1, [])).toMatchObject({ ok: false, code: 'duplicate' });
      // withdrawing releases it
      expect((await store.updateApplication({ ...w, version: 4, status: 'withdrawn' }, 3, [])).ok).toBe(true);
      expect((await store.updateApplication({ ...third, version: 2, status: 'submitted' }, 1, [])).ok).toBe(true);
      expect((await store.listApplications({ applicantId: 'u-c1', status: 'submitted', limit: 10 })).items.map((a) => a.id).sort()).toEqual([loser.id, third.id, 'y23'].sort());
    });

    it('lists and ends the sessions of one user, and never brings an ended one back', async () => {
      const s = (id: string, userId: string, createdAt: string) => ({ id, userId, csrfToken: 'c', createdAt, expiresAt: '2999-01-01T00:00:00.000Z' });
      await store.putSession({ ...s('a2', 'u-1', '2022-06-01T02:00:00.000Z'), ip: '10.0.0.1', userAgent: 'UA' });
      await store.putSession(s('a1', 'u-1', '2022-06-01T01:00:00.000Z'));
      await store.putSession(s('a3', 'u-1', '2022-06-01T03:00:00.000Z'));
      await store.putSession(s('b1', 'u-2', '2022-06-01T01:00:00.000Z'));
      expect((await store.listSessions('u-1')).map((x) => x.id)).toEqual(['a1', 'a2', 'a3']);
      expect((await store.listSessions('u-1'))[1]).toMatchObject({ ip: '10.0.0.1', userAgent: 'UA' });
      await store.touchSession('a1', '2022-06-01T04:00:00.000Z');
      expect((await store.getSession('a1'))?.lastSeenAt).toBe('2022-06-01T04:00:00.000Z');
      expect(await store.deleteSessions('u-1', 'a2')).toBe(2);
      expect((await store.listSessions('u-1')).map((x) => x.id)).toEqual(['a2']);
      await store.touchSession('a1', '2022-06-01T05:00:00.000Z');
      expect(await store.getSession('a1')).toBeNull();
      expect(await store.deleteSessions('u-1')).toBe(1);
      expect(await store.listSessions('u-1')).toEqual([]);
      expect((await store.listSessions('u-2')).map((x) => x.id)).toEqual(['b1']);
    });

    it('chains audit records so that verification passes', async () => {
      await store.appendAudit([audit('a', '1'), audit('b', '2')]);
      await store.insertApplication(makeApplication(), [audit('c', '3')]);
      const records = await store.listAudit(1, 100);
      expect(records.map((r) => r.seq)).toEqual([1, 2, 3]);
      expect(verifyChain(records, { key: store.auditTrust!.key })).toEqual({ ok: true, count: 3 });
      expect((await store.listAudit(3, 10)).map((r) => r.action)).toEqual(['c']);
    });

    it('stores files by content hash, once', async () => {
      const bytes = Buffer.from('%PDF-1.4 学历证书');
      const meta = await store.putFile(bytes, { mime: 'application/pdf', name: '学历.pdf', createdAt: 'now', createdBy: 'u-1' });
      expect(meta.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(meta.size).toBe(bytes.length);
      const again = await store.putFile(bytes, { mime: 'application/pdf', name: 'copy.pdf', createdAt: 'now', createdBy: 'u-2' });
      expect(again.hash).toBe(meta.hash);
      const got = await store.getFile(meta.hash);
      expect(got?.bytes.equals(bytes)).toBe(true);
      expect(got?.meta.name).toBe('学历.pdf');
      expect(await store.getFile('0'.repeat(64))).toBeNull();
    });
  });
}
