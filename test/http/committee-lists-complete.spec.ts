// The committee office's pickers read every application routed through the committee, as summaries by keyset
// pages: a series busy with other committees' applications no longer hides the office's own behind a first page
// of 500 (回避申报's applicant picker).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeApplication } from '../support/factories.js';
import { startHarness, type Harness } from '../support/harness.js';

const COMMITTEE = 'cmt-150100-jiceng';
const OTHER = 'cmt-other';
const OTHERS = 600;
const at = (i: number): string => new Date(Date.parse('2022-07-01T00:00:00.000Z') + i * 60_000).toISOString();

describe('committee pickers list the whole committee', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ now: '2022-08-01T02:00:00.000Z' });
    const store = h.platform.store;
    const mk = (id: string, committeeId: string, name: string, i: number) =>
      makeApplication({ id, applicantId: `p-${id}`, applicantName: name, seriesKey: 'zhongxiaoxue', status: 'submitted', committeeId, routing: { unit: 'unit-x', committee: committeeId }, updatedAt: at(i) });
    // the committee's own three, updated before the other committee's 600 of the same series
    for (let i = 0; i < 3; i++) await store.insertApplication(mk(`own-${i}`, COMMITTEE, `本会申报人${i}`, i), []);
    for (let i = 0; i < OTHERS; i++) await store.insertApplication(mk(`other-${i}`, OTHER, `他会申报人${i}`, 100 + i), []);
  }, 300_000);
  afterAll(async () => h?.close());

  it('回避申报: the applicant picker finds the committee’s applications behind 600 newer ones, without whole documents', async () => {
    const documents = vi.spyOn(h.platform.store, 'listApplications');
    const res = await h.as('demo-admin')({ method: 'GET', url: `/api/committees/${COMMITTEE}/conflict-applicants` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((i: { applicationId: string }) => i.applicationId).sort()).toEqual(['own-0', 'own-1', 'own-2']);
    const named = await h.as('demo-admin')({ method: 'GET', url: `/api/committees/${COMMITTEE}/conflict-applicants?q=${encodeURIComponent('申报人1')}` });
    expect(named.json().items).toEqual([{ applicationId: 'own-1', label: expect.stringContaining('本会申报人1') }]);
    expect(documents).not.toHaveBeenCalled();
    documents.mockRestore();
  });
});
