// In Chromium, as the 住建局's flow editor: a 发送通知 step added after 单位审核 shows its settings in Chinese in the
// drawer — 通知对象 as checkboxes (申报人, 此前办理过该申报的各机构), a role at an office from dropdowns, and
// 通知内容 picked by template name (no key on screen) — and the saved draft keeps them.
// Screenshots: test-output/notify-step/ (git-ignored).
import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { StepFlow } from '../../server/domain/workflow/steps/types.js';
import { collectPageErrors, describeInBrowser, pickOption, screenshots, serveBrowserApp, signIn, type BrowserApp } from '../support/browser.js';
import { startHarness, type Harness } from '../support/harness.js';

describeInBrowser('the 发送通知 step in the step designer (Chromium)', () => {
  let h: Harness;
  let served: BrowserApp | undefined;
  let browser: Browser;
  let base: string;
  const snap = screenshots('notify-step');

  beforeAll(async () => {
    h = await startHarness({ now: '2026-06-01T02:00:00.000Z' });
    served = await serveBrowserApp(h);
    ({ browser, base } = served);
  }, 90_000);
  afterAll(async () => {
    await served?.close();
    await h?.close();
  });

  it('its drawer offers whom to tell and the words by name; the draft keeps them', async () => {
    const errors: string[] = [];
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    collectPageErrors(page, errors);
    await page.goto(`${base}/#/login?next=${encodeURIComponent('/designer/workflow/unit-review')}`);
    await signIn(page, 'demo-flow-jianshe');
    const designer = page.getByTestId('step-designer');
    await designer.locator('.ant-tag', { hasText: '简易模式' }).waitFor();

    await designer.getByRole('button', { name: '在“单位审核”之后添加步骤' }).click();
    await page.locator('.ant-dropdown:visible .ant-dropdown-menu-item', { hasText: '发送通知' }).click();
    const drawer = page.locator('.zc-step-drawer');
    const to = drawer.getByTestId('step-notify-to');
    await to.waitFor();
    // nothing chosen yet tells the applicant
    expect(await to.locator('.ant-checkbox-wrapper-checked').allInnerTexts()).toEqual(['申报人']);
    await to.getByText('此前办理过该申报的各机构').click();
    await drawer.getByTestId('step-notify-extra').click();
    await pickOption(page, drawer.getByTestId('step-scope'), '主管部门（推荐渠道）');
    await pickOption(page, drawer.getByTestId('step-role'), '主管部门审核人');

    // the templates by name, from the flow's catalog
    const template = drawer.getByTestId('step-notify-template');
    await template.click();
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await options.filter({ hasText: '通知：评审结果' }).first().waitFor();
    const names = await options.allInnerTexts();
    expect(names).toEqual(expect.arrayContaining(['流程通知', '通知：待办任务', '通知：评审结果']));
    expect(names.join(' ')).not.toMatch(/notify-|[A-Za-z]{3,}/);
    await page.keyboard.press('Escape');
    await pickOption(page, template, '通知：评审结果');
    expect(await drawer.innerText()).not.toMatch(/notify-|applicant|handlers|competent/);
    await snap(page, 'notify-drawer', drawer);

    await drawer.getByTestId('step-drawer-done').click();
    await drawer.waitFor({ state: 'hidden' });
    const card = designer.getByTestId('step-flow').getByTestId('step-card').nth(1);
    expect(await card.innerText()).toContain('通知申报人、此前办理过的各机构、主管部门（推荐渠道） · 主管部门审核人，随即继续');
    await page.getByTestId('save-draft').click();
    await page.getByText('草稿已保存').waitFor();
    await snap(page, 'saved');
    const draft = (await h.platform.store.getDefinition<{ steps: StepFlow }>('workflow', 'unit-review', 'draft'))!;
    expect(draft.body.steps.chain[1]).toMatchObject({ type: 'notify', to: ['applicant', 'handlers'], role: 'competentReviewer', scope: 'competent', template: 'notify-result' });

    // BPMN 高级: the same settings in the modeler's 职称扩展 panel, in words
    const id = draft.body.steps.chain[1]!.id;
    await page.getByRole('tab', { name: 'BPMN 高级' }).click();
    await page.locator(`.djs-element[data-element-id="${id}"]`).first().click();
    const panel = page.locator('[data-group-id="group-zc"]');
    await panel.getByText('通知对象：申报人').waitFor();
    const text = await panel.innerText();
    expect(text).toContain('此前办理过该申报的各机构');
    expect(await panel.locator('select').evaluateAll((els) => els.map((e) => (e as HTMLSelectElement).selectedOptions[0]?.textContent ?? ''))).toEqual(
      expect.arrayContaining(['主管部门审核人', '通知：评审结果']),
    );
    await snap(page, 'modeler-panel', panel);
    // the modeler's keyboard option is FlowEditor's (see step-designer.spec.ts), not this page's
    expect(errors.filter((e) => !/keyboard\.bindTo/.test(e))).toEqual([]);
    await context.close();
  }, 180_000);
});
