// Issue 14 item 5 (D4) in Chromium: an expert signs in, opens 评委会工作 → 我的评分, is refused an out-of-range score at
// the item, fills and submits the sheet (then read-only); the office's 评分 tab shows 已提交 n / 5 and no score, and
// 汇总 (with 民主测评 typed) completes the scoring step. Screenshots: test-output/expert-scoring/.
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hashPassword } from '../../server/auth/password.js';
import { applicants, type Harness } from '../conformance/support.js';
import { CLERK, COMMITTEE, EXPERTS, NAMES, runningSession, seedScoringPool, toScoring } from '../http/scoring-support.js';
import { describeInBrowser, screenshots, serveBrowserApp, type BrowserApp, openSignedIn } from '../support/browser.js';
import { startHarness } from '../support/harness.js';

describeInBrowser('评分 in Chromium: an expert fills a sheet; the office sees counts and 汇总', () => {
  let h: Harness;
  let served: BrowserApp | undefined;
  let browser: Browser;
  let base: string;
  const snap = screenshots('expert-scoring');
  const pageErrors: string[] = [];
  let sid = '';
  let appId = '';

  beforeAll(async () => {
    const passwordHash = await hashPassword('demo2026', 1024);
    const users = applicants([{ id: 'teacher-a', orgId: 'unit-hhht-no2-middle' }], NAMES.map((name, i) => ({ id: EXPERTS[i]!, name, passwordHash, roles: [{ role: 'expert' as const, orgId: COMMITTEE }] }))).map((u) => (u.id === 'teacher-a' ? { ...u, name: '萨仁高娃' } : u));
    h = await startHarness({ now: '2022-06-01T02:00:00.000Z', users });
    await seedScoringPool(h);
    appId = await toScoring(h, 'teacher-a');
    sid = await runningSession(h, [appId]);
    // four experts have submitted through the API already
    for (const e of EXPERTS.slice(1)) {
      const r = await h.as(e)({ method: 'PUT', url: `/api/sessions/${sid}/score-sheets/${appId}`, payload: { scores: { lectureScore: 80, interviewScore: 75, quantScore: 70 }, submit: true } });
      expect(r.statusCode, r.body).toBe(200);
    }
    served = await serveBrowserApp(h);
    ({ browser, base } = served);
  }, 180_000);

  afterAll(async () => {
    await served?.close();
    await h?.close();
  });

  const open = (login: string, path: string): Promise<Page> => openSignedIn(browser, base, login, path, pageErrors);

  it('the fifth expert scores; the office sees 已提交 5 / 5 and 汇总 sends the averages on', async () => {
    // 1. the expert's own page: the candidate, the three items with their ranges
    const expert = await open('sc-1', '/committee');
    const card = expert.getByTestId('scoring-candidate');
    await card.waitFor({ timeout: 60_000 });
    expect(await card.innerText()).toContain('萨仁高娃');
    expect(await card.innerText()).toMatch(/讲课说课（0–100 分）[\s\S]*面试答辩[\s\S]*量化评审/);
    await snap(expert, 'expert-sheet');

    // 2. out of range: refused at the item
    await card.getByTestId('score-讲课说课').fill('120');
    await card.getByTestId('score-面试答辩').fill('86');
    await card.getByTestId('score-量化评审').fill('78');
    await card.getByTestId('scoring-submit').click();
    await card.getByText('讲课说课得分须在 0 至 100 分之间').waitFor();
    await snap(expert, 'out-of-range');

    // 3. corrected and submitted: read-only
    await card.getByTestId('score-讲课说课').fill('88');
    await card.getByTestId('scoring-submit').click();
    await card.getByText('已提交').waitFor();
    expect(await card.getByTestId('scoring-submit').count()).toBe(0);
    await snap(expert, 'submitted');

    // 4. the office: counts only, then 汇总 with 民主测评
    const office = await open(CLERK, `/committee/sessions/${sid}`);
    const detail = office.getByTestId('session-detail');
    await detail.waitFor({ timeout: 60_000 });
    await detail.getByRole('tab', { name: '评分' }).click();
    const progress = office.getByTestId('scoring-progress');
    await progress.getByText('已提交 5 / 5').waitFor();
    const shown = await progress.innerText();
    for (const score of ['88', '86', '78', '80.00']) expect(shown).not.toContain(score);
    await snap(office, 'office-progress');
    await office.getByTestId('scoring-summarise').click();
    const dialog = office.locator('.ant-modal:visible');
    await dialog.getByLabel('民主测评满意率（%）').fill('93');
    await office.locator('.ant-modal[class*="ant-zoom"]').waitFor({ state: 'detached' }); // the opening animation is over
    await snap(office, 'summarise-dialog');
    await dialog.getByRole('button', { name: /汇总并填入评分环节/ }).click();
    await office.getByText('评分已结束').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await snap(office, 'summarised');

    const app = await h.platform.store.getApplication(appId);
    expect(app?.openTasks.map((t) => t.elementId)).toEqual(expect.arrayContaining(['vote']));
    expect(JSON.stringify(app)).toContain('"lectureScore":80');
    for (const code of ['sc-1', 'exp-sc', 'lectureScore', 'scoreSheet']) expect(await office.locator('body').innerText()).not.toContain(code);
    expect(pageErrors).toEqual([]);
  });
  it('an administrator changes a scoring item in words: the field picked by its title, 权重, 最低分, 最高分', async () => {
    const page = await open('demo-admin', '/admin/committees');
    const list = page.getByTestId('committees-page');
    await list.waitFor({ timeout: 60_000 });
    await list.locator('tr', { hasText: '呼和浩特市中小学教师高级职称评审委员会' }).getByText('编辑').click();
    const items = page.getByTestId('scoring-item');
    await items.first().waitFor();
    expect(await items.count()).toBe(3);
    expect(await items.nth(0).innerText()).toContain('讲课说课得分');
    const weight = items.nth(0).getByLabel('权重');
    await weight.fill('50');
    await snap(page, 'admin-scoring-sheet', items.nth(0));
    await page.getByTestId('committee-save').click();
    await page.getByTestId('committee-save').waitFor({ state: 'hidden' });
    const stored = await h.platform.store.getDefinition<{ committees: { id: string; scoringSheet?: { items: { field: string; weight: number }[] } }[] }>('committees', 'committees', 'latest');
    expect(stored?.body.committees.find((c) => c.id === COMMITTEE)?.scoringSheet?.items[0]).toMatchObject({ field: 'lectureScore', weight: 50 });
    expect(pageErrors).toEqual([]);
  });
});
