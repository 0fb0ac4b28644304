// The reviewer's workbench in Chromium (issue 13 "Done when": a reviewer's batch approval). demo-unit-design
// has three senior engineering applications waiting: one from before the flow set a 办理期限, one overdue (in
// red), one due soon. The compact view of one at 1440×900 — the 评审表 as sections and tables, materials
// previewed inline, eligibility and the steps beside it — stays under 1,600 px tall. Then the reviewer filters,
// ticks all three, gives one opinion, and all three move to 已办 with it.
// Screenshots: test-output/workbench-batch/ (git-ignored).
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/config.js';
import type { StepFlow } from '../../server/domain/workflow/steps/types.js';
import { multipartFile } from '../support/applicant-flow.js';
import { collectPageErrors, describeInBrowser, screenshots, serveBrowserApp, signIn, type BrowserApp } from '../support/browser.js';
import { prepare, seniorForm, submit } from '../conformance/support.js';
import { engineer } from '../support/engineer.js';
import { startHarness, type Harness } from '../support/harness.js';

// a 2×2 PNG (red, green / blue, white): a real image for the inline preview
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGO4o6GhscCGQSPgzv///wEjzAaC9yO1aQAAAABJRU5ErkJggg==', 'base64');

describeInBrowser('reviewer workbench: compact view and batch approval (Chromium)', () => {
  let h: Harness;
  let served: BrowserApp | undefined;
  let browser: Browser;
  let base: string;
  const errors: string[] = [];
  const snap = screenshots('workbench-batch');
  const ids: Record<string, string> = {};

  async function apply(userId: string, name: string, image = false): Promise<string> {
    const id = await prepare(h, userId, { levelKey: 'gongcheng.fugao', form: seniorForm({ name }), ...(image ? { skip: ['diploma'] } : {}) });
    if (image) {
      const { payload, headers } = multipartFile('file', '学位证书.png', 'image/png', PNG);
      const up = await h.as(userId)({ method: 'POST', url: `/api/applications/${id}/materials/diploma`, payload, headers });
      expect(up.statusCode, up.body).toBe(200);
    }
    const res = await submit(h, userId, id);
    expect(res.statusCode, res.body).toBe(200);
    return id;
  }

  /** the seeded senior flow again, with a 3-working-day 办理期限 on 单位审核 (as a flow editor would set it) */
  async function setUnitReviewDeadline(): Promise<void> {
    const seeded = (await h.platform.store.getDefinition<{ name: string; xml: string; steps: StepFlow }>('workflow', 'league-review', 'latest'))!.body;
    const steps = { ...seeded.steps, chain: seeded.steps.chain.map((s) => (s.id === 'unitReview' ? { ...s, dueDays: 3 } : s)) } as StepFlow;
    const admin = h.as('demo-admin');
    const compiled = await admin({ method: 'POST', url: '/api/workflow-steps/compile', payload: { key: 'league-review', name: seeded.name, steps } });
    expect(compiled.statusCode, compiled.body).toBe(200);
    expect((await admin({ method: 'PUT', url: '/api/definitions/workflow/league-review/draft', payload: { body: { ...seeded, steps, xml: compiled.json().xml } } })).statusCode).toBe(200);
    const published = await admin({ method: 'POST', url: '/api/definitions/workflow/league-review/publish' });
    expect(published.statusCode, published.body).toBe(200);
  }

  beforeAll(async () => {
    h = await startHarness({ now: '2022-06-01T02:00:00.000Z', users: [engineer('zhangwei', '张伟'), engineer('lina', '李娜'), engineer('wangfang', '王芳')] });
    ids.zhang = await apply('zhangwei', '张伟', true); // before the deadline was set: 不限期
    await setUnitReviewDeadline();
    h.clock.set('2022-06-01T03:00:00.000Z');
    ids.li = await apply('lina', '李娜'); // 3 working days, the festival skipped: last day 06-07
    h.clock.set('2022-06-06T02:00:00.000Z');
    ids.wang = await apply('wangfang', '王芳'); // last day 06-09
    h.clock.set('2022-06-08T02:00:00.000Z'); // Wednesday: 李娜's task is overdue, 王芳's due tomorrow
    served = await serveBrowserApp(h);
    ({ browser, base } = served);
  }, 180_000);

  afterAll(async () => {
    await served?.close();
    await h?.close();
  });

  let page: Page;

  it('the 待办 list names steps and deadlines in words, overdue in red, and filters on the server', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
    collectPageErrors(page, errors);
    await page.goto(`${base}/#/login?next=${encodeURIComponent('/workbench')}`);
    await signIn(page, 'demo-unit-design');
    const table = page.locator('.ant-table');
    await table.getByText('王芳').waitFor();
    const rows = table.locator('tbody tr.ant-table-row');
    expect(await rows.count()).toBe(3);
    const li = rows.filter({ hasText: '李娜' });
    await expect.poll(() => li.getByTestId('due-overdue').innerText()).toContain('2022-06-07 已逾期');
    expect(await rows.filter({ hasText: '王芳' }).innerText()).toContain('2022-06-09 前（剩 1 个工作日）');
    expect(await rows.filter({ hasText: '张伟' }).innerText()).toContain('不限期');
    const text = await table.innerText();
    expect(text).toContain('工程技术人员');
    expect(text).not.toMatch(/gongcheng|unitReview|jianshe/);
    await expect.poll(() => page.getByRole('tab', { name: /待办/ }).innerText()).toContain('3');
    expect(await page.getByTestId('roster-link').getAttribute('href')).toBe('#/rosters');
    await snap(page, 'todo-list');

    await page.getByText('仅看逾期').click();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain('李娜');
    await page.getByText('仅看逾期').click();
    await page.getByText('按办理期限').click();
    await expect.poll(async () => (await rows.allInnerTexts()).map((r) => r.split('\t')[1] ?? r).join('|')).toMatch(/李娜.*王芳.*张伟/);
  });

  it('the compact view of one application fits under 1,600 px at 1440×900, materials previewed inline', async () => {
    await page.locator('.ant-table tbody tr', { hasText: '张伟' }).getByRole('link', { name: '办理' }).click();
    const sheet = page.getByTestId('review-sheet');
    await sheet.getByText('专业技术资格评审表').first().waitFor();
    await sheet.getByText('建设工程').waitFor();
    await page.getByTestId('eligibility-check').waitFor();
    await page.getByTestId('step-timeline').or(page.locator('.zc-step').first()).first().waitFor();
    const preview = page.getByTestId('materials-preview');
    const img = preview.locator('img[alt="学位证书.png"]');
    await img.waitFor();
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(2);
    expect(await preview.getByText('预览', { exact: true }).count()).toBeGreaterThan(3);
    const body = await page.locator('main, #root').first().innerText();
    expect(body).not.toMatch(/jianshe|gongcheng|unitReview|"true"|\btrue\b|\bfalse\b/);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    console.log(`compact view height at 1440×900: ${height} px`);
    await snap(page, 'compact-view-top');
    await page.screenshot({ path: join(REPO_ROOT, 'test-output', 'workbench-batch', '02-compact-view-full-page.png'), fullPage: true });
    expect(height).toBeLessThan(1600);
    // a PDF opens in the page, not as a download
    await preview.getByText('预览', { exact: true }).first().click();
    const frame = page.locator('.ant-modal iframe');
    await frame.waitFor();
    expect(await frame.getAttribute('src')).toMatch(/\?inline=1$/);
    await page.keyboard.press('Escape');
  });

  it('batch approval: tick several, one opinion, all move to 已办', async () => {
    await page.goto(`${base}/#/workbench`);
    const rows = page.locator('.ant-table tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(3);
    for (const name of ['张伟', '李娜', '王芳']) await page.getByRole('checkbox', { name: `选择 ${name}` }).check();
    await page.getByTestId('batch-approve').click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '批量同意 3 件申报' });
    await dialog.waitFor();
    await dialog.getByLabel('审核意见').fill('材料齐全真实，同意推荐。');
    await snap(page, 'batch-dialog');
    await dialog.getByRole('button', { name: /确认同意/ }).click();
    const result = page.getByTestId('batch-result');
    await result.waitFor();
    expect(await result.innerText()).toContain('已同意 3 件');
    await page.getByText('暂无待办').waitFor();
    await snap(page, 'after-batch');

    await page.getByRole('tab', { name: '已办' }).click();
    const done = page.locator('.ant-table tbody tr.ant-table-row');
    await expect.poll(() => done.count()).toBe(3);
    const text = await page.locator('.ant-table').innerText();
    for (const name of ['张伟', '李娜', '王芳']) expect(text).toContain(name);
    expect(text.match(/材料齐全真实，同意推荐。/g)?.length).toBe(3);
    expect(text).toContain('同意');
    expect(text).not.toMatch(/approve|submitted|gongcheng/);
    await snap(page, 'done-list');
    // each application moved on: the unit's task is gone from all three
    for (const id of Object.values(ids)) expect((await h.platform.store.getApplication(id))!.openTasks.some((t) => t.elementId === 'unitReview')).toBe(false);
    expect(errors).toEqual([]);
  });
});
