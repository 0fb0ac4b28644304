// Issue 15 item 5 (F8) in Chromium: the portal offers 职称确认（区外及军队转业人员） beside the review series, and its
// application form asks for the original title in Chinese words only. Screenshots: test-output/title-confirmation/.
import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { duringApplyPhase } from '../support/apply-phase.js';
import { collectPageErrors, describeInBrowser, pickOption, screenshots, serveBrowserApp, signIn, typeInInput, type BrowserApp } from '../support/browser.js';
import { startHarness, type Harness } from '../support/harness.js';

describeInBrowser('title confirmation (F8): the new application form in the portal (Chromium)', () => {
  let h: Harness;
  let served: BrowserApp | undefined;
  let browser: Browser;
  let base: string;
  const snap = screenshots('title-confirmation');
  const errors: string[] = [];

  beforeAll(async () => {
    h = await startHarness({ now: duringApplyPhase() });
    served = await serveBrowserApp(h);
    ({ browser, base } = served);
  }, 90_000);

  afterAll(async () => {
    await served?.close();
    await h?.close();
  });

  it('starts a 副高级 confirmation from the portal home and shows its form with the original title fields', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 1000 } });
    const page = await context.newPage();
    collectPageErrors(page, errors);
    await page.goto(`${base}/#/login?next=${encodeURIComponent('/')}`);
    await signIn(page, 'demo-zhang');
    const list = page.getByTestId('series-list');
    await list.waitFor();
    const series = list.locator('.ant-list-item').filter({ hasText: '职称确认（区外及军队转业人员）' });
    await series.waitFor();
    await series.getByRole('button', { name: '申报副高级（副高级职称确认）' }).click();
    await page.getByTestId('create-application').click();
    await page.waitForURL(/#\/apply\/[^?]+\?step=form/);

    await typeInInput(page.locator('#root_original_name'), '高级工程师');
    await typeInInput(page.locator('#root_original_issuer'), '中国人民解放军某战区政治工作部');
    await typeInInput(page.locator('#root_original_certificateNumber'), 'JZG2016-0042');
    await pickOption(page, page.locator('#root_original_obtainedBy'), '军队');
    await pickOption(page, page.locator('#root_transfer_kind'), '转业安置');
    await page.getByTestId('save-draft').click();
    await page.getByText('草稿已保存').first().waitFor();
    const original = page.locator('#root_original');
    await snap(page, 'form', original);

    const text = await page.locator('main, #root').first().innerText();
    for (const label of ['原职称名称', '原评审（发证）机关', '原证书编号', '取得时间', '取得方式', '调入（转业）情况', '现工作单位']) expect(text).toContain(label);
    // words, not keys
    for (const key of ['original', 'obtainedBy', 'legalReview', 'transfer', 'queren', 'title-confirmation']) expect(text).not.toContain(key);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the level\'s 电子证书 settings and the committee\'s 社会化评审 in words in the designer', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 1000 } });
    const page = await context.newPage();
    collectPageErrors(page, errors);
    await page.goto(`${base}/#/login?next=${encodeURIComponent('/designer/level/queren.fugao')}`);
    await page.locator('form#login').waitFor();
    await signIn(page, 'demo-admin');
    await page.getByTestId('form-builder').waitFor();
    await page.getByRole('tab', { name: '评审流程与评委会', exact: true }).click();
    const card = page.getByTestId('level-certificate');
    await card.waitFor();
    expect(await card.getByTestId('certificate-title-field').innerText()).toContain('原职称 › 原职称名称');
    expect(await card.getByTestId('certificate-basis').inputValue()).toBe('职称确认（原发证机关：{原职称 › 原评审（发证）机关}）');
    expect(await page.getByTestId('level-workflow').innerText()).toContain('职称确认：单位审核');
    await snap(page, 'designer-certificate', card);

    await page.goto(`${base}/#/admin/committees`);
    await page.getByTestId('committees-page').waitFor();
    await page.locator('tr', { hasText: '轻工、纺织、工艺美术' }).getByText('编辑').click();
    const box = page.getByTestId('committee-socialised');
    await box.waitFor();
    expect(await box.isChecked()).toBe(true);
    await snap(page, 'committee-socialised', box);
    expect(errors).toEqual([]);
    await context.close();
  });
});
