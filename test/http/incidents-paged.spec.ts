// 流程异常 at scale: the administrator's list is paged by the server from the application summaries (the
// partial index of applications with incidents), with a total, every incident exactly once across the pages,
// and no whole document read.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Application } from '../../server/domain/schema-types.gen.js';
import { newState, type Incident } from '../../server/domain/workflow/state.js';
import { makeApplication } from '../support/factories.js';
import { startHarness, type Harness } from '../support/harness.js';

const WITH_INCIDENTS = 70;
const at = (i: number): string => `2026-03-${String(1 + (i % 28)).padStart(2, '0')}T0${i % 10}:00:00.000Z`;

function incident(i: number, n: number): Incident {
  return { id: `inc-${n}`, tokenId: `tok-${n}`, elementId: 'publicity', code: 'calendar.not_covered', reason: `第 ${i} 份：2027 年节假日未发布`, at: at(i), retry: 'enter' };
}

function app(i: number, status: Application['status'], incidents: Incident[]): Application {
  return makeApplication({
    id: `app-${String(i).padStart(3, '0')}`,
    applicantId: `p-${i}`,
    applicantName: `申报人${i}`,
    status,
    updatedAt: at(i),
    workflow: { ...newState(), status: 'active', incidents } as unknown as Application['workflow'],
  });
}

describe('流程异常 paged by the server', () => {
  let h: Harness;
  const want = new Set<string>();
  beforeAll(async () => {
    // no seeded configuration: the list reads the store only (and FerretDB on a loaded machine seeds slowly)
    h = await startHarness({ now: '2026-04-01T02:00:00.000Z', seeds: false, users: [{ id: 'admin', roles: [{ role: 'admin', orgId: 'nm-hrss' }] }] });
    const store = h.platform.store;
    for (let i = 0; i < WITH_INCIDENTS; i++) {
      // every seventh flow stopped twice (two tokens), every fifth is back with the applicant
      const list = i % 7 === 0 ? [incident(i, 2 * i), incident(i, 2 * i + 1)] : [incident(i, 2 * i)];
      await store.insertApplication(app(i, i % 5 === 0 ? 'returned' : 'submitted', list), []);
      for (const x of list) want.add(`app-${String(i).padStart(3, '0')}/${x.id}`);
    }
    // running flows without incidents, and a draft never listed
    for (let i = 100; i < 130; i++) await store.insertApplication(app(i, 'submitted', []), []);
    await store.insertApplication(app(200, 'draft', [incident(200, 999)]), []);
  }, 300_000);
  afterAll(async () => h?.close());

  it('pages through every incident once, with the total, without reading whole documents', async () => {
    const documents = vi.spyOn(h.platform.store, 'listApplications');
    const seen: string[] = [];
    let pages = 0;
    for (let offset = 0; ; offset += 20) {
      const res = await h.as('admin')({ method: 'GET', url: `/api/admin/incidents?offset=${offset}&limit=20` });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.total).toBe(WITH_INCIDENTS);
      pages++;
      for (const item of body.items) {
        expect(item).toMatchObject({ elementId: 'publicity', code: 'calendar.not_covered', applicantName: expect.stringMatching(/^申报人/) });
        expect(item.reason).toContain('2027');
        seen.push(`${item.applicationId}/${item.id}`);
      }
      if (offset + 20 >= body.total) break;
    }
    expect(pages).toBe(4);
    expect(seen.length).toBe(want.size);
    expect(new Set(seen)).toEqual(want);
    expect(documents).not.toHaveBeenCalled();
    documents.mockRestore();
  });

  it('answers the first page by default and refuses pages out of bounds', async () => {
    const first = (await h.as('admin')({ method: 'GET', url: '/api/admin/incidents' })).json();
    expect(first.total).toBe(WITH_INCIDENTS);
    expect(first.items.length).toBeGreaterThanOrEqual(50);
    for (const q of ['limit=0', 'limit=201', 'offset=-1', 'limit=abc']) {
      const res = await h.as('admin')({ method: 'GET', url: `/api/admin/incidents?${q}` });
      expect(res.statusCode, q).toBe(400);
      expect(res.json()).toMatchObject({ code: expect.any(String), message: expect.any(String), details: expect.any(Array) });
    }
  });
});
