// The embedded store's lists: a file written before summaries were kept opens, gains the derived columns and keeps
// C1; each common list reads its page from an index (EXPLAIN QUERY PLAN), never scanning or sorting the table.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newState } from '../../server/domain/workflow/state.js';
import type { ApplicationQuery } from '../../server/store/port.js';
import { pageSql, PAGE_COLUMNS, whereOf } from '../../server/store/sqlite/application-lists.js';
import { openSqliteStore, type SqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import { makeApplication } from '../support/factories.js';
import { tempDir } from '../support/temp-dir.js';

// the applications tables as server/store/sqlite/schema.sql made them at e44d45a (before summaries)
const OLD_SCHEMA = `
CREATE TABLE applications (
  id TEXT PRIMARY KEY, version INTEGER NOT NULL, applicant_id TEXT NOT NULL, campaign_id TEXT NOT NULL,
  series_key TEXT NOT NULL, level_key TEXT NOT NULL, status TEXT NOT NULL, updated_at TEXT NOT NULL, doc TEXT NOT NULL,
  routing TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX applications_by_applicant ON applications (applicant_id);
CREATE INDEX applications_by_campaign ON applications (campaign_id, status);
CREATE UNIQUE INDEX applications_one_per_year ON applications (applicant_id, json_extract(doc, '$.campaignYear'), json_extract(doc, '$.grade'))
  WHERE status NOT IN ('draft', 'withdrawn') AND json_extract(doc, '$.grade') IS NOT NULL AND json_extract(doc, '$.campaignYear') IS NOT NULL;
CREATE TABLE application_orgs (app_id TEXT NOT NULL, org_id TEXT NOT NULL, PRIMARY KEY (org_id, app_id));
CREATE TABLE application_reach (app_id TEXT NOT NULL, reach TEXT NOT NULL, PRIMARY KEY (reach, app_id));
`;

const dirs: { remove(): void }[] = [];
const stores: SqliteStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  for (const d of dirs.splice(0)) d.remove();
});
const open = (path: string): SqliteStore => {
  const s = openSqliteStore(path);
  stores.push(s);
  return s;
};

describe('sqlite store: a file from before summaries', () => {
  it('opens, gains the derived columns, keeps C1 and lists the old application with its summary', async () => {
    const dir = tempDir('zc-old-');
    dirs.push(dir);
    const old = makeApplication({
      id: 'old-1', applicantId: 'p1', status: 'submitted', grade: '副高级', campaignYear: 2022, orgId: 'U1', committeeId: 'cm-1',
      submittedAt: '2022-06-02T00:00:00.000Z', routing: { unit: 'U1' }, workflow: { ...newState(), status: 'active', reached: ['unitReviewer@U1'] },
    });
    const raw = new Database(join(dir.path, 'zhicheng.sqlite'));
    raw.exec(OLD_SCHEMA);
    raw.prepare('INSERT INTO applications (id, version, applicant_id, campaign_id, series_key, level_key, status, updated_at, doc, routing) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(old.id, old.version, old.applicantId, old.campaignId, old.seriesKey, old.levelKey, old.status, old.updatedAt, JSON.stringify(old), JSON.stringify(old.routing));
    raw.prepare('INSERT INTO application_orgs (app_id, org_id) VALUES (?, ?)').run(old.id, 'U1');
    raw.prepare('INSERT INTO application_reach (app_id, reach) VALUES (?, ?)').run(old.id, 'unitReviewer@U1');
    raw.close();

    const store = open(dir.path);
    const columns = (store.raw.prepare('PRAGMA table_info(applications)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).toEqual(expect.arrayContaining(['org_id', 'committee_id', 'grade', 'campaign_year', 'submitted_at', 'incidents', 'summary']));
    const page = await store.listApplicationSummaries({ campaignId: old.campaignId });
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({ id: 'old-1', status: 'submitted', grade: '副高级', campaignYear: 2022, submittedAt: '2022-06-02T00:00:00.000Z' });
    expect((await store.listApplicationSummaries({ visibleTo: { reachedBy: ['unitReviewer@U1'] } })).items.map((s) => s.id)).toEqual(['old-1']);
    expect((await store.listApplicationSummaries({ order: 'submitted', campaignId: old.campaignId })).items.map((s) => s.id)).toEqual(['old-1']);
    expect(await store.findUnitCommittee({ campaignId: old.campaignId, seriesKey: old.seriesKey, levelKey: old.levelKey, unitId: 'U1' })).toBe('cm-1');
    // C1 still holds: a second submitted application of the same person, year and grade is refused
    const second = { ...old, id: 'old-2', submittedAt: '2022-06-03T00:00:00.000Z' };
    expect(await store.insertApplication(second, [])).toMatchObject({ ok: false, code: 'duplicate' });
    expect(await store.getApplication('old-2')).toBeNull();
    // and the file opens again unchanged
    await store.close();
    stores.splice(0);
    expect((await open(dir.path).listApplicationSummaries({})).total).toBe(1);
  });
});

describe('sqlite store: lists read a page from an index', () => {
  const plan = (store: SqliteStore, q: ApplicationQuery): string[] => {
    const page = pageSql(q, whereOf(q));
    return (store.raw.prepare(`EXPLAIN QUERY PLAN SELECT ${PAGE_COLUMNS} FROM applications ${page.sql}`).all(...page.args) as { detail: string }[]).map((r) => r.detail);
  };
  const ORDERED: [string, ApplicationQuery][] = [
    ['everything (the administrator)', {}],
    ['applicant', { applicantId: 'p1' }],
    ['campaign', { campaignId: 'c2022' }],
    ['campaign, series and level', { campaignId: 'c2022', seriesKey: 'gongcheng', levelKey: 'fugao' }],
    ['campaign and status', { campaignId: 'c2022', status: 'submitted' }],
    ['incidents', { hasIncidents: true }],
    ['campaign, seen by an office', { campaignId: 'c2022', visibleTo: { reachedBy: ['unitReviewer@U1'] } }],
    ['roster', { order: 'submitted', campaignId: 'c2022', statusIn: ['submitted', 'passed'] }],
    ['roster of a level, next page', { order: 'submitted', campaignId: 'c2022', seriesKey: 'gongcheng', levelKey: 'fugao', statusIn: ['submitted'], after: 'WyIyMDIyIiwieCJd' }],
    ['roster of a level, by its key alone', { order: 'submitted', campaignId: 'c2022', levelKey: 'fugao', statusIn: ['submitted', 'returned'] }],
    ['a level, by its key alone', { campaignId: 'c2022', levelKey: 'fugao' }],
    ['roster seen by an office', { order: 'submitted', campaignId: 'c2022', statusIn: ['submitted'], visibleTo: { reachedBy: ['unitReviewer@U1'] } }],
  ];

  it('walks the index in the list order: no table scan, no sort', async () => {
    const dir = tempDir('zc-plan-');
    dirs.push(dir);
    const store = open(dir.path);
    for (let i = 0; i < 40; i += 1) {
      await store.insertApplication(makeApplication({ id: `a${i}`, applicantId: `p${i % 7}`, campaignId: i % 2 ? 'c2022' : 'c2023', status: i % 3 ? 'submitted' : 'draft', routing: { unit: `U${i % 3}` } }), []);
    }
    for (const [label, q] of ORDERED) {
      const lines = plan(store, q);
      expect({ label, lines: lines.filter((l) => /^SCAN applications$|TEMP B-TREE/.test(l)) }).toEqual({ label, lines: [] });
      expect({ label, index: lines.some((l) => /^(SCAN|SEARCH) applications USING (COVERING )?INDEX applications_/.test(l)) }).toEqual({ label, index: true });
    }
  });

  it('finds what reached an office and what passed through an org by their tables, never scanning applications', async () => {
    const dir = tempDir('zc-plan-');
    dirs.push(dir);
    const store = open(dir.path);
    const cases: [string, ApplicationQuery, string][] = [
      ['visibleTo', { visibleTo: { applicantId: 'p1', reachedBy: ['unitReviewer@U1'] } }, 'application_reach'],
      ['routedThrough', { routedThrough: ['U1'] }, 'application_orgs'],
    ];
    for (const [label, q, table] of cases) {
      const lines = plan(store, q);
      expect({ label, scans: lines.filter((l) => /^SCAN applications/.test(l)) }).toEqual({ label, scans: [] });
      expect({ label, via: lines.some((l) => l.startsWith(`SEARCH ${table}`)) }).toEqual({ label, via: true });
    }
  });
});
