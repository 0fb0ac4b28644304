// The dashboard reads every application of a campaign page by page, from the summaries a real store keeps: no cap,
// nothing read twice, and a league/city reviewer's orgs filter the applications in the store (routedThrough).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../../server/runtime/applications/deps.js';
import { loadSummaries } from '../../../server/runtime/dashboard/load-summaries.js';
import type { Names } from '../../../server/runtime/dashboard/names.js';
import { openSqliteStore, type SqliteStore } from '../../../server/store/sqlite/sqlite-store.js';
import { makeApplication } from '../../support/factories.js';
import { tempDir } from '../../support/temp-dir.js';

const TOTAL = 5_321;
const dir = tempDir('zc-load-summaries-');
let store: SqliteStore;

beforeAll(async () => {
  store = openSqliteStore(dir.path);
  const writes: Promise<unknown>[] = [];
  for (let i = 0; i < TOTAL; i++) {
    // every third through the league's two orgs; updated times repeat, so pages meet ties
    const routing = i % 3 === 0 ? { unit: i % 2 ? '150100' : '150102' } : { unit: 'elsewhere' };
    const at = `2022-06-${String(1 + (i % 20)).padStart(2, '0')}T00:00:00.000Z`;
    writes.push(store.insertApplication(makeApplication({ id: `a${i}`, applicantId: `u${i}`, applicantName: `申报人${i}`, campaignId: '2022', status: 'submitted', routing, updatedAt: at }), []));
  }
  await Promise.all(writes);
  // another campaign's applications are not on this dashboard
  await store.insertApplication(makeApplication({ id: 'other', applicantId: 'u-other', campaignId: '2021', status: 'submitted', routing: { unit: '150100' } }), []);
});

afterAll(async () => {
  await store.close();
  dir.remove();
});

const names = { orgs: new Map(), org: () => '', series: () => '系列', level: () => '系列 · 职称', committee: () => '', path: async () => '', step: async () => '' } as unknown as Names;

describe('loadSummaries', () => {
  it('pages through more than 5 000 applications and keeps each once', async () => {
    const out = await loadSummaries({ store } as unknown as AppDeps, names, '2022', null);
    expect(out).toHaveLength(TOTAL);
    expect(new Set(out.map((s) => s.applicantName)).size).toBe(TOTAL);
  });

  it('keeps to the reviewer orgs, filtered in the store', async () => {
    const out = await loadSummaries({ store } as unknown as AppDeps, names, '2022', ['150100', '150102']);
    const expected = Array.from({ length: TOTAL }, (_, i) => i).filter((i) => i % 3 === 0).map((i) => `申报人${i}`);
    expect(out.map((s) => s.applicantName).sort()).toEqual(expected.sort());
  });
});
