// A2 in Chromium: a Hong Kong resident registers with the 港澳居民来往内地通行证, picking the document type from a list
// in words; a wrong number is refused at the field with the document's own reason, a right one registers.
// Screenshots: test-output/id-documents/.
import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { collectPageErrors, describeInBrowser, pickOption, screenshots, serveBrowserApp, type BrowserApp } from '../support/browser.js';
import { startHarness, type Harness } from '../support/harness.js';

describeInBrowser('A2: registering with one’s own identity document', () => {
  let h: Harness;
  let served: BrowserApp | undefined;
  let browser: Browser;
  let base: string;
  const snap = screenshots('id-documents');
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

  it('picks 港澳居民来往内地通行证 by name, is told a wrong number at the field, and registers with the right one', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 1000 } });
    const page = await context.newPage();
    collectPageErrors(page, pageErrors);
    await page.goto(`${base}/#/login?tab=register`);
    const reg = page.locator('form#register');
    await reg.waitFor({ timeout: 90_000 });
    await reg.getByLabel('姓名').fill('陈大文');
    const type = reg.getByTestId('id-doc-type').locator('xpath=ancestor-or-self::*[contains(@class,"ant-select")][1]');
    await pickOption(page, type, '港澳居民来往内地通行证');
    // the number's label follows the document
    const number = reg.getByLabel('证件号码');
    await number.fill('12345');
    await number.blur();
    await reg.getByText('港澳居民来往内地通行证号码应以H（香港）或M（澳门）开头，后接8位或10位数字').waitFor();
    await snap(page, 'wrong-number-at-field');
    await number.fill('H12345678');
    await reg.getByLabel('手机号或邮箱（作为登录账号）').fill('13912345678');
    const unit = reg.getByLabel('工作单位（非公有制人员可选人才服务机构）');
    await unit.click();
    await unit.fill('设计');
    // the document type's dropdown stays in the page, hidden: take the unit from the open one
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await reg.getByLabel('密码', { exact: true }).fill('Zc-2022-secure!');
    await reg.getByLabel('确认密码').fill('Zc-2022-secure!');
    await snap(page, 'filled', type);
    const options = await (async () => {
      await type.click();
      // the list is read once it is open (right after the unit's dropdown closes it may still be on its way)
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '海外高层次人才居住证' }).waitFor();
      const texts = await page.locator('.ant-select-dropdown:visible .ant-select-item-option').allInnerTexts();
      await snap(page, 'document-types');
      await page.keyboard.press('Escape');
      return texts;
    })();
    expect(options).toEqual(expect.arrayContaining(['居民身份证', '港澳居民来往内地通行证', '台湾居民来往大陆通行证', '港澳台居民居住证', '外国人工作许可证', '外国人永久居留身份证', '海外高层次人才居住证']));
    expect(options).not.toContain('护照');
    await reg.getByRole('button', { name: /注\s*册/ }).click();
    await page.getByText('注册成功，请登录').waitFor();
    await snap(page, 'registered');
    expect(await h.platform.store.findUserByLogin('13912345678')).toMatchObject({ idDocType: '港澳居民来往内地通行证', idNumber: 'H12345678' });
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
