// In Chromium, as an administrator: the seeded 电子证书 template opens in the template workbench with a live
// preview on a sample; the preview is switched to a real applicant (chosen by name and level, created through
// the API); a field is inserted from the picker by its Chinese label (no path typed) and shows in the preview;
// then a syntax mistake is made and the error shows at its line, with the line number marked.
// Screenshots: test-output/template-editor/ (git-ignored).
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { collectPageErrors, describeInBrowser, pickOption, screenshots, serveBrowserApp, signIn, type BrowserApp } from '../support/browser.js';
import { prepareApplication } from '../support/applicant-flow.js';
import { ENGINEER_MATERIALS, engineer, engineerForm } from '../support/engineer.js';
import { startHarness, type Harness } from '../support/harness.js';

describeInBrowser('template editor in the browser (Chromium, served under the CSP)', () => {
  let h: Harness;
  let served: BrowserApp | undefined;
  let browser: Browser;
  let base: string;
  const pageErrors: string[] = [];
  const snap = screenshots('template-editor');

  beforeAll(async () => {
    // 2026-06-01: inside the 2026 campaign's apply phase
    h = await startHarness({ now: '2026-06-01T02:00:00.000Z', users: [engineer('li', '李工')] });
    await prepareApplication(h.as('li'), { campaignId: '2026', levelKey: 'gongcheng.zhongji', form: engineerForm('李工'), materials: ENGINEER_MATERIALS });
    served = await serveBrowserApp(h);
    ({ browser, base } = served);
  }, 90_000);

  afterAll(async () => {
    await served?.close();
    await h?.close();
  });

  const srcdoc = (page: Page) => page.getByTestId('template-preview').getAttribute('srcdoc').then((s) => s ?? '');

  it('opens a seeded template, inserts a field from the picker, sees it in the preview, and sees a syntax error at its line', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 1100 } });
    const page = await context.newPage();
    collectPageErrors(page, pageErrors);

    await page.goto(`${base}/#/login?next=${encodeURIComponent('/designer/template/certificate')}`);
    await signIn(page, 'demo-admin');
    const bench = page.getByTestId('template-workbench');
    await bench.waitFor().catch(async (e: unknown) => {
      await snap(page, 'debug-not-opened');
      throw e;
    });

    // the seeded certificate, previewed on a sample application: placeholders, no error
    await expect.poll(() => srcdoc(page), { timeout: 20_000 }).toContain('证书编号');
    expect(await srcdoc(page)).toContain('样例');
    expect(await bench.getByTestId('template-problem').count()).toBe(0);
    await snap(page, 'opened-on-sample', bench);

    // preview on a real applicant, chosen by name and level
    await pickOption(page, bench.getByTestId('preview-target'), '李工 · ', '李工');
    // a draft has no certificate yet: the template's own {{else}} shows, titled with the applicant's name
    await expect.poll(() => srcdoc(page), { timeout: 20_000 }).toContain('· 李工</title>');
    expect(await srcdoc(page)).toContain('尚未发证');
    expect(await bench.getByTestId('preview-target').innerText()).not.toMatch(/\d{17}/); // no ID numbers

    // put the cursor at the end of the line after the heading and insert 毕业院校 from the picker
    const text = bench.getByTestId('template-source-text');
    const before = await text.inputValue();
    await text.click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('End');
    await bench.getByTestId('field-search').locator('input').fill('毕业院校');
    await bench.getByTestId('pick-field').filter({ hasText: '毕业院校' }).first().click();
    await expect.poll(() => text.inputValue()).toContain('{{form.education.school}}');
    const after = await text.inputValue();
    expect(after.split('\n')[0]).toMatch(/\{\{form\.education\.school\}\}$/);
    expect(after.length).toBe(before.length + '{{form.education.school}}'.length);
    await expect.poll(() => srcdoc(page), { timeout: 20_000 }).toContain('内蒙古工业大学');
    // and drawn in the sandboxed frame
    await page.frameLocator('[data-testid="template-preview"]').getByText('内蒙古工业大学').waitFor({ timeout: 20_000 });
    await snap(page, 'field-inserted', bench.getByTestId('template-source'));
    await snap(page, 'field-in-preview', bench.getByTestId('template-preview'));

    // a mistake on line 3: an unclosed {{ … the error is listed with its line, and that line is marked
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.keyboard.type(' {{form.name');
    const problem = bench.getByTestId('template-problem').first();
    await problem.waitFor({ timeout: 20_000 });
    expect(await problem.getAttribute('data-line')).toBe('3');
    expect(await problem.innerText()).toMatch(/模板语法错误（第 3 行第 \d+ 列）：这里的 \{\{ 没有用 \}\} 结束/);
    expect(await bench.getByTestId('error-line').getAttribute('data-line')).toBe('3');
    expect(await bench.getByTestId('error-line-number').innerText()).toBe('3');
    // the last good preview stays
    expect(await srcdoc(page)).toContain('内蒙古工业大学');
    await snap(page, 'error-at-line', bench.getByTestId('template-source'));

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
