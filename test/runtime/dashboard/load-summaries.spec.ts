// The dashboard reads every application of a campaign page by page: no cap, nothing read twice, the store's
// routedThrough filter passed on for a league/city reviewer.
import { describe, expect, it } from 'vitest';
import type { Application } from '../../../server/domain/schema-types.gen.js';
import type { AppDeps } from '../../../server/runtime/applications/deps.js';
import { loadSummaries } from '../../../server/runtime/dashboard/load-summaries.js';
import type { Names } from '../../../server/runtime/dashboard/names.js';
import type { ApplicationQuery } from '../../../server/store/port.js';

const TOTAL = 5_321;

const app = (i: number): Application =>
  ({ id: `a${i}`, status: 'submitted', applicantName: `申报人${i}`, campaignId: '2022', seriesKey: 's', levelKey: 's.l', pinned: { level: 1 }, openTasks: [], timers: [], materials: [], form: {} }) as unknown as Application;

describe('loadSummaries', () => {
  it('pages through more than 5 000 applications and keeps each once', async () => {
    const queries: ApplicationQuery[] = [];
    const store = {
      listApplications: async (q: ApplicationQuery) => {
        queries.push(q);
        const from = q.offset ?? 0;
        const items = Array.from({ length: Math.max(0, Math.min(q.limit ?? 50, TOTAL - from)) }, (_, k) => app(from + k));
        return { total: TOTAL, items };
      },
    };
    const names = { orgs: new Map(), org: () => '', series: () => '系列', level: () => '系列 · 职称', committee: () => '', path: async () => '', step: async () => '' } as unknown as Names;
    const out = await loadSummaries({ store } as unknown as AppDeps, names, '2022', ['150100', '150102']);
    expect(out).toHaveLength(TOTAL);
    expect(new Set(out.map((s) => s.applicantName)).size).toBe(TOTAL);
    expect(Math.max(...queries.map((q) => q.limit ?? 0))).toBeLessThanOrEqual(200);
    expect(queries.every((q) => q.campaignId === '2022' && q.routedThrough?.join() === '150100,150102')).toBe(true);
  });
});
