// In Chromium, as an administrator: the seeded 通知：退回补正 opens from the template list by its name; the
// workbench offers the facts a notification carries (剩余工作日 …, not the application form), says the first line
// is the title, and previews the message for the sample applicant 张三 (title line, then body); a fact inserted
// from the picker shows in the preview.
// Screenshots: test-output/notification-template/ (git-ignored).
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { collectPageErrors, describeInBrowser, screenshots, serveBrowserApp, signIn, type BrowserApp } from '../support/browser.js';
import { startHarness, type Harness } from '../support/harness.js';

describeInBrowser('notification template in the workbench (Chromium, served under the CSP)', () => {
  let h: Harness;
  let served: BrowserApp | undefined;
  let browser: Browser;
  let base: string;
  const pageErrors: string[] = [];
  const snap = screenshots('notification-template');

  beforeAll(async () => {
    h = await startHarness({ now: '2026-06-01T02:00:00.000Z' });
    served = await serveBrowserApp(h);
    ({ browser, base } = served);
  }, 90_000);

  afterAll(async () => {
    await served?.close();
    await h?.close();
  });

  const srcdoc = (page: Page) => page.getByTestId('template-preview').getAttribute('srcdoc').then((s) => s ?? '');

  it('opens 通知：退回补正, sees the notification facts, inserts one and sees the preview update', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 1100 } });
    const page = await context.newPage();
    collectPageErrors(page, pageErrors);

    await page.goto(`${base}/#/login?next=${encodeURIComponent('/designer?kind=template')}`);
    await signIn(page, 'demo-admin');
    await page.getByRole('link', { name: '通知：退回补正', exact: true }).click();
    const bench = page.getByTestId('template-workbench');
    await bench.waitFor({ timeout: 20_000 });

    // the caption, and the preview as the message: title line for 张三's sample, then the body
    expect(await bench.getByTestId('notification-caption').innerText()).toContain('第一行是标题，其余是正文');
    await expect.poll(() => srcdoc(page), { timeout: 20_000 }).toContain('您的示例职称申报被退回补正，请于2026年06月08日前补正');
    const preview = page.frameLocator('[data-testid="template-preview"]');
    await preview.locator('[data-part="title"]').getByText('被退回补正').waitFor({ timeout: 20_000 });
    expect(await preview.locator('[data-part="body"]').innerText()).toContain('还有 5 个工作日');
    // no level or application to choose: the preview runs on the sample facts
    expect(await bench.getByTestId('preview-target').count()).toBe(0);

    // the picker offers the notification's facts by Chinese labels, not the application form
    const picker = bench.getByTestId('field-picker');
    await picker.getByText('剩余工作日').waitFor();
    for (const label of ['收件人姓名', '申报人姓名', '环节', '需补正事项']) expect(await picker.getByText(label, { exact: true }).count()).toBeGreaterThan(0);
    expect(await picker.getByText('毕业院校').count()).toBe(0);
    expect(await bench.getByTestId('pick-field').evaluateAll((els) => els.filter((e) => (e.getAttribute('data-path') ?? '').startsWith('form.')).length)).toBe(0);
    await snap(page, 'opened', bench);

    // insert 环节 at the end of the title line: the preview's title shows 单位审核
    const text = bench.getByTestId('template-source-text');
    await text.click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('ArrowDown'); // line 1 is the {{!-- --}} note on the facts
    await page.keyboard.press('End');
    await page.keyboard.type('（');
    await bench.getByTestId('pick-field').filter({ hasText: '环节' }).first().click();
    await page.keyboard.type('）');
    await expect.poll(() => text.inputValue()).toContain('前补正{{/if}}（{{stepName}}）');
    await expect.poll(() => srcdoc(page), { timeout: 20_000 }).toContain('前补正（单位审核）</h2>');
    await preview.locator('[data-part="title"]').getByText('（单位审核）').waitFor({ timeout: 20_000 });
    await snap(page, 'fact-inserted', bench);
    await snap(page, 'preview', bench.getByTestId('template-preview'));

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
