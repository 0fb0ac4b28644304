// In Chromium, as an administrator (issue 11 item 6): a condition is added to 工程师's 正常申报 with the condition
// builder (no FEEL typed), the impact preview runs the draft over the 2022 campaign's real applications and lists
// the applicant who would lose eligibility, in red, with the new condition's message; nothing is stored. A change
// that affects nobody shows 没有申报受影响. A policy module changed once lists the same applicant under the level using
// it. Screenshots: test-output/impact-preview/ (git-ignored).
import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { prepareApplication } from '../support/applicant-flow.js';
import { collectPageErrors, describeInBrowser, pickOption, screenshots, serveBrowserApp, signIn, typeInInput, type BrowserApp } from '../support/browser.js';
import { ENGINEER_MATERIALS, engineer, engineerForm } from '../support/engineer.js';
import { startHarness, type Harness } from '../support/harness.js';

const LEVEL = 'gongcheng.zhongji';

describeInBrowser('impact preview in the browser (Chromium, served under the CSP)', () => {
  let h: Harness;
  let served: BrowserApp | undefined;
  let browser: Browser;
  let base: string;
  const pageErrors: string[] = [];
  const snap = screenshots('impact-preview');
  const type = typeInInput;

  beforeAll(async () => {
    // inside the 2022 campaign's apply phase: 钱工 (本科, 助理级 since 2016) submits a 工程师 application
    h = await startHarness({ now: '2022-06-01T02:00:00.000Z', users: [engineer('qian', '钱工')] });
    const id = await prepareApplication(h.as('qian'), { campaignId: '2022', levelKey: LEVEL, form: engineerForm('钱工'), materials: ENGINEER_MATERIALS });
    expect((await h.as('qian')({ method: 'POST', url: `/api/applications/${id}/submit` })).statusCode).toBe(200);
    served = await serveBrowserApp(h);
    ({ browser, base } = served);
  }, 90_000);

  afterAll(async () => {
    await served?.close();
    await h?.close();
  });

  it('an administrator adds a condition with the builder, runs the impact preview and sees who loses eligibility', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    collectPageErrors(page, pageErrors);

    await page.goto(`${base}/#/login?next=${encodeURIComponent(`/designer/level/${LEVEL}`)}`);
    await signIn(page, 'demo-admin');
    await page.getByRole('tab', { name: '资格规则' }).click();
    const editor = page.getByTestId('rules-editor');
    await editor.waitFor();

    // the preview before any change: the 2022 campaign picked by its name, nobody affected
    const panel = page.getByTestId('impact-preview');
    await panel.scrollIntoViewIfNeeded();
    await pickOption(page, panel.getByTestId('impact-campaign'), '2022年度职称评审');
    await panel.getByTestId('run-impact').click();
    await panel.getByTestId('impact-empty').first().waitFor();
    await snap(page, 'unchanged-nobody-affected', panel);

    // 添加条件 to 正常申报: 最高学历 › 学历 = 博士, with its message — picked, not typed as FEEL
    const regular = editor.getByTestId('path-card').first();
    const before = (await regular.getByTestId('rule-row').count()) + (await regular.getByTestId('module-row').count());
    await regular.getByTestId('add-condition').click();
    const row = regular.getByTestId('rule-row').last();
    const rule = row.getByTestId('cb-rule').first();
    await pickOption(page, rule.getByTestId('cb-fact'), '最高学历 › 学历', '学历');
    await pickOption(page, rule.getByTestId('cb-value'), '博士');
    const message = '须具有博士学历';
    await type(row.getByTestId('rule-message'), message);
    expect(await row.getByTestId('cb-incomplete').count()).toBe(0);
    await snap(page, 'condition-built', row);

    // the preview of the unsaved draft: 钱工 (本科) loses 正常申报, shown in red with the new condition's message
    await panel.scrollIntoViewIfNeeded();
    await panel.getByTestId('run-impact').click();
    const table = panel.locator('.ant-table');
    await table.waitFor();
    const line = table.locator('tr.impact-loses', { hasText: '钱工' });
    await line.waitFor();
    const text = await line.innerText();
    expect(text).toContain('呼和浩特市建筑设计研究院');
    expect(text).toContain('已提交');
    expect(text).toContain('不再可申报');
    expect(text).toContain(`【正常申报】${message}`);
    expect(await line.locator('.ant-tag-red', { hasText: '不可申报' }).count()).toBe(1);
    expect(await panel.innerText()).not.toContain('11010519491231002X');
    await snap(page, 'loses-listed', panel);

    // 查看条件 brings the condition that refuses into view in the editor
    await line.getByRole('button', { name: '查看条件' }).click();
    await page.locator('.zc-rule-row-focused').waitFor();
    expect(await page.locator('.zc-rule-row-focused').getAttribute('data-pointer')).toBe(`/rules/paths/0/conditions/${before}`);
    await snap(page, 'condition-located', page.locator('.zc-rule-row-focused'));

    // nothing was stored: no draft, the published version unchanged
    expect(await h.platform.store.getDefinition('level', LEVEL, 'draft')).toBeNull();
    expect((await h.platform.store.getDefinition('level', LEVEL, 'latest'))?.version).toBe(1);
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 180_000);

  it('a shared rule module changed once: the preview lists, under the level using it, the applicant who would lose eligibility', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${base}/#/login?next=${encodeURIComponent('/designer/policy/title-tenure')}`);
    await signIn(page, 'demo-admin');

    // 条件集「现职称与任职年限」: 助理级 满 4 年 becomes 满 7 年, in the builder
    const set = page.getByTestId('condition-set-card');
    await set.waitFor();
    const rows = set.getByTestId('rule-row');
    await rows.first().waitFor();
    let row = rows.first();
    for (let i = 0; i < (await rows.count()); i++) {
      if ((await rows.nth(i).getByTestId('rule-message').inputValue()) === '取得助理级职称后须满4年（资历计算至 {资历截止日}）') row = rows.nth(i);
    }
    await type(row.locator('input[placeholder="N"]'), '7');
    await type(row.getByTestId('rule-message'), '取得助理级职称后须满7年（计算至资历截止日）');
    await snap(page, 'module-condition-edited', row);

    const panel = page.getByTestId('impact-preview');
    await panel.scrollIntoViewIfNeeded();
    await pickOption(page, panel.getByTestId('impact-campaign'), '2022年度职称评审');
    await panel.getByTestId('run-impact').click();
    const level = panel.getByTestId(`impact-level-${LEVEL}`);
    const line = level.locator('tr.impact-loses', { hasText: '钱工' });
    await line.waitFor();
    expect(await line.innerText()).toContain('【正常申报】取得助理级职称后须满7年（计算至资历截止日）');
    expect(await panel.innerText()).toContain('未列出的层级没有申报受影响');
    await snap(page, 'module-loses-listed', panel);
    expect(await h.platform.store.getDefinition('policy', 'title-tenure', 'draft')).toBeNull();
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 180_000);
});
