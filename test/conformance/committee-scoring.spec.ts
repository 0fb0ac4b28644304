// 评分 (issue 14 item 5, D4) through the public API with the seeded teachers' committee of 呼和浩特 and its scoring
// sheet (讲课说课, 面试答辩, 量化评审; one highest and one lowest dropped from 5 sheets): five present experts fill
// their sheets, the office sees counts only and clicks 汇总, the averages complete the scoring step, and the flow goes
// on to the vote of those present, or fails below the line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../server/domain/schema-types.gen.js';
import { CLERK, COMMITTEE, EXPERTS, NAMES, runningSession, seedScoringPool, toScoring } from '../http/scoring-support.js';
import { inbox, start, view, type Harness } from './support.js';

type Json = Record<string, unknown>;

const sheet = (h: Harness, expert: string, sid: string, appId: string, scores: Json, submit = true) =>
  h.as(expert)({ method: 'PUT', url: `/api/sessions/${sid}/score-sheets/${appId}`, payload: { scores, submit } });

describe('conformance: scoring sheets (D4)', () => {
  let h: Harness;
  let sid = '';
  let good = '';
  let weak = '';
  beforeAll(async () => {
    h = await start(
      '2022-06-01T02:00:00.000Z',
      [{ id: 't-good', orgId: 'unit-hhht-no2-middle' }, { id: 't-weak', orgId: 'unit-hhht-no2-middle' }],
      NAMES.map((name, i): Partial<User> => ({ id: EXPERTS[i]!, name, roles: [{ role: 'expert', orgId: COMMITTEE }] })),
    );
    await seedScoringPool(h);
    good = await toScoring(h, 't-good');
    weak = await toScoring(h, 't-weak');
    sid = await runningSession(h, [good, weak]);
  });
  afterAll(async () => h.close());

  it('D4: a teacher scored by five experts — the averages drop the highest and lowest, complete the scoring step, and the flow goes on to the vote of those present', async () => {
    const mine = await h.as('sc-1')({ method: 'GET', url: '/api/score-sheets/mine' });
    expect(mine.statusCode, mine.body).toBe(200);
    const s = mine.json().items[0] as Json;
    expect(s).toMatchObject({ sessionId: sid, sheet: { items: [{ label: '讲课说课' }, { label: '面试答辩' }, { label: '量化评审' }] } });
    expect((s['candidates'] as Json[]).map((c) => c['applicationId'])).toEqual([good, weak]);
    expect((s['candidates'] as Json[])[0]).toMatchObject({ applicantName: expect.any(String), title: expect.stringMatching(/\S/), submitted: false });

    // out of range: refused at the item, in Chinese, nothing stored
    const bad = await sheet(h, 'sc-1', sid, good, { lectureScore: 120, interviewScore: 80, quantScore: 80 });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ code: 'scoreSheet.invalid', details: [{ code: 'score.out_of_range', message: '讲课说课得分须在 0 至 100 分之间', pointer: '/scores/lectureScore' }] });
    // a draft, then the submitted sheet, then read-only
    expect((await sheet(h, 'sc-1', sid, good, { lectureScore: 90 }, false)).statusCode).toBe(200);
    const lecture = [90, 80, 85, 60, 81];
    const interview = [70, 71, 72, 99, 50];
    for (const [i, e] of EXPERTS.entries()) {
      if (i === 4) {
        const progress = (await h.as(CLERK)({ method: 'GET', url: `/api/sessions/${sid}/scoring` })).json();
        expect(progress.items[0]).toEqual({ applicationId: good, applicantName: expect.any(String), title: expect.any(String), submitted: 4, expected: 5, open: true });
        const early = await h.as(CLERK)({ method: 'POST', url: `/api/sessions/${sid}/scoring/${good}/summarise`, payload: { fields: { democraticScore: 92 } } });
        expect(early.statusCode).toBe(409);
        expect(early.json()).toMatchObject({ code: 'scoreSheet.incomplete', message: expect.stringContaining('已提交 4 / 5') });
      }
      const res = await sheet(h, e, sid, good, { lectureScore: lecture[i], interviewScore: interview[i], quantScore: 75 + i });
      expect(res.statusCode, res.body).toBe(200);
    }
    const again = await sheet(h, 'sc-1', sid, good, { lectureScore: 100, interviewScore: 100, quantScore: 100 });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'scoreSheet.submitted', message: '评分表已提交，不能修改' });

    const done = await h.as(CLERK)({ method: 'POST', url: `/api/sessions/${sid}/scoring/${good}/summarise`, payload: { fields: { democraticScore: 92 } } });
    expect(done.statusCode, done.body).toBe(200);
    // 讲课说课 80,81,85 → 82; 面试答辩 70,71,72 → 71; 量化评审 76,77,78 → 77
    expect(done.json()).toMatchObject({ summary: { sheets: 5, dropped: true, items: { lectureScore: 82, interviewScore: 71, quantScore: 77 } }, seated: true });
    // only the averages reach the application
    const app = JSON.stringify(await view(h, 'demo-admin', good));
    expect(app).toContain('"lectureScore":82');
    expect(app).not.toContain('"lectureScore":90');
    // the vote is seated to the five present members, not the committee's standing list
    expect((await inbox(h, 'sc-3', good)).map((t) => t.elementId)).toEqual(['vote']);
    expect(await inbox(h, 'expert-1', good)).toEqual([]);
  });

  it('D4: below the line after 汇总 the application fails', async () => {
    for (const [i, e] of EXPERTS.entries()) expect((await sheet(h, e, sid, weak, { lectureScore: 50 + i, interviewScore: 70, quantScore: 70 })).statusCode).toBe(200);
    const done = await h.as(CLERK)({ method: 'POST', url: `/api/sessions/${sid}/scoring/${weak}/summarise`, payload: { fields: { democraticScore: 90 } } });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ summary: { items: { lectureScore: 52 } }, status: 'failed', seated: false });
  });

  it('D4: scores stay secret — another expert’s sheet is not found, the office sees counts only, the audit holds no score', async () => {
    const own = await h.as('sc-2')({ method: 'GET', url: '/api/score-sheets/mine' });
    const sheetId = (own.json().items[0].candidates as Json[])[0]!['sheetId'] as string;
    expect((await h.as('sc-2')({ method: 'GET', url: `/api/score-sheets/${sheetId}` })).statusCode).toBe(200);
    expect((await h.as('sc-1')({ method: 'GET', url: `/api/score-sheets/${sheetId}` })).statusCode).toBe(404);
    expect((await h.as(CLERK)({ method: 'GET', url: `/api/score-sheets/${sheetId}` })).statusCode).toBe(403);
    const progress = await h.as(CLERK)({ method: 'GET', url: `/api/sessions/${sid}/scoring` });
    expect(progress.statusCode).toBe(200);
    for (const item of progress.json().items as Json[]) expect(Object.keys(item).sort()).toEqual(['applicantName', 'applicationId', 'expected', 'open', 'submitted', 'title']);
    // 纪检 and experts do not see progress
    expect((await h.as('sc-1')({ method: 'GET', url: `/api/sessions/${sid}/scoring` })).statusCode).toBe(403);
    const audit = await h.platform.store.listAudit(1, 1_000_000);
    const sheetAudit = audit.filter((a) => a.target.type === 'scoreSheet');
    expect(sheetAudit.length).toBeGreaterThanOrEqual(10);
    expect(JSON.stringify(sheetAudit)).not.toContain('lectureScore');
  });
  it('D4: 评委会管理 keeps the scoring sheet as data: items fill the scoring form’s fields, offered by their titles', async () => {
    const fields = await h.as('demo-admin')({ method: 'GET', url: '/api/score-sheets/fields?seriesKey=zhongxiaoxue' });
    expect(fields.statusCode).toBe(200);
    expect(fields.json().items).toEqual(expect.arrayContaining([{ field: 'lectureScore', title: '讲课说课得分', min: 0, max: 100 }, { field: 'democraticScore', title: '民主测评满意率（%）', min: 0, max: 100 }]));
    const list = (await h.as('demo-admin')({ method: 'GET', url: '/api/admin/committees' })).json() as { version: number; items: Json[] };
    const c = list.items.find((x) => x['id'] === COMMITTEE)!;
    const scoringSheet = { name: '评分表', items: [{ field: 'lectureScore', label: '讲课说课', weight: 60, min: 0, max: 100 }, { field: 'interviewScore', label: '面试答辩', weight: 40, min: 0, max: 100 }] };
    const { id: _id, experts: _experts, ...rest } = c;
    const saved = await h.as('demo-admin')({ method: 'PUT', url: `/api/admin/committees/${COMMITTEE}`, payload: { ...rest, scoringSheet, baseVersion: list.version } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().committee.scoringSheet).toEqual(scoringSheet);
    const progress = (await h.as(CLERK)({ method: 'GET', url: `/api/sessions/${sid}/scoring` })).json();
    expect(progress.extraFields.map((f: Json) => f['title'])).toEqual(['量化评审得分', '民主测评满意率（%）']);
  });
});
