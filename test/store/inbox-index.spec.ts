// 待办, 已办 and 抄送 on SQLite at a few thousand rows across many orgs: the pages are exactly what a plain
// filter-and-sort over the documents gives, and each query walks its index in order (no SCAN of the table, no
// temporary sort), so the cost follows the caller's own rows, not every open task in the province.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Application } from '../../server/domain/schema-types.gen.js';
import type { OpenTaskRow, TaskQuery } from '../../server/store/port.js';
import type { TaskHistoryQuery } from '../../server/store/task-history.js';
import { inboxSql } from '../../server/store/sqlite/inbox.js';
import { historySql } from '../../server/store/sqlite/task-history.js';
import { openSqliteStore, type SqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import { makeApplication } from '../support/factories.js';
import { tempDir } from '../support/temp-dir.js';

const APPS = 3000;
const ORGS = 40;
const CAMPAIGNS = ['c2021', 'c2022', 'c2023'];
const SERIES = ['gongcheng', 'jiaoshi'];
// few distinct instants, so many tasks share one and the tie order (app, task) is exercised
const at = (i: number): string => `2022-06-${String(1 + (i % 20)).padStart(2, '0')}T0${i % 3}:00:00.000Z`;
const due = (i: number): string | undefined => (i % 4 === 0 ? undefined : `2022-07-${String(1 + (i % 9)).padStart(2, '0')}T00:00:00.000Z`);

type Task = Application['openTasks'][number];

function app(i: number): Application {
  const org = `org-${i % ORGS}`;
  const id = `app-${String(i).padStart(5, '0')}`;
  const base = { elementId: i % 5 === 0 ? 'deptReview' : 'unitReview', name: '审核', createdAt: at(i) };
  const d = due(i);
  const tasks: Task[] = [{ taskId: `t1`, ...base, role: 'unitReviewer', orgId: org, ...(d ? { dueAt: d } : {}) }];
  if (i % 3 === 0) tasks.push({ taskId: `t2`, ...base, role: 'competentReviewer', orgId: `dept-${i % 7}` });
  if (i % 11 === 0) tasks.push({ taskId: `t3`, ...base, elementId: 'vote', role: 'expert', orgId: 'committee-1', assignee: `expert-${i % 4}` });
  return makeApplication({
    id,
    applicantId: `p-${i}`,
    applicantName: i % 13 === 0 ? `王建国${i}` : `申报人${i}`,
    campaignId: CAMPAIGNS[i % CAMPAIGNS.length]!,
    seriesKey: SERIES[i % SERIES.length]!,
    status: 'submitted',
    routing: { unit: org },
    openTasks: tasks,
    doneTasks: [{ taskId: 't0', elementId: 'accept', name: '受理', userId: `rev-${i % 6}`, at: at(i + 1) }],
    copies: [{ id: 'c1', userId: `reader-${i % 5}`, by: 'rev-1', taskName: '单位审核', at: at(i + 2), ...(i % 2 ? { readAt: at(i + 3) } : {}) }],
  });
}

const docs = Array.from({ length: APPS }, (_, i) => app(i));

/** the inbox as the old query defined it: every open task, filtered and sorted in memory */
function expected(q: TaskQuery): OpenTaskRow[] {
  const mine = (t: Task) => q.assignments.some((a) => a.role === t.role && a.orgId === t.orgId) && (t.assignee === undefined || t.assignee === q.userId);
  const rows = docs.flatMap((a) =>
    a.openTasks
      .filter(mine)
      .filter((t) => q.campaignId === undefined || a.campaignId === q.campaignId)
      .filter((t) => q.seriesKey === undefined || a.seriesKey === q.seriesKey)
      .filter((t) => q.elementId === undefined || t.elementId === q.elementId)
      .filter(() => !q.applicantName || a.applicantName.includes(q.applicantName))
      .filter((t) => q.overdueAt === undefined || (t.dueAt !== undefined && t.dueAt < q.overdueAt))
      .map((t) => ({ ...t, applicationId: a.id })),
  );
  const cmp = (x: string | undefined, y: string | undefined) => (x === y ? 0 : x === undefined ? 1 : y === undefined ? -1 : x < y ? -1 : 1);
  const arrived = (x: (typeof rows)[number], y: (typeof rows)[number]) => cmp(x.createdAt, y.createdAt) || cmp(x.applicationId, y.applicationId) || cmp(x.taskId, y.taskId);
  rows.sort(q.sort === 'due' ? (x, y) => cmp(x.dueAt, y.dueAt) || arrived(x, y) : arrived);
  return rows as unknown as OpenTaskRow[];
}

const planOf = (store: SqliteStore, sql: string, args: unknown[]): string[] =>
  (store.raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail);

describe('inbox, 已办 and 抄送 served from indexes (SQLite)', () => {
  const dir = tempDir('zc-inbox-');
  let store: SqliteStore;
  beforeAll(async () => {
    store = openSqliteStore(dir.path);
    for (const d of docs) expect((await store.insertApplication(d, [])).ok).toBe(true);
  });
  afterAll(async () => {
    await store.close();
    dir.remove();
  });

  const reviewer: TaskQuery = { assignments: [{ role: 'unitReviewer', orgId: 'org-3' }], userId: 'u-rev' };
  // a person with three assignments, one of them the committee whose ballots are personal
  const several: TaskQuery = {
    assignments: [
      { role: 'unitReviewer', orgId: 'org-7' },
      { role: 'competentReviewer', orgId: 'dept-2' },
      { role: 'expert', orgId: 'committee-1' },
      { role: 'unitReviewer', orgId: 'org-7' },
    ],
    userId: 'expert-1',
  };
  const cases: [string, TaskQuery][] = [
    ['one assignment', reviewer],
    ['one assignment, due first', { ...reviewer, sort: 'due' }],
    ['several assignments', several],
    ['several assignments, due first', { ...several, sort: 'due' }],
    ['campaign and series', { ...several, campaignId: 'c2022', seriesKey: 'jiaoshi' }],
    ['step and name', { ...several, elementId: 'unitReview', applicantName: '建国' }],
    ['overdue, due first', { ...several, overdueAt: '2022-07-05T00:00:00.000Z', sort: 'due' }],
    ['nothing assigned', { assignments: [], userId: 'nobody' }],
  ];

  it.each(cases)('lists every task of the caller, in order, page by page: %s', async (_name, q) => {
    const want = expected(q);
    const seen: OpenTaskRow[] = [];
    for (let offset = 0; ; offset += 37) {
      const page = await store.queryTasks({ ...q, offset, limit: 37 });
      expect(page.total).toBe(want.length);
      seen.push(...page.items);
      if (page.items.length < 37) break;
    }
    expect(seen.map((t) => `${t.applicationId}/${t.taskId}`)).toEqual(want.map((t) => `${t.applicationId}/${t.taskId}`));
    expect(seen.every((t) => t.campaignId && t.seriesKey && t.applicantName)).toBe(true);
    if (q === several) expect(new Set(seen.map((t) => t.role))).toEqual(new Set(['unitReviewer', 'competentReviewer', 'expert']));
  });

  it('walks the inbox indexes: no scan of open_tasks, no temporary sort, a covering count', () => {
    for (const [, q] of cases.filter(([, c]) => c.assignments.length > 0)) {
      const sql = inboxSql({ ...q, limit: 20, offset: 0 })!;
      const page = planOf(store, sql.page, sql.pageArgs);
      const count = planOf(store, sql.count, sql.countArgs);
      expect(page.filter((d) => d.startsWith('SEARCH open_tasks')).length, page.join('\n')).toBe(new Set(q.assignments.map((a) => `${a.role}/${a.orgId}`)).size);
      expect(page.every((d) => /USING INDEX open_tasks_inbox(_due)? \(role=\? AND org_id=\?\)/.test(d) || !d.includes('open_tasks')), page.join('\n')).toBe(true);
      expect([...page, ...count].some((d) => /SCAN open_tasks|TEMP B-TREE/.test(d)), [...page, ...count].join('\n')).toBe(false);
      if (!q.campaignId && !q.applicantName && !q.elementId && !q.overdueAt) {
        expect(count.filter((d) => d.includes('open_tasks')).every((d) => d.includes('COVERING INDEX open_tasks_inbox')), count.join('\n')).toBe(true);
      }
    }
  });

  it('lists 已办 and 抄送 by person, newest first, from their indexes without a sort', async () => {
    const done = await store.queryDoneTasks({ userId: 'rev-2', limit: 1000 });
    const wantDone = docs.filter((_, i) => i % 6 === 2).map((a) => ({ id: a.id, at: a.doneTasks![0]!.at }));
    wantDone.sort((x, y) => (x.at === y.at ? (x.id < y.id ? -1 : 1) : x.at > y.at ? -1 : 1));
    expect(done.total).toBe(wantDone.length);
    expect(done.items.map((r) => r.applicationId)).toEqual(wantDone.map((r) => r.id));
    const unread = await store.queryCopies({ userId: 'reader-4', unreadOnly: true, limit: 1000 });
    expect(unread.total).toBe(docs.filter((_, i) => i % 5 === 4 && i % 2 === 0).length);
    expect(unread.items.every((r) => r.readAt === undefined)).toBe(true);
    const queries: ['done' | 'copies', TaskHistoryQuery][] = [
      ['done', { userId: 'rev-2', limit: 20 }],
      ['done', { userId: 'rev-2', seriesKey: 'jiaoshi' }],
      ['copies', { userId: 'reader-4' }],
      ['copies', { userId: 'reader-4', unreadOnly: true }],
    ];
    for (const [list, q] of queries) {
      const sql = historySql(list, q);
      const plan = [...planOf(store, sql.count, sql.args), ...planOf(store, sql.page, [...sql.args, 20, 0])];
      expect(plan.some((d) => /SCAN (done_tasks|copies)|TEMP B-TREE/.test(d)), plan.join('\n')).toBe(false);
      expect(plan.every((d) => /USING (COVERING )?INDEX (done_tasks_by_user_at|copies_by_user_at) \(user_id=\?\)/.test(d)), plan.join('\n')).toBe(true);
    }
    // the unread badge's count reads the index alone
    const unreadCount = historySql('copies', { userId: 'reader-4', unreadOnly: true });
    expect(planOf(store, unreadCount.count, unreadCount.args)).toEqual([expect.stringContaining('COVERING INDEX copies_by_user_at')]);
  });
});
