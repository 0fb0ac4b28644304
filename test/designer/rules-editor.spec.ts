// In Chromium, as an administrator: eligibility rules edited without typing FEEL or JSON. A condition
// 「取得现职称满 5 年」 and a 任一满足 group are added to a path with the condition builder, a message is changed,
// the check's problem shows on its row, the draft is saved, 试算 on a sample applicant (filled in the form
// preview) shows the result, and the 高级 pane shows the FEEL written. No textarea is filled on that path;
// a second test is the expert's: FEEL typed in 高级 shows in the cards, or is marked when they cannot show it.
// Screenshots: test-output/rules-editor/ (git-ignored). Under CI=true a missing Chromium or build fails.
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { collectPageErrors, describeInBrowser, pickOption, screenshots, serveBrowserApp, signIn, typeInInput, type BrowserApp } from '../support/browser.js';
import { startHarness, type Harness } from '../support/harness.js';

const LEVEL = 'gongcheng.fugao';

describeInBrowser('rules editor in the browser (Chromium, served under the CSP)', () => {
  let h: Harness;
  let served: BrowserApp | undefined;
  let browser: Browser;
  let base: string;
  const pageErrors: string[] = [];
  const snap = screenshots('rules-editor');
  const type = typeInInput;

  beforeAll(async () => {
    // 2026-06-01: inside the 2026 campaign's apply phase
    h = await startHarness({ now: '2026-06-01T02:00:00.000Z' });
    served = await serveBrowserApp(h);
    ({ browser, base } = served);
  }, 90_000);

  afterAll(async () => {
    await served?.close();
    await h?.close();
  });

  it('an administrator builds a condition with an OR group, fixes a problem at its row, saves, tries it and sees the FEEL', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    collectPageErrors(page, pageErrors);

    await page.goto(`${base}/#/login?next=${encodeURIComponent(`/designer/level/${LEVEL}`)}`);
    await signIn(page, 'demo-admin');
    await page.getByTestId('form-builder').waitFor();

    // the sample applicant, filled in the form preview: 中级 since 2015-06-30, 本科
    const preview = page.getByTestId('form-preview');
    await pickOption(page, preview.locator('#root_currentTitle_grade'), '中级');
    await preview.locator('#root_currentTitle_since').click();
    await page.keyboard.type('2015-06-30');
    await page.keyboard.press('Enter');
    await pickOption(page, preview.locator('#root_education_degree'), '本科');

    await page.getByRole('tab', { name: '资格规则' }).click();
    const editor = page.getByTestId('rules-editor');
    await editor.waitFor();
    const regular = editor.getByTestId('path-card').first();
    expect(await regular.getByTestId('path-name').inputValue()).toBe('正常申报');
    // its conditions come from the policy library (read-only rows) or are its own
    const before = await regular.locator('[data-testid="rule-row"], [data-testid="module-row"]').count();
    // every seeded condition of this level shows in the builder: none is marked 高级-only
    expect(await editor.getByTestId('cb-advanced-only').count()).toBe(0);
    await snap(page, 'cards', regular);

    // 添加条件: 现专业技术资格 › 取得时间 满 N 年（计至资历截止日） 5
    await regular.getByTestId('add-condition').click();
    const row = regular.getByTestId('rule-row').last();
    const first = row.getByTestId('cb-rule').first();
    await pickOption(page, first.getByTestId('cb-fact'), '现专业技术资格 › 取得时间', '取得时间');
    await pickOption(page, first.getByTestId('cb-op'), '满 N 年（计至资历截止日）');
    await type(first.locator('input[placeholder="N"]'), '5');

    // + 添加条件组（任一满足）: 单位所在层级 = 苏木乡镇, or 最高学历 › 学历 = 博士
    await row.getByTestId('cb-add-group').first().click();
    const group = row.getByTestId('cb-group').first();
    await group.waitFor();
    const g1 = group.getByTestId('cb-rule').nth(0);
    const g2 = group.getByTestId('cb-rule').nth(1);
    await pickOption(page, g1.getByTestId('cb-fact'), '单位所在层级', '层级');
    await pickOption(page, g1.getByTestId('cb-value'), '苏木乡镇');
    await pickOption(page, g2.getByTestId('cb-fact'), '最高学历 › 学历', '学历');
    await pickOption(page, g2.getByTestId('cb-value'), '博士');
    expect(await row.getByTestId('cb-incomplete').count()).toBe(0);
    await snap(page, 'condition-built', row);

    // a check with the message still empty: the problem shows on this row (pointer /rules/paths/0/conditions/N/message)
    await page.getByTestId('check').click();
    await page.getByTestId('problem-list').waitFor();
    const rowProblems = row.getByTestId('row-problems');
    await rowProblems.waitFor();
    expect(await rowProblems.innerText()).toContain('缺少给申报人的说明');
    expect(await row.getAttribute('data-pointer')).toBe(`/rules/paths/0/conditions/${before}`);
    // the problem list names the row in words, and a click brings it into view
    const listed = page.getByTestId('problem-list').locator('.ant-list-item', { hasText: `「正常申报」第 ${before + 1} 条条件` });
    await listed.click();
    await page.locator('.zc-rule-row-focused').waitFor();
    await snap(page, 'problem-at-row', row);

    const message = '取得现职称须满5年，且在苏木乡镇工作或具有博士学历';
    await type(row.getByTestId('rule-message'), message);
    await page.getByTestId('check').click();
    await page.getByText('校验通过，可以发布').waitFor();

    await page.getByTestId('save-draft').click();
    await page.getByText('草稿已保存').waitFor();

    // stored: FEEL as the executed form, the messages as typed
    const admin = (await h.platform.store.getUser('demo-admin'))!;
    const stored = (await h.as(admin.id)({ method: 'GET', url: `/api/definitions/level/${LEVEL}` })).json() as {
      draft: { body: { rules: { paths: { conditions: { id: string; expr: string; message: string }[] }[] } } };
    };
    const conds = stored.draft.body.rules.paths[0]!.conditions;
    const feel = 'years(form.currentTitle.since, campaign.cutoffs.tenure) >= 5 and (org.grassroots = "township" or form.education.degree = "博士")';
    expect(conds[before]).toEqual({ id: `c${before + 1}`, expr: feel, message });
    // the shared conditions stay references to the policy library
    expect(conds[0]).toMatchObject({ use: 'education' });

    // 试算 on the sample (本科, at the regional office): the new condition is listed as not met …
    await page.getByTestId('try-rules').click();
    const result = page.getByTestId('eligibility-result');
    await result.waitFor();
    await result.getByText(message, { exact: false }).first().waitFor();
    await snap(page, 'trial-not-met', result);
    // … and with 博士 it holds (the other unmet conditions stay listed)
    await page.getByRole('tab', { name: '申报表单' }).click();
    await pickOption(page, preview.locator('#root_education_degree'), '博士');
    await page.getByRole('tab', { name: '资格规则' }).click();
    await page.getByTestId('try-rules').click();
    await expect.poll(async () => (await result.innerText()).includes(message), { timeout: 10_000 }).toBe(false);
    expect(await result.innerText()).toContain('正常申报');
    await snap(page, 'trial-met', result);

    // 高级: the FEEL written, in sync, marked as 可视化
    await editor.getByRole('tab', { name: '高级（FEEL / JSON）' }).click();
    const advanced = editor.locator(`[data-testid="advanced-feel"][data-pointer="/rules/paths/0/conditions/${before}"]`);
    await advanced.waitFor();
    expect(await advanced.inputValue()).toBe(feel);
    expect(await editor.getByTestId('rules-advanced').locator('.ant-tag', { hasText: '仅高级' }).count()).toBe(0);
    expect(await editor.getByTestId('rules-advanced').locator('.ant-tag', { hasText: '可视化' }).count()).toBeGreaterThan(0);
    await snap(page, 'advanced-feel', advanced);

    expect(pageErrors).toEqual([]);
    await context.close();
  }, 180_000);

  it('an expert edits FEEL in 高级: the cards follow, and what the builder cannot show is marked there', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    // a level whose first path has conditions of its own (the shared ones are edited in the policy library)
    await page.goto(`${base}/#/login?next=${encodeURIComponent('/designer/level/gongcheng.zhuli')}`);
    await signIn(page, 'demo-admin');
    await page.getByTestId('form-builder').waitFor();
    await page.getByRole('tab', { name: '资格规则' }).click();
    const editor = page.getByTestId('rules-editor');
    await editor.getByRole('tab', { name: '高级（FEEL / JSON）' }).click();

    // the expert path: FEEL typed in the 高级 pane (the only textarea filled in these tests)
    const feel0 = editor.locator('[data-testid="advanced-feel"][data-pointer="/rules/paths/0/conditions/0"]');
    const feel1 = editor.locator('[data-testid="advanced-feel"][data-pointer="/rules/paths/0/conditions/1"]');
    await feel0.fill('counters.quota.used < counters.quota.allocated');
    await feel1.fill('org.sector = "public"');
    await editor.locator('.ant-tag', { hasText: '仅高级' }).first().waitFor();
    expect(await editor.locator('.ant-tag', { hasText: '仅高级' }).count()).toBe(1);

    await editor.getByRole('tab', { name: '条件' }).click();
    const regular = editor.getByTestId('path-card').first();
    const row0 = regular.getByTestId('rule-row').nth(0);
    const row1 = regular.getByTestId('rule-row').nth(1);
    await row0.getByText('此条件只能在高级模式编辑').waitFor();
    expect(await row0.getByTestId('cb-feel-readonly').innerText()).toBe('counters.quota.used < counters.quota.allocated');
    expect(await row1.getByTestId('cb-fact').innerText()).toContain('单位性质');
    expect(await row1.getByTestId('cb-value').innerText()).toContain('公有制单位');
    await snap(page, 'expert-feel-in-cards', row0);

    // and back: a pick in the builder rewrites the FEEL the expert sees
    await pickOption(page, row1.getByTestId('cb-value'), '非公有制领域');
    await editor.getByRole('tab', { name: '高级（FEEL / JSON）' }).click();
    expect(await feel1.inputValue()).toBe('org.sector = "non-public"');
    expect(await feel0.inputValue()).toBe('counters.quota.used < counters.quota.allocated');
    await snap(page, 'expert-advanced', feel0);
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 180_000);
});
