// A roster of more applications than several store pages (issue 16): the Excel file streams every listed person
// exactly once in the order people applied (ties by id), the roster page pages the same order from the store, and
// drafts and withdrawn applications are on neither.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Application } from '../../server/domain/schema-types.gen.js';
import { makeApplication } from '../support/factories.js';
import { startHarness, type Harness } from '../support/harness.js';

/** more than two of the roster's store pages (500 documents) */
const N = 1_234;
const QUERY = 'campaignId=2031&levelKey=gongcheng.zhongji';

describe('roster: complete, in submission order, streamed and paged from the store', { timeout: 300_000 }, () => {
  let h: Harness;
  let expected: string[] = [];
  beforeAll(async () => {
    h = await startHarness();
    const apps: Application[] = [];
    for (let i = 0; i < N; i += 1) {
      // submission times out of step with ids and update times, many shared (same minute)
      const minute = (i * 7919) % 600;
      const submittedAt = new Date(Date.parse('2031-05-01T00:00:00.000Z') + minute * 60_000).toISOString();
      const status: Application['status'] = i % 50 === 3 ? 'draft' : i % 50 === 4 ? 'withdrawn' : i % 5 === 0 ? 'passed' : 'submitted';
      apps.push(
        makeApplication({
          id: `r-${String(i).padStart(5, '0')}`,
          applicantId: `r-user-${i}`,
          applicantName: `花名${i}`,
          campaignId: '2031',
          seriesKey: 'gongcheng',
          levelKey: 'gongcheng.zhongji',
          status,
          ...(status === 'draft' ? {} : { submittedAt }),
          updatedAt: new Date(Date.parse('2031-06-01T00:00:00.000Z') + ((i * 31) % 997) * 1000).toISOString(),
        }),
      );
    }
    for (const app of apps) expect((await h.platform.store.insertApplication(app, [])).ok).toBe(true);
    expected = apps
      .filter((a) => a.status !== 'draft' && a.status !== 'withdrawn')
      .sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? '') || a.id.localeCompare(b.id))
      .map((a) => a.applicantName);
  }, 300_000);
  afterAll(async () => h?.close());

  it('the Excel file has every person exactly once, in the order people applied, numbered from 1', async () => {
    const res = await h.as('demo-admin')({ method: 'GET', url: `/api/rosters.xlsx?${QUERY}` });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('花名册')!;
    const names: string[] = [];
    const seqs: number[] = [];
    ws.eachRow((row, n) => {
      if (n <= 2) return;
      seqs.push(Number(row.getCell(1).value));
      names.push(String(row.getCell(2).value));
    });
    expect(names.length).toBeGreaterThan(1_000);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expected);
    expect(seqs).toEqual(expected.map((_, i) => i + 1));
    // the audit names how many were on it
    const log = await h.platform.store.listAudit(0, 1_000_000);
    expect(log.filter((e) => e.action === 'roster.export').at(-1)).toMatchObject({ after: { rows: expected.length, format: 'xlsx' } });
  });

  it('the roster page pages the same order from the store, with the same total', async () => {
    const names: string[] = [];
    const seqs: number[] = [];
    for (let offset = 0; ; offset += 200) {
      const res = await h.as('demo-admin')({ method: 'GET', url: `/api/rosters/rows?${QUERY}&offset=${offset}&limit=200` });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { total: number; items: { seq: number; name: string }[] };
      expect(body.total).toBe(expected.length);
      names.push(...body.items.map((r) => r.name));
      seqs.push(...body.items.map((r) => r.seq));
      if (body.items.length < 200) break;
    }
    expect(names).toEqual(expected);
    expect(seqs).toEqual(expected.map((_, i) => i + 1));
  });
});
