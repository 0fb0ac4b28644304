// Issue 13 item 6, "Done when": in Chromium an office user opens 花名册, picks 系列 and 级别 by name, clicks
// 导出 Excel, and the downloaded file is a roster HR bureaus can file (read back here with exceljs); 打印 opens the
// printable roster of the same people. Screenshots: test-output/roster-xlsx/.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { JsonObject } from '../../server/domain/json.js';
import type { Application } from '../../server/domain/schema-types.gen.js';
import { reachKey } from '../../server/domain/workflow/reach.js';
import { newState } from '../../server/domain/workflow/state.js';
import { prepareApplication } from '../support/applicant-flow.js';
import { collectPageErrors, describeInBrowser, pickOption, screenshots, serveBrowserApp, signIn, type BrowserApp } from '../support/browser.js';
import { ENGINEER_MATERIALS, ENGINEER_UNIT, engineerForm } from '../support/engineer.js';
import { makeApplication } from '../support/factories.js';
import { startHarness, type Harness } from '../support/harness.js';

const MORE = 24;

describeInBrowser('花名册 exported to Excel in Chromium', () => {
  let h: Harness;
  let served: BrowserApp | undefined;
  let browser: Browser;
  let base: string;
  const snap = screenshots('roster-xlsx');
  const pageErrors: string[] = [];

  beforeAll(async () => {
    h = await startHarness({ now: '2022-06-01T02:00:00.000Z' });
    // the seeded applicant 张建设 applies for 工程师; the flow reaches his unit's personnel office
    const zhang = h.as('demo-zhang');
    const id = await prepareApplication(zhang, { campaignId: '2022', levelKey: 'gongcheng.zhongji', form: engineerForm('张建设'), materials: ENGINEER_MATERIALS });
    const submitted = await zhang({ method: 'POST', url: `/api/applications/${id}/submit` });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const real = submitted.json() as Application;
    // and more colleagues, as the runtime leaves them, so the list has pages
    for (let i = 1; i <= MORE; i += 1) {
      const at = new Date(Date.parse('2022-06-02T01:00:00.000Z') + i * 60_000).toISOString();
      const app = makeApplication({
        id: `colleague-${i}`,
        applicantId: `colleague-${i}`,
        applicantName: `同事${i}`,
        campaignId: '2022',
        seriesKey: 'gongcheng',
        levelKey: 'gongcheng.zhongji',
        orgId: ENGINEER_UNIT,
        pinned: real.pinned,
        pathId: real.pathId,
        committeeId: real.committeeId,
        status: 'submitted',
        form: engineerForm(`同事${i}`, { gender: i % 2 ? '女' : '男' }) as JsonObject,
        submittedAt: at,
        createdAt: at,
        updatedAt: at,
        workflow: { ...newState(), status: 'active', reached: [reachKey({ role: 'unitReviewer', orgId: ENGINEER_UNIT })] },
      });
      expect((await h.platform.store.insertApplication(app, [])).ok).toBe(true);
    }
    served = await serveBrowserApp(h);
    ({ browser, base } = served);
  }, 120_000);

  afterAll(async () => {
    await served?.close();
    await h?.close();
  });

  it('an office user opens 花名册, picks 系列 and 级别 by name, exports Excel and prints', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    collectPageErrors(page, pageErrors);
    await page.goto(`${base}/#/login?next=${encodeURIComponent('/rosters')}`);
    // the first page load of the run (cold bundle, two busy cores) can take longer than one locator's timeout
    await page.locator('form#login').waitFor({ timeout: 90_000 });
    await signIn(page, 'demo-unit-design');
    const roster = page.getByTestId('roster-page');
    await roster.waitFor();
    await page.getByTestId('roster-title').getByText('申报人员花名册').waitFor();
    const select = (id: string) => page.getByTestId(id).locator('xpath=ancestor-or-self::*[contains(@class,"ant-select")][1]');
    await pickOption(page, select('roster-campaign'), '2022年度职称评审');
    await pickOption(page, select('roster-series'), '工程技术人员');
    await pickOption(page, select('roster-level'), '工程师 · 中级');
    const title = page.getByTestId('roster-title');
    await snap(page, 'picked');
    await title.getByText(`2022年度 工程技术人员 中级 申报人员花名册（共 ${1 + MORE} 人）`).waitFor();
    const table = roster.locator('.ant-table');
    await table.getByText('张建设').waitFor();
    const shown = await roster.innerText();
    expect(shown).toContain('呼和浩特市建筑设计研究院');
    expect(shown).toContain('建设工程');
    for (const code of ['gongcheng', 'jianshe', 'unit-hhht', 'regular', 'submitted']) expect(shown).not.toContain(code);
    await snap(page, 'roster-page');

    // 导出 Excel: the download the browser saves, under the server's Chinese file name
    const [download] = await Promise.all([page.waitForEvent('download'), roster.getByRole('button', { name: /导出 Excel/ }).click()]);
    expect(download.suggestedFilename()).toBe('2022年度 工程技术人员 中级 申报人员花名册.xlsx');
    const path = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(path)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('花名册');
    if (!ws) throw new Error('no sheet 花名册');
    expect(ws.getCell('A1').value).toBe('2022年度 工程技术人员 中级 申报人员花名册');
    const headers = (ws.getRow(2).values as unknown[]).slice(1);
    expect(headers.slice(0, 5)).toEqual(['序号', '姓名', '性别', '出生年月', '工作单位']);
    expect(ws.rowCount).toBe(2 + 1 + MORE);
    const first = ws.getRow(3);
    const col = (h: string) => first.getCell(headers.indexOf(h) + 1).value;
    expect([col('序号'), col('姓名'), col('性别'), col('工作单位'), col('申报系列'), col('申报级别'), col('申报专业')]).toEqual([1, '张建设', '男', '呼和浩特市建筑设计研究院', '工程技术人员', '中级', '建设工程']);
    await snap(page, 'exported');

    // 打印: the printable roster of the same people, in a new tab
    const [printable] = await Promise.all([context.waitForEvent('page'), roster.getByRole('button', { name: /打\s*印/ }).click()]);
    await printable.waitForLoadState();
    const text = await printable.locator('body').innerText();
    expect(text).toContain('张建设');
    expect(text).toContain(`同事${MORE}`);
    await printable.setViewportSize({ width: 1440, height: 900 });
    await snap(printable, 'printable');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('an applicant cannot export a roster: the button says so in Chinese', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/#/login?next=${encodeURIComponent('/rosters')}`);
    await signIn(page, 'demo-zhang');
    const roster = page.getByTestId('roster-page');
    await roster.waitFor();
    await roster.getByRole('button', { name: /导出 Excel/ }).click();
    const alert = roster.getByRole('alert').filter({ hasText: /无权|权限/ }).first();
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/[\u4e00-\u9fa5]/);
    await snap(page, 'applicant-refused');
    await context.close();
  });

  it('an administrator exports 机构, 账号与角色 and 评委会 from their pages', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    collectPageErrors(page, pageErrors);
    await page.goto(`${base}/#/login?next=${encodeURIComponent('/admin/orgs')}`);
    await page.locator('form#login').waitFor({ timeout: 90_000 });
    await signIn(page, 'demo-admin');
    const read = async (pageId: string, button: RegExp, fileName: string) => {
      const area = page.getByTestId(pageId);
      await area.waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), area.getByRole('button', { name: button }).click()]);
      expect(download.suggestedFilename()).toBe(fileName);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await readFile(await download.path())) as unknown as ArrayBuffer);
      return wb.worksheets[0]!;
    };
    const orgs = await read('orgs-page', /导出机构 Excel/, '机构.xlsx');
    expect(orgs.getCell('B1').value).toBe('机构名称');
    expect(orgs.rowCount).toBeGreaterThan(100);
    await snap(page, 'admin-orgs');
    await page.goto(`${base}/#/admin/accounts`);
    const accounts = await read('accounts-page', /导出 Excel/, '工作人员账号与角色.xlsx');
    expect(accounts.getCell('D1').value).toBe('角色及任职机构');
    await snap(page, 'admin-accounts');
    await page.goto(`${base}/#/admin/committees`);
    const committees = await read('committees-page', /导出 Excel/, '评委会.xlsx');
    expect(committees.getCell('B1').value).toBe('评委会名称');
    await snap(page, 'admin-committees');
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
