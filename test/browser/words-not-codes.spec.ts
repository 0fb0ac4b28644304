// In Chromium, as the applicant demo-zhang (issue 13 item 1, issue 11 item 3): 我的申报 names the level, the form
// offers 申报专业 by name, and the printed 评审表 shows the specialty and path names — no key anywhere.
// Screenshots: test-output/words-not-codes/ (git-ignored).
import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Application } from '../../server/domain/schema-types.gen.js';
import { describeInBrowser, screenshots, serveBrowserApp, signIn, type BrowserApp } from '../support/browser.js';
import { duringApplyPhase } from '../support/apply-phase.js';
import { startHarness, type Harness } from '../support/harness.js';

describeInBrowser('words, not codes, for the applicant (Chromium)', () => {
  let h: Harness;
  let served: BrowserApp | undefined;
  let browser: Browser;
  let base: string;
  const snap = screenshots('words-not-codes');

  beforeAll(async () => {
    h = await startHarness({ now: duringApplyPhase() });
    served = await serveBrowserApp(h);
    ({ browser, base } = served);
  }, 90_000);

  afterAll(async () => {
    await served?.close();
    await h?.close();
  });

  it('我的申报, the form and the 评审表 show names', async () => {
    const zhang = h.as('demo-zhang');
    const created = await zhang({ method: 'POST', url: '/api/applications', payload: { campaignId: duringApplyPhase().slice(0, 4), levelKey: 'gongcheng.fugao' } });
    expect(created.statusCode, created.body).toBe(201);
    const draft = created.json() as Application;
    const form = { name: '张工', gender: '男', specialty: 'jianshe', education: { degree: '本科', fullTime: true }, papers: [{ title: '寒区混凝土', kind: '论文', representative: true }, { title: '风电场运维', kind: '论文', representative: false }] };
    expect((await zhang({ method: 'PUT', url: `/api/applications/${draft.id}/form`, payload: { form, version: draft.version } })).statusCode).toBe(200);
    // the path is chosen at submit; here it is given directly, to see it printed
    const stored = (await h.platform.store.getApplication(draft.id))!;
    expect((await h.platform.store.updateApplication({ ...stored, pathId: 'poge-1', version: stored.version + 1 }, stored.version, [])).ok).toBe(true);

    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/#/login?next=${encodeURIComponent('/my')}`);
    await signIn(page, 'demo-zhang');
    const table = page.locator('.ant-table');
    await table.getByText('工程技术人员 · 高级工程师').waitFor();
    expect(await table.innerText()).not.toContain('gongcheng');
    await snap(page, '01-my-applications');

    await page.goto(`${base}/#/apply/${draft.id}`);
    const specialty = page.locator('#root_specialty').locator('xpath=ancestor::*[contains(@class,"ant-select")][1]');
    await specialty.waitFor();
    await specialty.scrollIntoViewIfNeeded();
    expect(await specialty.innerText()).toContain('建设工程');
    await snap(page, '02-form-specialty', specialty);

    await page.goto(`${base}/api/applications/${draft.id}/documents/pingshenbiao`);
    const body = await page.locator('body').innerText();
    expect(body).toContain('建设工程');
    expect(body).toMatch(/申报路径：\S+/);
    for (const code of ['jianshe', 'poge-1', 'gongcheng.fugao', 'true', 'false']) expect(body).not.toContain(code);
    await snap(page, '03-pingshenbiao');
    await context.close();
  });
});
