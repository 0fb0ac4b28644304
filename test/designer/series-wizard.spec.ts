// Issue 11 items 1–2, in Chromium, as an administrator who does not write code: the new-series wizard creates
// 档案系列 with one level 副研究馆员 (副高级) copied from 高级工程师 — drafts only, nothing published; the series
// editor adds a specialty (its key derived from the Chinese name); 校验 shows, at the level's row, that its level
// definition no longer exists; and a campaign's phase date is changed on the date picker. No textarea is filled.
// Screenshots: test-output/series-wizard/ (git-ignored). Under CI=true a missing Chromium or build fails.
import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { collectPageErrors, describeInBrowser, pickOption, screenshots, serveBrowserApp, signIn, typeInInput, type BrowserApp } from '../support/browser.js';
import { startHarness, type Harness } from '../support/harness.js';

type Level = { seriesKey: string; levelKey: string; title: string; grade: string; rules: { paths: { id: string }[] }; materials: unknown[]; workflow: unknown; committee?: unknown; templates?: unknown; form: unknown };
type Series = { key: string; name: string; specialties?: { key: string; name: string }[]; levels: { levelKey: string; grade: string; title: string; definition?: string }[] };

describeInBrowser('new-series wizard, series and campaign editors in the browser (Chromium, served under the CSP)', () => {
  let h: Harness;
  let served: BrowserApp | undefined;
  let browser: Browser;
  let base: string;
  const pageErrors: string[] = [];
  const snap = screenshots('series-wizard');
  const type = typeInInput;

  beforeAll(async () => {
    h = await startHarness({ now: '2026-06-01T02:00:00.000Z' });
    served = await serveBrowserApp(h);
    ({ browser, base } = served);
  }, 90_000);

  afterAll(async () => {
    await served?.close();
    await h?.close();
  });

  it('creates 档案系列 · 副研究馆员 as drafts with the wizard, edits its specialties, sees a problem at its field, and moves a campaign date', async () => {
    const store = h.platform.store;
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    collectPageErrors(page, pageErrors);

    await page.goto(`${base}/#/login?next=${encodeURIComponent('/designer?kind=series')}`);
    await signIn(page, 'demo-admin');
    // the list names series in Chinese
    await page.getByRole('link', { name: '工程技术人员' }).waitFor();
    await snap(page, 'series-list');

    // step 1: the name; the key is derived from it
    await page.getByTestId('open-series-wizard').click();
    const wizard = page.getByTestId('series-wizard');
    await wizard.waitFor();
    await type(wizard.getByTestId('wizard-series-name'), '档案系列');
    expect(await wizard.getByTestId('wizard-series-key').inputValue()).toBe('dangan');
    await snap(page, 'wizard-name');
    await wizard.getByTestId('wizard-next').click();

    // step 2: one level, 副研究馆员 (副高级), copied from 工程技术人员 › 高级工程师
    await wizard.getByTestId('wizard-add-level').click();
    const row = wizard.getByTestId('wizard-level-row').first();
    await type(row.getByTestId('wizard-level-title'), '副研究馆员');
    await pickOption(page, row.getByTestId('wizard-level-grade'), '副高级');
    expect(await row.getByTestId('wizard-level-key').inputValue()).toBe('fugao');
    await pickOption(page, row.getByTestId('wizard-level-copy'), '复制：工程技术人员 › 高级工程师', '高级工程师');
    await snap(page, 'wizard-levels');
    await wizard.getByTestId('wizard-next').click();

    // step 3: review, then create the drafts
    const review = wizard.getByTestId('wizard-review');
    await review.waitFor();
    expect(await review.innerText()).toContain('dangan.fugao');
    await snap(page, 'wizard-review');
    await wizard.getByTestId('wizard-create').click();
    const editor = page.getByTestId('series-form');
    await editor.waitFor();
    expect(await page.getByTestId('series-name').inputValue()).toBe('档案系列');

    // drafts only: the level is the copy with its series, key, title and grade rewritten
    const level = (await store.getDefinition<Level>('level', 'dangan.fugao', 'draft'))!.body;
    const source = (await store.getDefinition<Level>('level', 'gongcheng.fugao', 'latest'))!.body;
    expect(level).toMatchObject({ seriesKey: 'dangan', levelKey: 'fugao', title: '副研究馆员', grade: '副高级' });
    for (const part of ['form', 'rules', 'materials', 'workflow', 'committee', 'templates'] as const) expect(level[part], part).toEqual(source[part]);
    const series = (await store.getDefinition<Series>('series', 'dangan', 'draft'))!.body;
    expect(series).toMatchObject({ key: 'dangan', name: '档案系列', levels: [{ levelKey: 'fugao', grade: '副高级', title: '副研究馆员', definition: 'dangan.fugao' }] });
    expect(await store.getDefinition('series', 'dangan', 'latest')).toBeFalsy();
    expect(await store.getDefinition('level', 'dangan.fugao', 'latest')).toBeFalsy();
    await snap(page, 'series-editor');

    // the series editor: a specialty by its Chinese name, the key derived; saved as a draft
    await page.getByTestId('add-specialty').click();
    const specialty = page.getByTestId('specialty-row').first();
    await type(specialty.getByTestId('specialty-name'), '档案管理');
    expect(await specialty.getByTestId('specialty-key').inputValue()).toBe('danganguanli');
    await page.getByTestId('save-draft').click();
    await page.getByText('草稿已保存').waitFor();
    expect((await store.getDefinition<Series>('series', 'dangan', 'draft'))!.body.specialties).toEqual([{ key: 'danganguanli', name: '档案管理' }]);
    await snap(page, 'specialty-saved', specialty);

    // the level's definition is removed: 校验 shows the problem at that level's 层级定义 cell
    await store.deleteDraft('level', 'dangan.fugao');
    await page.getByTestId('check').click();
    await page.getByTestId('problem-list').waitFor();
    const levelRow = page.getByTestId('level-row').first();
    const cellError = levelRow.locator('.ant-form-item-explain-error');
    await cellError.waitFor();
    expect(await cellError.innerText()).toContain('dangan.fugao');
    expect(await page.getByTestId('problem-list').innerText()).toContain('层级 1（副研究馆员） › 层级定义');
    await snap(page, 'problem-at-level', levelRow);
    // the 高级 tab holds the same body as JSON
    await page.getByRole('tab', { name: '高级（JSON）' }).click();
    const json = page.getByTestId('definition-json');
    await json.waitFor();
    expect(JSON.parse(await json.inputValue())).toMatchObject({ key: 'dangan', specialties: [{ key: 'danganguanli', name: '档案管理' }] });
    await snap(page, 'series-advanced', json);

    // a campaign: the 申报 phase's closing date moved on the date picker, saved as a draft
    await page.goto(`${base}/#/designer/campaign/2026`);
    const campaign = page.getByTestId('campaign-form');
    await campaign.waitFor();
    const apply = page.getByTestId('phase-row').nth(1);
    const closes = apply.locator('.ant-picker').nth(1);
    expect(await closes.locator('input').inputValue()).toBe('2026-12-20');
    await closes.click();
    const cell = page.locator('.ant-picker-dropdown:visible td[title="2026-12-10"]');
    await cell.click();
    await expect.poll(() => closes.locator('input').inputValue()).toBe('2026-12-10');
    await snap(page, 'campaign-date-picked', apply);
    await page.getByTestId('save-draft').click();
    await page.getByText('草稿已保存').waitFor();
    const draft = (await store.getDefinition<{ phases: { id: string; closes: string }[] }>('campaign', '2026', 'draft'))!.body;
    expect(draft.phases.find((p) => p.id === 'apply')?.closes).toBe('2026-12-10');

    // a phase that would end in the next year: 校验 shows it at that date
    const filing = page.getByTestId('phase-row').nth(3);
    const filingCloses = filing.locator('.ant-picker').nth(1);
    await filingCloses.click();
    await page.locator('.ant-picker-dropdown:visible .ant-picker-header-next-btn').click();
    await page.locator('.ant-picker-dropdown:visible td[title="2027-01-15"]').click();
    await page.getByTestId('check').click();
    const phaseError = filing.locator('.ant-form-item-explain-error');
    await phaseError.waitFor();
    expect(await phaseError.innerText()).toContain('2027-01-15');
    await snap(page, 'campaign-problem-at-date', filing);

    // a holiday calendar: a day clicked on the calendar becomes a day off, listed by month, saved as a draft
    await page.goto(`${base}/#/designer/calendar/2026`);
    await page.getByTestId('calendar-form').waitFor();
    await page.getByTestId('year-calendar').locator('[data-date="2026-01-05"]').click();
    await page.getByTestId('days-off').locator('[data-testid="date-tag"][data-date="2026-01-05"]').waitFor();
    await snap(page, 'calendar-day-off', page.getByTestId('year-calendar'));
    await page.getByTestId('save-draft').click();
    await page.getByText('草稿已保存').waitFor();
    expect((await store.getDefinition<{ daysOff: string[] }>('calendar', '2026', 'draft'))!.body.daysOff).toContain('2026-01-05');

    // 新建 without the wizard: the key is derived from the Chinese name, never typed
    await page.goto(`${base}/#/designer?kind=series`);
    await page.getByTestId('new-definition-button').click();
    const modal = page.getByTestId('new-definition');
    await type(modal.getByTestId('new-name'), '文物博物系列');
    expect(await modal.getByTestId('new-key').inputValue()).toBe('wenwubowu');
    await snap(page, 'new-series-modal');
    await page.getByRole('button', { name: '创建并编辑' }).click();
    await page.getByTestId('series-form').waitFor();
    expect(await page.getByTestId('series-name').inputValue()).toBe('文物博物系列');
    expect((await store.getDefinition<Series>('series', 'wenwubowu', 'draft'))!.body).toMatchObject({ key: 'wenwubowu', name: '文物博物系列' });

    expect(pageErrors).toEqual([]);
    await context.close();
  }, 180_000);
});
