// 专家库 in Chromium: the engineering committee's office opens 评委会工作 → 专家库, sees the seeded expert F4 keeps
// out of 2022, adds an expert with the years 2019—2021 picked as chips, sees the same F4 warning in words, declares a
// unit conflict picked from the org tree and deactivates an expert with a reason. Screenshots: test-output/expert-pool/.
import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Expert } from '../../server/domain/committee-work/types.js';
import { collectPageErrors, describeInBrowser, pickOption, pickTreeNode, screenshots, serveBrowserApp, signIn, typeInInput, type BrowserApp } from '../support/browser.js';
import { startHarness, type Harness } from '../support/harness.js';

describeInBrowser('专家库 in Chromium', () => {
  let h: Harness;
  let served: BrowserApp | undefined;
  let browser: Browser;
  let base: string;
  const snap = screenshots('expert-pool');
  const pageErrors: string[] = [];

  beforeAll(async () => {
    h = await startHarness({ now: '2022-06-01T02:00:00.000Z' });
    served = await serveBrowserApp(h);
    ({ browser, base } = served);
  }, 120_000);

  afterAll(async () => {
    await served?.close();
    await h?.close();
  });

  it('the office adds an expert, records the years and sees the F4 warning', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    collectPageErrors(page, pageErrors);
    await page.goto(`${base}/#/login?next=${encodeURIComponent('/committee/experts')}`);
    await page.locator('form#login').waitFor({ timeout: 90_000 });
    await signIn(page, 'demo-office-gongcheng');
    const pool = page.getByTestId('experts-page');
    await pool.waitFor({ timeout: 60_000 });
    await pool.getByText('王建国').waitFor();
    const wang = pool.locator('tr', { hasText: '王建国' });
    expect(await wang.innerText()).toContain('2022 年不得聘任：已连续 3 年');
    expect(await page.getByTestId('committee-picker').locator('xpath=ancestor-or-self::*[contains(@class,"ant-select")][1]').innerText()).toContain('工程系列建设工程专业高级职称评审委员会');
    await snap(page, 'pool');

    // 新增专家: every field picked or typed in words; the years as chips
    await pool.getByTestId('expert-new').click();
    const form = page.getByTestId('expert-form');
    await form.waitFor();
    const select = (id: string) => page.getByTestId(id).locator('xpath=ancestor-or-self::*[contains(@class,"ant-select")][1]');
    await typeInInput(page.getByTestId('expert-name'), '田志远');
    await pickOption(page, select('expert-title'), '正高级工程师');
    await pickOption(page, select('expert-specialties'), '建设工程');
    await pickTreeNode(page, page.getByTestId('expert-unit-org'), '呼和浩特市建筑设计研究院');
    expect(await page.getByTestId('expert-unit-name').inputValue()).toBe('呼和浩特市建筑设计研究院');
    await pickOption(page, select('expert-region'), '呼和浩特市');
    await typeInInput(page.getByTestId('expert-phone'), '13904719999');
    for (const y of ['2019 年', '2020 年', '2021 年']) {
      await pickOption(page, select('expert-years'), y);
    }
    await snap(page, 'new-expert');
    await page.getByTestId('expert-save').click();
    await form.waitFor({ state: 'hidden' });

    // the list shows the new expert with the F4 state in words
    const search = pool.getByTestId('expert-search').locator('input');
    await search.fill('田志远');
    await search.press('Enter');
    const tian = pool.locator('tr', { hasText: '田志远' });
    await tian.getByText('2022 年不得聘任：已连续 3 年').waitFor();
    expect(await tian.innerText()).toContain('2019—2021 年');
    expect(await tian.innerText()).toContain('呼和浩特市');
    await snap(page, 'f4-warning');

    // editing shows the warning above the form; a unit conflict is picked from the org tree
    await tian.getByText('编辑').click();
    await page.getByTestId('expert-f4').getByText('2022 年不得聘任：已连续 3 年').waitFor();
    const conflicts = page.getByTestId('expert-conflicts');
    await pickTreeNode(page, conflicts.getByTestId('conflict-unit'), '赤峰市恒远建筑工程有限公司');
    await typeInInput(conflicts.getByTestId('conflict-reason'), '曾在该单位任职');
    await conflicts.getByTestId('conflict-add').click();
    await conflicts.getByText('单位 赤峰市恒远建筑工程有限公司：曾在该单位任职').waitFor();
    await snap(page, 'conflict', conflicts);
    await page.locator('.ant-drawer-close:visible').click();
    await page.getByTestId('expert-form').waitFor({ state: 'hidden' });

    // 停用 with a reason
    await tian.getByText('停用').click();
    await page.getByTestId('expert-stop-reason').fill('本人申请退出');
    await page.getByRole('button', { name: /停\s*用/ }).last().click();
    await tian.getByText('已停用（本人申请退出）').waitFor();
    await snap(page, 'deactivated');

    // 从 Excel 导入: a refused row is listed with its row and column, nothing is stored
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('专家');
    ws.addRow(['姓名', '专业', '职称', '工作单位', '所在盟市', '手机', '邮箱', '担任评委年度']);
    ws.addRow(['吕文华', '水利工程', '高级工程师', '内蒙古农业大学', '呼和浩特市', '', '', '2020、2021']);
    await page.locator('.ant-upload input[type=file]').setInputFiles({ name: '专家名单.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await wb.xlsx.writeBuffer()) });
    await pool.getByText('第 2 行「专业」：“水利工程”不是本评委会的评审专业（可填：建设工程、公路工程）').waitFor();
    await snap(page, 'import-refused');

    const stored = (await h.platform.store.listRecords<Expert>({ kind: 'expert', keys: ['committee:cmt-gongcheng-senior'], limit: 100 })).items.find((r) => r.body.name === '田志远')!;
    expect(stored.body.service.map((s) => s.year)).toEqual([2019, 2020, 2021]);
    expect(stored.body.unitOrgId).toBe('unit-hhht-design');
    expect(stored.body.conflicts).toEqual([expect.objectContaining({ orgId: 'unit-chifeng-construction', reason: '曾在该单位任职' })]);
    expect(stored.body.inactive?.reason).toBe('本人申请退出');
    const shown = await page.locator('body').innerText();
    for (const code of ['jianshe', 'unit-hhht', 'exp-', 'cmt-', '150100']) expect(shown).not.toContain(code);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('an administrator sets the appointment rules of a 自主评审 committee in words', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    collectPageErrors(page, pageErrors);
    await page.goto(`${base}/#/login?next=${encodeURIComponent('/admin/committees')}`);
    await page.locator('form#login').waitFor({ timeout: 90_000 });
    await signIn(page, 'demo-admin');
    const list = page.getByTestId('committees-page');
    await list.waitFor({ timeout: 60_000 });
    const row = list.locator('tr', { hasText: '兴泰建设集团' });
    expect(await row.innerText()).toContain('连续不超过 3 年；外单位不少于 30%');
    await row.getByText('编辑').click();
    const share = page.getByTestId('committee-external-share');
    await share.waitFor();
    expect(await share.inputValue()).toBe('30');
    await share.fill('40');
    await snap(page, 'committee-rules', share);
    await page.getByTestId('committee-save').click();
    await list.locator('tr', { hasText: '兴泰建设集团' }).getByText('外单位不少于 40%').waitFor();
    const stored = await h.platform.store.getDefinition<{ committees: { id: string; appointment?: { minExternalShare?: number } }[] }>('committees', 'committees', 'latest');
    expect(stored?.body.committees.find((c) => c.id === 'cmt-xingtai-gongcheng')?.appointment?.minExternalShare).toBe(0.4);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
