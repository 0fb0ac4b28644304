// 试运行 in Chromium (issue 12 item 5): an administrator opens the seeded online review in 简易模式, picks a
// sample applicant from a Chinese dropdown and a start date from the date picker, and sees every step dated on
// the holiday calendar with the branches taken; a different applicant takes the other branch. Nothing is typed
// as a key or FEEL, nothing is stored. Screenshots: test-output/dry-run/ (git-ignored). Under CI=true a missing
// Chromium or build fails (the same Debian Chromium and flags as the step designer's test).
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/config.js';
import { describeInBrowser, pickOption, serveBrowserApp, type BrowserApp } from '../support/browser.js';
import { startHarness, type Harness } from '../support/harness.js';

const OUT = join(REPO_ROOT, 'test-output', 'dry-run');
const FLOW = 'online-review';

describeInBrowser('试运行 in the step designer (Chromium, served under the CSP)', () => {
  let h: Harness;
  let served: BrowserApp | undefined;
  let browser: Browser | undefined;
  let base: string;
  const pageErrors: string[] = [];

  const snap = (page: Page, name: string) => page.screenshot({ path: join(OUT, `${name}.png`) });


  beforeAll(async () => {
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    h = await startHarness({ now: '2026-11-27T02:00:00.000Z' });
    served = await serveBrowserApp(h);
    ({ browser, base } = served);
  }, 90_000);

  afterAll(async () => {
    await served?.close();
    await h?.close();
  });

  it('an administrator dry-runs the online review for two sample applicants and sees dated steps and the branches taken', async () => {
    const context = await browser!.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('response', (r) => {
      if (r.status() >= 400 && !(r.status() === 401 && r.url().endsWith('/api/auth/me'))) pageErrors.push(`${r.status()} ${r.url()}`);
    });

    await page.goto(`${base}/#/login?next=${encodeURIComponent(`/designer/workflow/${FLOW}`)}`);
    const login = page.locator('form#login');
    await login.getByLabel('账号（注册时填写的手机号或邮箱）').fill('demo-admin');
    await login.getByLabel('密码', { exact: true }).fill('demo2026');
    await login.getByRole('button', { name: /登\s*录/ }).click();
    const designer = page.getByTestId('step-designer');
    await designer.locator('.ant-tag', { hasText: '简易模式' }).waitFor();

    await page.getByTestId('dry-run-open').click();
    const drawer = page.locator('.zc-dry-run-drawer');
    await drawer.waitFor();
    await pickOption(page, drawer.getByTestId('dry-run-sample'), '职称直报单位申报人');
    const date = drawer.getByPlaceholder('选择开始日期');
    await date.click();
    await date.fill('2026-12-01');
    await date.press('Enter');
    await drawer.getByTestId('dry-run-go').click();
    const result = drawer.getByTestId('dry-run-result');
    await result.waitFor();

    const steps = result.getByTestId('dry-run-step');
    const texts = await steps.allInnerTexts();
    expect(texts.find((t) => t.startsWith('单位公示'))).toContain('2026-12-01 → 2026-12-07');
    expect(texts[0]).toContain('单位审核');
    expect(await result.getByTestId('dry-run-branch').first().innerText()).toContain('走分支“直报单位：直接报送公共服务中心”');
    expect(texts.some((t) => t.startsWith('主管部门（推荐渠道）复核'))).toBe(false);
    expect(await result.getByTestId('dry-run-end').innerText()).toMatch(/^已发证：最早 2026-12-\d\d$/);
    await snap(page, '01-direct-report');

    // a 盟市 unit's applicant goes through 主管部门 and 盟市人社部门
    await pickOption(page, drawer.getByTestId('dry-run-sample'), '盟市所属单位申报人');
    await drawer.getByTestId('dry-run-go').click();
    await result.getByText('盟市人社部门审核汇总').waitFor();
    const branches = await result.getByTestId('dry-run-branch').allInnerTexts();
    expect(branches).toEqual(expect.arrayContaining([expect.stringContaining('走分支“主管部门（非公：所选推荐渠道）”'), expect.stringContaining('走分支“盟市所属单位”')]));
    await snap(page, '02-league');

    // nothing was stored: no draft appeared
    expect(await h.platform.store.getDefinition('workflow', FLOW, 'draft')).toBeNull();
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 120_000);
});
