// In Chromium, as an administrator: the form builder's complete field set without typing JSON or a key. A yes/no
// field, a field shown (and required) only when it is answered 是, a multi select with Chinese labels over codes,
// and an identity-document field; the keys come from the Chinese labels; the preview hides and shows the
// conditional field; a wrong 居民身份证 check digit is told at the field; an unsafe pattern is refused at its input;
// the JSON the level gets carries the standard if/then. Screenshots: test-output/form-builder-complete/.
import { type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { collectPageErrors, describeInBrowser, pickOption, screenshots, serveBrowserApp, signIn, typeInInput, type BrowserApp } from '../support/browser.js';
import { startHarness, type Harness } from '../support/harness.js';

const LEVEL = 'gongcheng.zhongji';

describeInBrowser('form builder, complete (Chromium, served under the CSP)', () => {
  let h: Harness;
  let served: BrowserApp | undefined;
  let browser: Browser;
  let base: string;
  const pageErrors: string[] = [];
  const snap = screenshots('form-builder-complete');

  beforeAll(async () => {
    h = await startHarness({ now: '2026-06-01T02:00:00.000Z' });
    served = await serveBrowserApp(h);
    ({ browser, base } = served);
  }, 90_000);

  afterAll(async () => {
    await served?.close();
    await h?.close();
  });

  /** 添加字段, then its label typed and left: the key follows the label */
  async function addField(page: Page, label: string): Promise<Locator> {
    const builder = page.getByTestId('form-builder');
    await builder.getByTestId('add-field').click();
    const panel = builder.getByTestId('field-panel');
    await expect.poll(() => panel.getByTestId('field-key').inputValue()).toMatch(/^xinZiDuan\d*$/);
    await typeInInput(panel.getByTestId('field-title'), label);
    await panel.getByTestId('field-title').press('Tab');
    return panel;
  }

  it('builds a form with a multi select, an ID document and a show-if field, and the preview follows the answers', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    collectPageErrors(page, pageErrors);

    await page.goto(`${base}/#/login?next=${encodeURIComponent(`/designer/level/${LEVEL}`)}`);
    await signIn(page, 'demo-admin');
    const builder = page.getByTestId('form-builder');
    await builder.waitFor();
    const preview = page.getByTestId('form-preview');

    // 1. a yes/no question; its key is the pinyin of the label
    let panel = await addField(page, '是否取得注册证书');
    await expect.poll(() => panel.getByTestId('field-key').inputValue()).toBe('shiFouQuDeZhuCeZhengShu');
    await pickOption(page, panel.getByTestId('field-kind'), '是/否');
    await preview.locator('#root_shiFouQuDeZhuCeZhengShu').first().waitFor();
    await snap(page, 'yes-no-field-key-from-label', panel);

    // 2. 证书编号: shown only when the answer is 是, and required then
    panel = await addField(page, '证书编号');
    await expect.poll(() => panel.getByTestId('field-key').inputValue()).toBe('zhengShuBianHao');
    await panel.getByTestId('field-required').click();
    await panel.getByTestId('show-if-toggle').click();
    const showIf = panel.getByTestId('show-if');
    await pickOption(page, showIf.getByTestId('cond-field'), '是否取得注册证书');
    await pickOption(page, showIf.getByTestId('cond-value'), '是');
    await expect.poll(() => showIf.getByTestId('show-if-summary').innerText()).toBe('仅当「是否取得注册证书」等于「是」时显示本字段，并且必填');
    await panel.getByText('显示时必填').waitFor();
    await builder.getByTestId('field-zhengShuBianHao').getByTestId('field-conditional').getByText('条件显示').waitFor();
    await snap(page, 'show-if-condition', panel);

    // the preview hides it until 是 is chosen, and hides it again for 否
    const question = preview.locator('.ant-form-item', { has: page.locator('#root_shiFouQuDeZhuCeZhengShu') }).last();
    expect(await preview.locator('#root_zhengShuBianHao').count()).toBe(0);
    await question.getByText('是', { exact: true }).click();
    await preview.locator('#root_zhengShuBianHao').waitFor();
    await snap(page, 'preview-shown-when-yes', preview.locator('#root_zhengShuBianHao'));
    await question.getByText('否', { exact: true }).click();
    await preview.locator('#root_zhengShuBianHao').waitFor({ state: 'detached' });
    await snap(page, 'preview-hidden-when-no', question);

    // an unsafe pattern is refused at its input, in the server's words
    await typeInInput(panel.getByTestId('field-pattern'), '^(\\d)\\1$');
    await expect.poll(() => panel.getByTestId('pattern-problem').innerText()).toContain('不支持反向引用和前后断言');
    await snap(page, 'unsafe-pattern', panel.getByTestId('field-pattern'));
    await typeInInput(panel.getByTestId('field-pattern'), '^[A-Z0-9]{6,20}$');
    await expect.poll(() => panel.getByTestId('pattern-problem').count()).toBe(0);

    // 3. a multi select: labels in Chinese, one stored as a code
    panel = await addField(page, '擅长领域');
    await expect.poll(() => panel.getByTestId('field-key').inputValue()).toBe('shanChangLingYu');
    await pickOption(page, panel.getByTestId('field-kind'), '多选');
    const labels = panel.getByTestId('option-label');
    await typeInInput(labels.nth(0), '建筑工程');
    await typeInInput(panel.getByTestId('option-code').nth(0), 'jianzhu');
    await typeInInput(labels.nth(1), '市政工程');
    await panel.getByTestId('option-add').click();
    await typeInInput(labels.nth(2), '水利工程');
    const multi = preview.locator('.ant-form-item', { has: page.locator('[id^="root_shanChangLingYu"]') }).last();
    await multi.getByText('水利工程').waitFor();
    await multi.getByText('建筑工程').click();
    await multi.getByText('水利工程').click();
    await snap(page, 'multi-select', multi);

    // 4. an identity document: a wrong check digit is told at the number, a right one clears it
    panel = await addField(page, '证件');
    await pickOption(page, panel.getByTestId('field-kind'), '证件');
    await panel.getByTestId('id-document-help').waitFor();
    const number = preview.locator('#root_zhengJian_number');
    await number.waitFor();
    await pickOption(page, preview.locator('#root_zhengJian_docType'), '居民身份证');
    await number.fill('110105194912310020');
    const numberItem = preview;
    await numberItem.getByText('居民身份证号码校验位不正确，请核对').waitFor();
    await snap(page, 'id-document-wrong-check-digit', number);
    await number.fill('11010519491231002X');
    await numberItem.getByText('居民身份证号码校验位不正确，请核对').waitFor({ state: 'detached' });

    // the level's JSON holds standard JSON Schema: the conditional field in an if/then branch
    await page.getByRole('tab', { name: /JSON/ }).click();
    const json = JSON.parse(await page.getByTestId('form-schema-json').inputValue()) as Record<string, unknown>;
    expect(json.allOf).toContainEqual({
      'x-show-if': 'zhengShuBianHao',
      if: { properties: { shiFouQuDeZhuCeZhengShu: { const: true } }, required: ['shiFouQuDeZhuCeZhengShu'] },
      then: { properties: { zhengShuBianHao: { type: 'string', title: '证书编号', pattern: '^[A-Z0-9]{6,20}$' } }, required: ['zhengShuBianHao'] },
    });
    const props = json.properties as Record<string, Record<string, unknown>>;
    expect(props.shanChangLingYu).toMatchObject({ type: 'array', uniqueItems: true, items: { type: 'string', enum: ['jianzhu', '市政工程', '水利工程'] } });
    expect(props.zhengJian).toMatchObject({ type: 'object', 'x-id-document': true });
    expect(Object.keys(props).some((k) => /^field\d+$/.test(k))).toBe(false);
    await snap(page, 'json-if-then', page.getByTestId('form-schema-json'));

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
