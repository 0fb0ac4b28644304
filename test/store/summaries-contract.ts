// Application lists from summaries (Store.listApplicationSummaries), keyset paging in both orders and the unit's
// committee (Store.findUnitCommittee): every adapter runs these same specs against a real database.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Application } from '../../server/domain/schema-types.gen.js';
import { newState, type WorkflowState } from '../../server/domain/workflow/state.js';
import type { ApplicationQuery, Store } from '../../server/store/port.js';
import { makeApplication } from '../support/factories.js';
import { freshStoreEach, type StoreHarness } from './contract.js';

const STATUSES: Application['status'][] = ['draft', 'submitted', 'returned', 'passed', 'withdrawn', 'submitted'];
const day = (d: number) => `2022-06-${String(d).padStart(2, '0')}T00:00:00.000Z`;

/** 30 applications over two campaigns, two series, five people and three units; many share an updatedAt or a submittedAt */
function fixture(i: number): Application {
  const status = STATUSES[i % STATUSES.length] ?? 'draft';
  const flow: WorkflowState = {
    ...newState(),
    status: 'active',
    reached: i % 3 === 0 ? [`unitReviewer@U${i % 3}`] : [`unitReviewer@U${i % 3}`, 'competentReviewer@D'],
    incidents: i % 4 === 0 ? [{ id: `inc-${i}`, tokenId: 't1', elementId: 'gw', code: 'feel', reason: '条件无法求值', at: day(3), retry: 'enter' }] : [],
  };
  return makeApplication({
    id: `s${String(i).padStart(2, '0')}`,
    applicantId: `p${i % 5}`,
    applicantName: `申报人${i}`,
    campaignId: i % 2 === 0 ? 'c2022' : 'c2023',
    seriesKey: i % 3 === 0 ? 'jiaoshi' : 'gongcheng',
    levelKey: i % 4 < 2 ? 'fugao' : 'zhongji',
    status,
    updatedAt: day(10 + (i % 4)),
    ...(status === 'draft' ? {} : { submittedAt: day(1 + ((i * 7) % 5)) }),
    routing: { unit: `U${i % 3}`, league: `L${i % 2}` },
    workflow: flow,
  });
}

const FILTERS: [string, ApplicationQuery][] = [
  ['everything', {}],
  ['applicant', { applicantId: 'p2' }],
  ['campaign', { campaignId: 'c2022' }],
  ['campaign, series and level', { campaignId: 'c2023', seriesKey: 'gongcheng', levelKey: 'fugao' }],
  ['status', { status: 'submitted' }],
  ['campaign and status', { campaignId: 'c2022', status: 'submitted' }],
  ['statusIn', { statusIn: ['returned', 'passed'] }],
  ['status and statusIn', { status: 'submitted', statusIn: ['submitted', 'passed'] }],
  ['hasIncidents', { hasIncidents: true }],
  ['routedThrough', { routedThrough: ['U1', 'L0'] }],
  ['visibleTo', { visibleTo: { applicantId: 'p0', reachedBy: ['competentReviewer@D'] } }],
  ['visibleTo, nothing reached', { visibleTo: { reachedBy: [] } }],
  ['campaign and visibleTo', { campaignId: 'c2022', visibleTo: { reachedBy: ['unitReviewer@U0'] } }],
];

export function summariesContract(name: string, harness: () => StoreHarness): void {
  describe(`store contract: ${name}: application summaries`, () => {
    let store: Store;
    const fresh = freshStoreEach(harness);
    beforeEach(() => {
      store = fresh.store;
    });

    const fill = async (n = 30) => {
      for (let i = 0; i < n; i += 1) expect((await store.insertApplication(fixture(i), [])).ok).toBe(true);
    };
    /** every page of a list by keyset, in order */
    const walk = async (q: ApplicationQuery, limit: number) => {
      const ids: string[] = [];
      let after: string | undefined;
      for (let pages = 0; pages < 100; pages += 1) {
        const page = await store.listApplicationSummaries({ ...q, limit, ...(after ? { after } : {}) });
        ids.push(...page.items.map((s) => s.id));
        if (!page.next) return ids;
        after = page.next;
      }
      throw new Error('the pages never end');
    };

    it('returns the same ids, order and total as the document list, for every filter', async () => {
      await fill();
      for (const [label, q] of FILTERS) {
        const docs = await store.listApplications({ ...q, limit: 100 });
        const sums = await store.listApplicationSummaries({ ...q, limit: 100 });
        expect({ label, total: sums.total, ids: sums.items.map((s) => s.id) }).toEqual({ label, total: docs.total, ids: docs.items.map((a) => a.id) });
        // and with offset paging
        const docs2 = await store.listApplications({ ...q, offset: 2, limit: 3 });
        const sums2 = await store.listApplicationSummaries({ ...q, offset: 2, limit: 3 });
        expect({ label, ids: sums2.items.map((s) => s.id) }).toEqual({ label, ids: docs2.items.map((a) => a.id) });
      }
      // the filters select what they say
      const all = (await store.listApplications({ limit: 100 })).items;
      expect((await store.listApplicationSummaries({ hasIncidents: true, limit: 100 })).items.map((s) => s.id).sort()).toEqual(
        all.filter((a) => (a.workflow?.incidents.length ?? 0) > 0).map((a) => a.id).sort(),
      );
      expect((await store.listApplicationSummaries({ statusIn: ['returned', 'passed'], limit: 100 })).items.every((s) => ['returned', 'passed'].includes(s.status))).toBe(true);
      expect((await store.listApplicationSummaries({ limit: 100 })).total).toBe(30);
      // the list order: newest updated first, then id
      expect(all.map((a) => a.id)).toEqual([...all].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id)).map((a) => a.id));
    });

    it('walks every row exactly once by keyset, also where rows share an updatedAt, in the list order', async () => {
      await fill();
      for (const [label, q] of FILTERS) {
        const whole = (await store.listApplications({ ...q, limit: 100 })).items.map((a) => a.id);
        for (const limit of [2, 7]) expect({ label, limit, ids: await walk(q, limit) }).toEqual({ label, limit, ids: whole });
      }
      // a malformed cursor reads as the start
      expect((await store.listApplicationSummaries({ after: 'not a cursor', limit: 3 })).items.map((s) => s.id)).toEqual(
        (await store.listApplicationSummaries({ limit: 3 })).items.map((s) => s.id),
      );
    });

    it('lists in the order people applied (drafts first), by offset and by keyset, documents and summaries alike', async () => {
      await fill();
      const all = (await store.listApplications({ limit: 100 })).items;
      const expected = [...all].sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? '') || a.id.localeCompare(b.id)).map((a) => a.id);
      const q: ApplicationQuery = { order: 'submitted' };
      expect((await store.listApplicationSummaries({ ...q, limit: 100 })).items.map((s) => s.id)).toEqual(expected);
      expect((await store.listApplications({ ...q, limit: 100 })).items.map((a) => a.id)).toEqual(expected);
      for (const limit of [1, 4, 6]) expect(await walk(q, limit)).toEqual(expected);
      // documents page by keyset the same way
      const docs: string[] = [];
      for (let after: string | undefined, n = 0; n < 40; n += 1) {
        const page = await store.listApplications({ ...q, limit: 4, ...(after ? { after } : {}) });
        docs.push(...page.items.map((a) => a.id));
        if (!page.next) break;
        after = page.next;
      }
      expect(docs).toEqual(expected);
      // filtered: one campaign's listed applications
      const listed: ApplicationQuery = { order: 'submitted', campaignId: 'c2022', statusIn: ['submitted', 'returned', 'passed'] };
      const want = expected.filter((id) => {
        const a = all.find((x) => x.id === id)!;
        return a.campaignId === 'c2022' && ['submitted', 'returned', 'passed'].includes(a.status);
      });
      expect(await walk(listed, 3)).toEqual(want);
    });

    it('keeps the summary in step with the document: status, open tasks, incidents', async () => {
      await fill(3);
      const before = (await store.listApplicationSummaries({ applicantId: 'p1' })).items[0]!;
      expect(before).toMatchObject({ id: 's01', status: 'submitted', openTasks: [], incidents: [] });
      const app = (await store.getApplication('s01'))!;
      const task = { taskId: 't-1', elementId: 'unitReview', name: '单位审核', role: 'unitReviewer', orgId: 'U1', createdAt: day(12) };
      const incident = { id: 'inc-x', tokenId: 't1', elementId: 'gw', code: 'feel', reason: '条件无法求值', at: day(12) };
      const next = { ...app, version: 2, status: 'returned' as const, updatedAt: day(20), openTasks: [task], workflow: { ...app.workflow!, incidents: [{ ...incident, retry: 'enter' as const }] } };
      expect((await store.updateApplication(next, 1, [])).ok).toBe(true);
      const after = (await store.listApplicationSummaries({ applicantId: 'p1' })).items[0]!;
      expect(after).toMatchObject({ id: 's01', version: 2, status: 'returned', updatedAt: day(20), openTasks: [task], incidents: [{ id: 'inc-x', code: 'feel' }] });
      // and moves to the front of the list, into the filters it now meets
      expect((await store.listApplicationSummaries({ limit: 1 })).items[0]?.id).toBe('s01');
      expect((await store.listApplicationSummaries({ hasIncidents: true })).items.map((s) => s.id)).toContain('s01');
      expect((await store.listApplicationSummaries({ status: 'submitted' })).items.map((s) => s.id)).not.toContain('s01');
    });

    it("finds the committee of the unit's other in-flight application; itself, drafts and withdrawn ones do not count", async () => {
      const unit = { campaignId: 'c2022', seriesKey: 'gongcheng', levelKey: 'fugao', orgId: 'U9' };
      const q = { campaignId: 'c2022', seriesKey: 'gongcheng', levelKey: 'fugao', unitId: 'U9' };
      expect(await store.findUnitCommittee(q)).toBeNull();
      await store.insertApplication(makeApplication({ ...unit, id: 'u-draft', applicantId: 'a1', status: 'draft', committeeId: 'cm-draft' }), []);
      await store.insertApplication(makeApplication({ ...unit, id: 'u-gone', applicantId: 'a2', status: 'withdrawn', committeeId: 'cm-gone' }), []);
      await store.insertApplication(makeApplication({ ...unit, id: 'u-other-level', applicantId: 'a3', status: 'submitted', levelKey: 'zhongji', committeeId: 'cm-level' }), []);
      await store.insertApplication(makeApplication({ ...unit, id: 'u-other-unit', applicantId: 'a4', status: 'submitted', orgId: 'U8', committeeId: 'cm-unit' }), []);
      expect(await store.findUnitCommittee(q)).toBeNull();
      await store.insertApplication(makeApplication({ ...unit, id: 'u-live', applicantId: 'a5', status: 'submitted', committeeId: 'cm-1' }), []);
      expect(await store.findUnitCommittee(q)).toBe('cm-1');
      expect(await store.findUnitCommittee({ ...q, exceptId: 'u-live' })).toBeNull();
      // once withdrawn it no longer counts
      const live = (await store.getApplication('u-live'))!;
      await store.updateApplication({ ...live, version: 2, status: 'withdrawn' }, 1, []);
      expect(await store.findUnitCommittee(q)).toBeNull();
    });
  });
}
