// A broken branch is refused with its step highlighted (issue 12 item 6), in Chromium: an administrator adds a
// 条件分支 to the unit review and saves it with its first branch's condition left empty; the draft is refused,
// the 条件分支 card is marked in red with the problem under it, the problem list names the step, and nothing is
// stored. Screenshots: test-output/step-designer-broken-branch/ (git-ignored). Under CI=true a missing Chromium
// or build fails (the same Debian Chromium and flags as the step designer's test).
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/config.js';
import { describeInBrowser, serveBrowserApp, type BrowserApp } from '../support/browser.js';
import { startHarness, type Harness } from '../support/harness.js';

const OUT = join(REPO_ROOT, 'test-output', 'step-designer-broken-branch');
const FLOW = 'unit-review';

describeInBrowser('a broken branch in the step designer (Chromium, served under the CSP)', () => {
  let h: Harness;
  let served: BrowserApp | undefined;
  let browser: Browser | undefined;
  let base: string;
  const pageErrors: string[] = [];

  const snap = (page: Page, name: string) => page.screenshot({ path: join(OUT, `${name}.png`) });

  beforeAll(async () => {
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    h = await startHarness({ now: '2026-06-01T02:00:00.000Z' });
    served = await serveBrowserApp(h);
    ({ browser, base } = served);
  }, 90_000);

  afterAll(async () => {
    await served?.close();
    await h?.close();
  });

  it('a 条件分支 whose branch has no condition is refused at 保存草稿, with the step highlighted and nothing stored', async () => {
    const context = await browser!.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));

    await page.goto(`${base}/#/login?next=${encodeURIComponent(`/designer/workflow/${FLOW}`)}`);
    const login = page.locator('form#login');
    await login.getByLabel('账号（注册时填写的手机号或邮箱）').fill('demo-admin');
    await login.getByLabel('密码', { exact: true }).fill('demo2026');
    await login.getByRole('button', { name: /登\s*录/ }).click();
    const designer = page.getByTestId('step-designer');
    await designer.locator('.ant-tag', { hasText: '简易模式' }).waitFor();

    // + after 单位审核 → 条件分支; its first branch's condition is left empty
    await designer.getByRole('button', { name: '在“单位审核”之后添加步骤' }).click();
    await page.locator('.ant-dropdown:visible [data-testid="add-condition"]').click();
    const drawer = page.locator('.zc-step-drawer');
    await drawer.waitFor();
    await drawer.getByTestId('step-drawer-done').click();
    await drawer.waitFor({ state: 'hidden' });

    await page.getByTestId('save-draft').click();
    const card = designer.locator('.zc-step-card[data-step-name="条件分支"]').first();
    await expect.poll(async () => card.getAttribute('class')).toContain('zc-step-error');
    const problems = await card.getByTestId('step-problems').first().innerText();
    expect(problems).toContain('条件成立时');
    // the highlight is seen: the card's border is red
    expect(await card.evaluate((el) => getComputedStyle(el).borderTopColor)).toBe('rgb(255, 77, 79)');
    // no other step is marked
    expect(await designer.locator('.zc-step-card.zc-step-error').count()).toBe(1);
    await card.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await snap(page, '01-refused');

    // bad input: the stored flow is unchanged (no draft, still version 1)
    expect(await h.platform.store.getDefinition('workflow', FLOW, 'draft')).toBeNull();
    expect((await h.platform.store.getDefinition('workflow', FLOW, 'latest'))?.version).toBe(1);
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 120_000);
});
