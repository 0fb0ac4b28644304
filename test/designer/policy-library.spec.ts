// In Chromium, as an administrator: the policy library (政策规则模块). The administrator opens a shared module
// from the 设计器 tab, changes a condition with the condition builder (取得中级职称满 5 年 → 满 4 年), publishes
// version 2, then adds the module 破格1 to a level with 从政策库引用 and sees it as a read-only card; the level's
// rows that use the changed module say that they stay on version 1 until the level is republished. Nothing is
// typed into a textarea. Screenshots: test-output/policy-library/.
import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { collectPageErrors, describeInBrowser, screenshots, serveBrowserApp, signIn, typeInInput, type BrowserApp } from '../support/browser.js';
import { startHarness, type Harness } from '../support/harness.js';

const LEVEL = 'gongcheng.zhongji';
const MODULE = 'title-tenure';
const TENURE_MESSAGE = '取得中级职称后须满5年（资历计算至 {资历截止日}）';

describeInBrowser('policy library in the browser (Chromium, served under the CSP)', () => {
  let h: Harness;
  let served: BrowserApp | undefined;
  let browser: Browser;
  let base: string;
  const pageErrors: string[] = [];
  const snap = screenshots('policy-library');

  beforeAll(async () => {
    h = await startHarness({ now: '2026-06-01T02:00:00.000Z' });
    served = await serveBrowserApp(h);
    ({ browser, base } = served);
  }, 180_000);

  afterAll(async () => {
    await served?.close();
    await h?.close();
  });

  it('edits a shared condition with the builder, publishes version 2, and references a module from a level', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    collectPageErrors(page, pageErrors);

    await page.goto(`${base}/#/login?next=${encodeURIComponent('/designer?kind=policy')}`);
    await signIn(page, 'demo-admin');

    // the 政策规则模块 tab lists the modules by their Chinese names
    await page.getByRole('tab', { name: '政策规则模块' }).click();
    const link = page.getByRole('link', { name: '条件集：现职称与任职年限' });
    await link.waitFor();
    await page.getByRole('link', { name: '不得申报情形：公务员、离退休人员、失信记录期' }).waitFor();
    await snap(page, 'module-list');
    await link.click();

    // the module's condition set, each row with the condition builder
    const set = page.getByTestId('condition-set-card');
    await set.waitFor();
    const rows = set.getByTestId('rule-row');
    await rows.first().waitFor();
    let row = rows.first();
    for (let i = 0; i < (await rows.count()); i++) {
      if ((await rows.nth(i).getByTestId('rule-message').inputValue()) === TENURE_MESSAGE) row = rows.nth(i);
    }
    expect(await row.getByTestId('rule-message').inputValue()).toBe(TENURE_MESSAGE);
    const years = row.locator('input[placeholder="N"]');
    expect(await years.inputValue()).toBe('5');
    await snap(page, 'module-editor', row);

    // next year's policy: 4 years instead of 5, picked in the builder, with its message
    await typeInInput(years, '4');
    await typeInInput(row.getByTestId('rule-message'), '取得中级职称后须满4年');
    await page.getByTestId('check').click();
    await page.getByText('校验通过，可以发布').waitFor();
    await snap(page, 'condition-edited', row);
    await page.getByTestId('publish').click();
    await page.getByText('已发布为第 2 版').waitFor();
    await snap(page, 'published-v2');
    const v2 = await h.platform.store.getDefinition<{ conditions: { id: string; expr: string; message: string }[] }>('policy', MODULE, 'latest');
    expect(v2?.version).toBe(2);
    expect(v2?.body.conditions.find((c) => c.message === '取得中级职称后须满4年')?.expr).toContain('>= 4');

    // a level: the rows from the changed module stay on version 1 until the level is republished
    await page.goto(`${base}/#/designer/level/${LEVEL}`);
    await page.getByRole('tab', { name: '资格规则' }).click();
    const editor = page.getByTestId('rules-editor');
    await editor.waitFor();
    const moduleRow = editor.getByTestId('module-row').first();
    await moduleRow.waitFor();
    await editor.getByText('重新发布本层级后生效').first().waitFor();
    await snap(page, 'level-module-rows', moduleRow);

    // 从政策库引用: 破格1 by its Chinese name
    const before = await editor.getByTestId('module-path-card').count();
    await editor.getByTestId('policy-picker').click();
    await page.locator('.ant-select-dropdown .ant-select-item-option:visible', { hasText: '破格1：重大贡献' }).first().click();
    const card = editor.getByTestId('module-path-card').nth(before);
    await card.waitFor();
    expect(await card.innerText()).toContain('破格1：重大贡献');
    expect(await card.getByTestId('module-version').innerText()).toContain('发布时采用最新版');
    await snap(page, 'level-module-added', card);

    // and one condition of a condition set, in a path card
    const regular = editor.getByTestId('path-card').first();
    const conds = await regular.getByTestId('module-row').count();
    // a pick adds a reference and the picker empties again: one click, searched by the message
    await regular.getByTestId('policy-condition-picker').click();
    await page.keyboard.type('满12年');
    await page.locator('.ant-select-dropdown .ant-select-item-option:visible', { hasText: '须从事专业技术工作满12年' }).first().click();
    await expect.poll(() => regular.getByTestId('module-row').count()).toBe(conds + 1);

    await page.getByTestId('save-draft').click();
    await page.getByText('草稿已保存').waitFor();
    await page.getByTestId('publish').click();
    await page.getByText(/已发布为第 \d+ 版/).waitFor();
    const level = await h.platform.store.getDefinition<{ rules: { paths: Record<string, unknown>[] } }>('level', LEVEL, 'latest');
    // published: the new references pinned to the modules' latest versions, the changed module to version 2
    expect(level?.body.rules.paths.at(-1)).toEqual({ use: 'poge-1', version: 1 });
    expect(JSON.stringify(level?.body.rules)).toMatch(new RegExp(`"use":"${MODULE}"[^}]*"version":2`));
    // opened again, the level shows the versions it now runs
    await page.reload();
    await page.getByRole('tab', { name: '资格规则' }).click();
    const pinned = page.getByTestId('rules-editor').getByTestId('module-path-card').nth(before);
    await pinned.waitFor();
    await expect.poll(() => pinned.getByTestId('module-version').innerText()).toContain('已固定第 1 版');
    await snap(page, 'level-published', pinned);

    expect(pageErrors).toEqual([]);
    await context.close();
  }, 240_000);
});
