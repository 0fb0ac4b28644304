// 统计看板 in Chromium at 1440×900 as the administrator (issue 13 item 7): a campaign picked by name, the statistic
// cards, every chart drawn (a canvas each), the tables under them in words, the workbook downloaded and parsed
// back, a chart saved as a PNG through its 保存为图片 button. Screenshots: test-output/dashboard/.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { engineerForm } from '../support/engineer.js';
import { collectPageErrors, describeInBrowser, pickOption, screenshots, serveBrowserApp, signIn, type BrowserApp } from '../support/browser.js';
import { act, at, start, submitted, teacherForm, type Harness } from '../conformance/support.js';

/** an approval with its 审批意见 (a step may require one) */
const AGREE = { decision: 'approve', comment: '同意' };

const CHARTS = ['各环节申报数', '各盟市申报数', '各系列申报数', '各层级申报数', '指标使用', '各环节超期任务', '各评委会通过率', '各分组通过率（按申报路径）'];

describeInBrowser('province dashboard (统计看板) in Chromium', () => {
  let h: Harness;
  let served: BrowserApp | undefined;
  let browser: Browser;
  let base: string;
  const errors: string[] = [];
  const snap = screenshots('dashboard');

  beforeAll(async () => {
    h = await start('2022-06-01T02:00:00.000Z', [
      { id: 'li', orgId: 'unit-hhht-design' },
      { id: 'wang', orgId: 'unit-hhht-design' },
      { id: 'zhao', orgId: 'unit-hhht-design' },
      { id: 'bt-1', orgId: 'unit-baotou-machinery' },
      { id: 'elht-1', orgId: 'unit-elht-no1-middle' },
    ]);
    const li = (await submitted(h, 'li', { levelKey: 'gongcheng.zhongji', form: engineerForm('李工') }))['id'] as string;
    await act(h, 'demo-unit-design', li, 'unitReview', AGREE);
    await at(h, '2022-06-09T16:00:00.000Z');
    await act(h, 'demo-dept-jianshe', li, 'competentReview', AGREE);
    h.clock.set('2022-06-10T02:00:00.000Z');
    await submitted(h, 'wang', { levelKey: 'gongcheng.zhongji', form: engineerForm('王工') });
    const zhao = (await submitted(h, 'zhao', { levelKey: 'gongcheng.zhongji', form: engineerForm('赵工') }))['id'] as string;
    await act(h, 'demo-unit-design', zhao, 'unitReview', { decision: 'return', comment: '请补正', items: [{ message: '缺少继续教育证明' }] });
    await submitted(h, 'bt-1', { levelKey: 'gongcheng.zhongji', form: engineerForm('包工') });
    await submitted(h, 'elht-1', { levelKey: 'zhongxiaoxue.zhenggaoji', form: teacherForm({ currentTitle: { grade: '副高级', name: '高级教师', since: '2014-09-01' } }) });
    h.clock.set('2022-06-20T02:00:00.000Z'); // 赵's correction deadline has passed: one overdue task
    served = await serveBrowserApp(h);
    ({ browser, base } = served);
  }, 180_000);

  afterAll(async () => {
    await served?.close();
    await h?.close();
  });

  const canvasesDrawn = (page: Page) => page.locator('[data-testid="dashboard-chart"] canvas').count();

  it('shows the chosen 批次 in cards, charts and tables, in words; exports the workbook and a chart as PNG', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    collectPageErrors(page, errors);
    await page.goto(`${base}/#/login?next=${encodeURIComponent('/admin/dashboard')}`);
    await page.locator('form#login').waitFor({ timeout: 60_000 }).catch(async (e: unknown) => {
      await snap(page, 'no-login-form');
      throw new Error(`登录页未出现：${String(e)}；页面错误：${errors.join(' | ')}`);
    });
    await signIn(page, 'demo-admin');
    await page.getByRole('heading', { name: '统计看板' }).waitFor();
    await pickOption(page, page.locator('.ant-select', { has: page.getByLabel('批次') }), '2022年度职称评审');
    await page.getByText('范围：全区').waitFor();
    await page.locator('.ant-statistic', { hasText: '已提交申报' }).getByText('5').waitFor();
    await expect.poll(() => canvasesDrawn(page), { timeout: 30_000 }).toBe(CHARTS.length);
    for (const title of CHARTS) await page.locator(`[data-testid="dashboard-chart"][aria-label^="${title}"] canvas`).waitFor();
    await page.mouse.move(700, 890); // away from the header's hover menus
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(800); // ECharts' entry animation, for the picture only
    await snap(page, 'overview');

    const text = await page.locator('main, .ant-layout-content, #root').first().innerText();
    for (const words of ['呼和浩特市', '锡林郭勒盟', '工程技术人员 · 工程师', '中小学教师 · 正高级教师', '二连浩特市', '按一次性告知补正（单位审核）', '正常申报', '内蒙古自治区工程系列建设工程专业高级职称评审委员会', '评审分组尚未建立']) {
      expect(text).toContain(words);
    }
    for (const key of ['gongcheng', 'zhongxiaoxue', 'unit-', 'cmt-', 'regular', 'unitReview', 'submitted', 'undefined', 'null', 'NaN']) expect(text).not.toContain(key);

    await snap(page, 'quota', page.locator('.ant-card', { hasText: '分配单位' }).first());
    await snap(page, 'pass-rates-and-overdue', page.locator('.ant-card', { hasText: '各分组通过率' }).first());

    // the workbook: one sheet per figure
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
    expect(download.suggestedFilename()).toBe('2022年度职称评审统计看板（全区）.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['总体情况', '各环节', '各盟市', '各系列', '各层级', '指标使用', '超期任务', '评委会通过率', '分组通过率']);

    // 保存为图片 on the 各盟市 chart: the toolbox icon sits in the chart's top-right corner
    const chart = page.locator('[data-testid="dashboard-chart"][aria-label="各盟市申报数"]');
    await chart.scrollIntoViewIfNeeded();
    const box = (await chart.boundingBox())!;
    // the toolbox icon is drawn on the canvas: find it by the pointer cursor ECharts shows over it
    const pointerAt = async (x: number, y: number): Promise<boolean> => {
      await page.mouse.move(x, y);
      return chart.evaluate((el) => [el, ...el.querySelectorAll<HTMLElement>('*')].some((e) => e.style.cursor === 'pointer'));
    };
    let icon: { x: number; y: number } | undefined;
    for (let dy = 4; dy <= 40 && !icon; dy += 3) {
      for (let dx = 4; dx <= 40 && !icon; dx += 3) if (await pointerAt(box.x + box.width - dx, box.y + dy)) icon = { x: box.x + box.width - dx, y: box.y + dy };
    }
    expect(icon, '保存为图片 icon not found in the chart’s top-right corner').toBeDefined();
    await snap(page, 'save-as-image', chart);
    const [png] = await Promise.all([page.waitForEvent('download'), page.mouse.click(icon!.x, icon!.y)]);
    expect(png.suggestedFilename()).toBe('各盟市申报数.png');
    expect(readFileSync(await png.path()).subarray(1, 4).toString()).toBe('PNG');

    expect(errors).toEqual([]);
    await context.close();
  });

  it('a league/city HR bureau finds 统计看板 in its menu and sees its own 盟市 only', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    collectPageErrors(page, errors);
    await page.goto(`${base}/#/login?next=${encodeURIComponent('/workbench')}`);
    await page.locator('form#login').waitFor({ timeout: 60_000 });
    await signIn(page, 'demo-hrss-hhht');
    await page.locator('.zc-header').getByRole('link', { name: '统计看板' }).click();
    await page.getByRole('heading', { name: '统计看板' }).waitFor();
    await pickOption(page, page.locator('.ant-select', { has: page.getByLabel('批次') }), '2022年度职称评审');
    await page.getByText('范围：呼和浩特市').waitFor();
    await snap(page, 'league-scope');
    const text = await page.locator('main, .ant-layout-content, #root').first().innerText();
    expect(text).not.toContain('锡林郭勒盟');
    expect(errors).toEqual([]);
    await context.close();
  });
});
