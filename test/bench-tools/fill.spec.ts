// The fill tool (test/bench/fill/) puts applications into a store through the runtime: every one is submitted (or a
// draft the runtime refused), and the ones left waiting sit in the inboxes of the people their flow reached.
import { afterAll, describe, expect, it } from 'vitest';
import { fillStore } from '../bench/fill/fill-store.js';
import { openSqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import { tempDir } from '../support/temp-dir.js';

// three units of different series: the probe (one test submit per campaign, unit and profile) stays small in CI
const UNITS = ['unit-hhht-design', 'unit-nmg-hospital', 'unit-chasuqi-agri'];

describe('fill tool', () => {
  const dir = tempDir('zc-fill-spec-');
  afterAll(() => dir.remove());

  it('fills 80 applications through the runtime, the waiting ones in their reviewers’ inboxes', { timeout: 900_000 }, async () => {
    const res = await fillStore({ n: 80, dataDir: dir.path, units: UNITS, years: [2022, 2026], concurrency: 16 });
    expect(res.applications).toBe(80);
    expect(res.refused).toBe(0);
    const store = openSqliteStore(dir.path);
    try {
      const all = await store.listApplicationSummaries({ limit: 500 });
      expect(all.total).toBe(80);
      expect(all.items.filter((a) => a.status === 'draft')).toEqual([]);
      expect(new Set(all.items.map((a) => a.campaignId))).toEqual(new Set(['2022', '2026']));
      expect(new Set(all.items.map((a) => a.seriesKey)).size).toBeGreaterThan(2);
      // the flows moved: some waiting at the first review, some further on, some finished
      const statuses = new Set(all.items.map((a) => a.status));
      expect(statuses.has('submitted')).toBe(true);
      expect(statuses.size).toBeGreaterThan(2);
      // every open task of the filled store is in the inbox of its (role, org): the inbox returns exactly them
      const apps = await Promise.all(all.items.map((a) => store.getApplication(a.id)));
      const open = apps.flatMap((a) => a!.openTasks.filter((t) => t.assignee === undefined).map((t) => ({ appId: a!.id, ...t })));
      expect(open.length).toBeGreaterThan(20);
      const byDesk = new Map<string, typeof open>();
      for (const t of open) byDesk.set(`${t.role}@${t.orgId}`, [...(byDesk.get(`${t.role}@${t.orgId}`) ?? []), t]);
      for (const [desk, tasks] of byDesk) {
        const [role, orgId] = desk.split('@') as [string, string];
        const inbox = await store.queryTasks({ assignments: [{ role, orgId }], userId: 'nobody', limit: 1000 });
        expect(inbox.items.map((t) => `${t.applicationId}/${t.taskId}`).sort(), desk).toEqual(tasks.map((t) => `${t.appId}/${t.taskId}`).sort());
      }
      // the seeded unit reviewer demo-unit-design sees the design institute's applications waiting for unit review
      const design = await store.queryTasks({ assignments: [{ role: 'unitReviewer', orgId: 'unit-hhht-design' }], userId: 'demo-unit-design', limit: 1000 });
      expect(design.items.every((t) => apps.find((a) => a!.id === t.applicationId)!.orgId === 'unit-hhht-design')).toBe(true);
    } finally {
      await store.close();
    }
  });
});
