// Contract of 已办 / 抄送我的 and the inbox's filters and sort: every adapter answers the same summary rows,
// derived from the application's doneTasks and copies in the same write.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Application } from '../../server/domain/schema-types.gen.js';
import type { Store } from '../../server/store/port.js';
import { makeApplication } from '../support/factories.js';
import { freshStoreEach, type StoreHarness } from './contract.js';

const day = (d: number, h = 0): string => `2022-06-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00.000Z`;

function reviewed(id: string, name: string, over: Partial<Application> = {}): Application {
  return makeApplication({
    id,
    applicantName: name,
    status: 'submitted',
    doneTasks: [
      { taskId: `t1-${id}`, elementId: 'unitReview', name: '单位审核', userId: 'rev-1', decision: 'approve', opinion: '同意推荐', at: day(2) },
      { taskId: `t2-${id}`, elementId: 'deptReview', name: '主管部门审核', userId: 'rev-2', decision: 'approve', at: day(3) },
    ],
    ...over,
  });
}

export function taskHistoryContract(name: string, harness: () => StoreHarness): void {
  describe(`store contract: 已办, 抄送 and inbox filters (${name})`, () => {
    let store: Store;
    const fresh = freshStoreEach(harness);
    beforeEach(() => {
      store = fresh.store;
    });

    it('lists the tasks one person completed, newest first, as summary rows with filters and paging', async () => {
      await store.insertApplication(reviewed('d1', '王建国'), []);
      await store.insertApplication(reviewed('d2', '李红', { seriesKey: 'jiaoshi', doneTasks: [{ taskId: 't', elementId: 'unitReview', name: '单位审核', userId: 'rev-1', decision: 'return', at: day(4) }] }), []);
      await store.insertApplication(makeApplication({ id: 'd3', applicantName: '无关' }), []);
      const all = await store.queryDoneTasks({ userId: 'rev-1' });
      expect(all.total).toBe(2);
      expect(all.items).toEqual([
        { applicationId: 'd2', taskId: 't', elementId: 'unitReview', name: '单位审核', decision: 'return', at: day(4), campaignId: 'c2022', seriesKey: 'jiaoshi', levelKey: 'fugao', applicantName: '李红', status: 'submitted' },
        { applicationId: 'd1', taskId: 't1-d1', elementId: 'unitReview', name: '单位审核', decision: 'approve', opinion: '同意推荐', at: day(2), campaignId: 'c2022', seriesKey: 'gongcheng', levelKey: 'fugao', applicantName: '王建国', status: 'submitted' },
      ]);
      expect((await store.queryDoneTasks({ userId: 'rev-1', limit: 1, offset: 1 })).items.map((r) => r.applicationId)).toEqual(['d1']);
      expect((await store.queryDoneTasks({ userId: 'rev-1', seriesKey: 'gongcheng' })).items.map((r) => r.applicationId)).toEqual(['d1']);
      expect((await store.queryDoneTasks({ userId: 'rev-1', applicantName: '建国' })).total).toBe(1);
      expect((await store.queryDoneTasks({ userId: 'rev-2', elementId: 'deptReview' })).items.map((r) => r.taskId)).toEqual(['t1-d1'.replace('t1', 't2')]);
      expect((await store.queryDoneTasks({ userId: 'nobody' })).total).toBe(0);
      // the rows follow the document: a later write (status, another completion) shows at once
      const d1 = (await store.getApplication('d1'))!;
      const more = [...(d1.doneTasks ?? []), { taskId: 't3', elementId: 'leagueReview', name: '盟市审核', userId: 'rev-1', at: day(5) }];
      expect((await store.updateApplication({ ...d1, version: 2, status: 'passed', doneTasks: more }, 1, [])).ok).toBe(true);
      const after = await store.queryDoneTasks({ userId: 'rev-1' });
      expect(after.items.map((r) => [r.applicationId, r.taskId, r.status])).toEqual([
        ['d1', 't3', 'passed'],
        ['d2', 't', 'submitted'],
        ['d1', 't1-d1', 'passed'],
      ]);
    });

    it('lists what was copied to one person, newest first, unread only on request', async () => {
      const copies: Application['copies'] = [
        { id: 'c1', userId: 'rev-9', by: 'rev-1', taskName: '单位审核', at: day(2), note: '请知悉' },
        { id: 'c2', userId: 'rev-9', by: 'rev-1', taskName: '主管部门审核', at: day(3), readAt: day(3, 5) },
        { id: 'c3', userId: 'rev-8', by: 'rev-1', taskName: '单位审核', at: day(3) },
      ];
      await store.insertApplication(makeApplication({ id: 'k1', applicantName: '赵敏', copies }), []);
      const mine = await store.queryCopies({ userId: 'rev-9' });
      expect(mine.total).toBe(2);
      expect(mine.items).toEqual([
        { applicationId: 'k1', id: 'c2', taskName: '主管部门审核', by: 'rev-1', at: day(3), readAt: day(3, 5), campaignId: 'c2022', seriesKey: 'gongcheng', levelKey: 'fugao', applicantName: '赵敏', status: 'draft' },
        { applicationId: 'k1', id: 'c1', taskName: '单位审核', by: 'rev-1', at: day(2), note: '请知悉', campaignId: 'c2022', seriesKey: 'gongcheng', levelKey: 'fugao', applicantName: '赵敏', status: 'draft' },
      ]);
      expect((await store.queryCopies({ userId: 'rev-9', unreadOnly: true })).items.map((c) => c.id)).toEqual(['c1']);
      // marking read is a write of the document; the index follows
      const k1 = (await store.getApplication('k1'))!;
      await store.updateApplication({ ...k1, version: 2, copies: (k1.copies ?? []).map((c) => (c.id === 'c1' ? { ...c, readAt: day(4) } : c)) }, 1, []);
      expect((await store.queryCopies({ userId: 'rev-9', unreadOnly: true })).total).toBe(0);
    });

    it('filters the inbox by applicant name and overdue, and sorts it by 办理期限 with undated tasks last', async () => {
      const task = (id: string, createdAt: string, dueAt?: string) => ({ taskId: `t-${id}`, elementId: 'unitReview', name: '单位审核', role: 'unitReviewer', orgId: 'org-A', createdAt, ...(dueAt ? { dueAt } : {}) });
      await store.insertApplication(makeApplication({ id: 'o1', applicantName: '张伟', openTasks: [task('o1', day(1), day(9))] }), []);
      await store.insertApplication(makeApplication({ id: 'o2', applicantName: '张强', openTasks: [task('o2', day(2))] }), []);
      await store.insertApplication(makeApplication({ id: 'o3', applicantName: '刘洋', openTasks: [task('o3', day(3), day(6))] }), []);
      const mine = { assignments: [{ role: 'unitReviewer', orgId: 'org-A' }], userId: 'u' };
      const ids = async (q: object) => (await store.queryTasks({ ...mine, ...q })).items.map((t) => t.applicationId);
      expect(await ids({})).toEqual(['o1', 'o2', 'o3']);
      expect(await ids({ sort: 'due' })).toEqual(['o3', 'o1', 'o2']);
      expect(await ids({ sort: 'due', offset: 1, limit: 1 })).toEqual(['o1']);
      expect(await ids({ sort: 'due', offset: 2, limit: 5 })).toEqual(['o2']);
      expect(await ids({ applicantName: '张' })).toEqual(['o1', 'o2']);
      expect(await ids({ overdueAt: day(7) })).toEqual(['o3']);
      expect((await store.queryTasks({ ...mine, overdueAt: day(10) })).total).toBe(2);
    });
  });
}
