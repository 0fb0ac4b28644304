// Issue 11 item 10, end to end in Chromium, as a province administrator who does not write code: 档案系列 ·
// 副研究馆员 is created from scratch with the wizard (an empty level, not a copy); its form is built in the visual
// form builder (a yes/no question and a field shown only when it is 是), its rules with the condition builder and
// the policy library (不得申报情形 and a 破格 path), a material with a condition, the flow and the committee from
// lists, each document made the level's own and one edited with the workbench's field picker; the series is
// published, the committee created on 评委会管理 (jurisdiction from the org tree), the level checked and published.
// An applicant then finds the level by its Chinese name, answers 是 and sees the conditional field, uploads the
// material, signs, submits and sees 已提交. Back as administrator: the shared module of 不得申报情形 is made
// stricter with the builder and its impact preview lists the application just submitted with the failing condition.
// No JSON/FEEL/Handlebars textarea is filled anywhere (counted by the typing helper and on the page, asserted 0).
// The campaign lists no levels, so it is not edited. Screenshots: test-output/dangan-from-scratch/ (git-ignored).
// Under CI=true a missing Chromium or build fails.
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/config.js';
import { duringApplyPhase } from '../support/apply-phase.js';
import { BROWSER_TEST_TIMEOUT_MS, collectPageErrors, describeInBrowser, pickOption, pickTreeNode, screenshots, serveBrowserApp, signIn, typeInInput, type BrowserApp } from '../support/browser.js';
import { startHarness, type Harness } from '../support/harness.js';

const SERIES = '档案系列';
const TITLE = '副研究馆员';
const YES_NO = '已取得档案专业中级职称';
const SHOWN_IF_YES = '中级职称证书编号';
const REGULAR_MESSAGE = '须已取得档案专业中级职称';
const MATERIAL = '档案专业中级职称证书';
const COMMITTEE = '内蒙古自治区档案系列高级职称评审委员会';
const POGE = '破格2：引进高层次人才和急需紧缺人才（绿色通道）';
const RESTRICTIONS = '不得申报情形：公务员、离退休人员、失信记录期';
const STRICTER = '离退休人员及盟市级单位人员不得申报（示例：收紧）';
const PDF = join(REPO_ROOT, 'test', 'designer', 'fixtures', 'zhongji-certificate.pdf');

type StoredLevel = {
  form: { properties: Record<string, { title?: string; type?: string }>; allOf?: unknown[] };
  rules: { blocks?: unknown[]; paths: ({ id: string; name: string; conditions: { expr: string; message: string }[] } | { use: string })[] };
  materials: { name: string; required: boolean; requiredWhen?: string }[];
  workflow: { key: string };
};

/** a textarea that holds code: JSON (zc-json, *json* test ids), FEEL or Handlebars */
const CODE_TEXTAREA = 'textarea.zc-json, textarea[data-testid*="json"], [data-testid*="json"] textarea, [data-testid="advanced-feel"] textarea, textarea[data-testid="template-source-text"]';

describeInBrowser('档案系列 · 副研究馆员 from scratch by an administrator, then applied for (Chromium, served under the CSP)', () => {
  let h: Harness;
  let served: BrowserApp | undefined;
  let browser: Browser;
  let base: string;
  let admin: { context: BrowserContext; page: Page };
  const pageErrors: string[] = [];
  const snap = screenshots('dangan-from-scratch');
  /** fills of a code textarea by this spec's own helper: must stay 0 */
  let codeFills = 0;
  /** what the later steps need from the earlier ones: without it they are skipped (the earlier failure says why) */
  let published = false;
  let submitted = false;

  /** the only way this spec types: inputs, and never a code textarea (counted if it ever tried) */
  async function type(target: Locator, text: string): Promise<void> {
    const isCode = await target.evaluate((el, sel) => el.matches(sel) || !!el.closest('[data-testid*="json"]'), CODE_TEXTAREA);
    if (isCode) codeFills += 1;
    await typeInInput(target, text);
  }

  async function open(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 1000 } });
    // trusted typing into any code textarea is counted on the page as well (a fill by any path, not only `type`)
    await context.addInitScript((sel: string) => {
      const w = window as unknown as { __codeInputs: number };
      w.__codeInputs = 0;
      document.addEventListener('input', (e) => {
        const t = e.target as Element | null;
        if (e.isTrusted && t instanceof HTMLTextAreaElement && (t.matches(sel) || t.closest('[data-testid*="json"]'))) w.__codeInputs += 1;
      }, true);
    }, CODE_TEXTAREA);
    context.on('page', watch);
    const page = await context.newPage();
    return { context, page };
  }

  function watch(page: Page): void {
    collectPageErrors(page, pageErrors);
  }

  async function codeInputs(page: Page): Promise<number> {
    return page.evaluate(() => (window as unknown as { __codeInputs?: number }).__codeInputs ?? 0);
  }

  async function login(page: Page, account: string, next: string): Promise<void> {
    await page.goto(`${base}/#/login?next=${encodeURIComponent(next)}`);
    await signIn(page, account);
  }

  /** 添加字段 in the form builder, its label typed and left: the key follows the label */
  async function addField(page: Page, label: string): Promise<Locator> {
    const builder = page.getByTestId('form-builder');
    await builder.getByTestId('add-field').click();
    const panel = builder.getByTestId('field-panel');
    await expect.poll(() => panel.getByTestId('field-key').inputValue()).toMatch(/^xinZiDuan\d*$/);
    await type(panel.getByTestId('field-title'), label);
    await panel.getByTestId('field-title').press('Tab');
    return panel;
  }

  /** an antd Select that acts on a choice and keeps no value: opened, narrowed and clicked once */
  async function pickOnce(page: Page, select: Locator, option: string, search: string): Promise<void> {
    await select.click();
    await page.keyboard.type(search);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
    await page.locator('.ant-select-dropdown:visible').first().waitFor({ state: 'hidden', timeout: 5000 }).catch(() => page.keyboard.press('Escape'));
  }

  /** an antd TreeSelect: narrowed by typing, the node clicked by its title */
  /** 校验, then 发布; problems the check finds are shown (screenshot) and thrown in the check's own words */
  async function checkAndPublish(page: Page, what: string): Promise<void> {
    await page.getByTestId('check').click();
    await page.locator('[data-testid="problem-list"]').or(page.getByText('校验通过，可以发布')).first().waitFor();
    if (await page.getByTestId('problem-list').count()) {
      await snap(page, `${what}-check-problems`, page.getByTestId('problem-list'));
      throw new Error(`${what} 校验未通过：${await page.getByTestId('problem-list').innerText()}`);
    }
    await page.getByTestId('publish').click();
    await page.getByText(/已发布为第 \d+ 版/).waitFor();
    await snap(page, `${what}-published`);
  }

  const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true }).click();

  beforeAll(async () => {
    h = await startHarness({ now: duringApplyPhase() });
    served = await serveBrowserApp(h);
    ({ browser, base } = served);
    admin = await open();
  }, 90_000);

  afterAll(async () => {
    await served?.close();
    await h?.close();
  });

  const level = async (which: 'draft' | 'latest'): Promise<StoredLevel | undefined> => (await h.platform.store.getDefinition<StoredLevel>('level', 'dangan.fugao', which))?.body;

  it('1–3. the wizard creates 档案系列 with an empty 副研究馆员; the level is built by forms, checked and published with its series and a new committee', async () => {
    const { page } = admin;
    await login(page, 'demo-admin', '/designer?kind=series');
    await page.getByRole('link', { name: '工程技术人员' }).waitFor();

    // 1. the wizard: 档案系列, one level 副研究馆员 (副高级) starting empty
    await page.getByTestId('open-series-wizard').click();
    const wizard = page.getByTestId('series-wizard');
    await wizard.waitFor();
    await type(wizard.getByTestId('wizard-series-name'), SERIES);
    expect(await wizard.getByTestId('wizard-series-key').inputValue()).toBe('dangan');
    await snap(page, 'wizard-series-name');
    await wizard.getByTestId('wizard-next').click();
    await wizard.getByTestId('wizard-add-level').click();
    const row = wizard.getByTestId('wizard-level-row').first();
    await type(row.getByTestId('wizard-level-title'), TITLE);
    await pickOption(page, row.getByTestId('wizard-level-grade'), '副高级');
    expect(await row.getByTestId('wizard-level-copy').innerText()).toContain('空白层级');
    await snap(page, 'wizard-level-empty');
    await wizard.getByTestId('wizard-next').click();
    await wizard.getByTestId('wizard-review').waitFor();
    await snap(page, 'wizard-review');
    await wizard.getByTestId('wizard-create').click();
    await page.getByTestId('series-form').waitFor();
    const fresh = (await level('draft'))!;
    expect(Object.keys(fresh.form.properties)).toEqual(['name']);
    await snap(page, 'series-editor');

    // the level opens from its row in the series editor (in a new tab)
    const [lp] = await Promise.all([admin.context.waitForEvent('page'), page.getByTestId('level-row').first().getByTestId('open-level').click()]);
    const lvl = lp;
    await lvl.setViewportSize({ width: 1440, height: 1000 });
    const builder = lvl.getByTestId('form-builder');
    await builder.waitFor({ timeout: 60_000 });

    // 2a. 基本信息: title and grade
    await tab(lvl, '基本信息');
    const basic = lvl.getByTestId('level-basic');
    await basic.waitFor();
    await type(basic.getByTestId('level-title'), TITLE);
    await pickOption(lvl, basic.getByTestId('level-grade'), '副高级');
    await snap(lvl, 'level-basic', basic);

    // 2b. the form: a yes/no question and a field shown (and required) only when it is 是
    await tab(lvl, '申报表单');
    await builder.waitFor();
    const preview = lvl.getByTestId('form-preview');
    const yesNo = await addField(lvl, YES_NO);
    await pickOption(lvl, yesNo.getByTestId('field-kind'), '是/否');
    const yesNoKey = await yesNo.getByTestId('field-key').inputValue();
    await yesNo.getByTestId('field-required').click();
    const shown = await addField(lvl, SHOWN_IF_YES);
    const shownKey = await shown.getByTestId('field-key').inputValue();
    await shown.getByTestId('field-required').click();
    await shown.getByTestId('show-if-toggle').click();
    const showIf = shown.getByTestId('show-if');
    await pickOption(lvl, showIf.getByTestId('cond-field'), YES_NO);
    await pickOption(lvl, showIf.getByTestId('cond-value'), '是');
    await expect.poll(() => showIf.getByTestId('show-if-summary').innerText()).toContain(`仅当「${YES_NO}」等于「是」时显示本字段`);
    await snap(lvl, 'form-show-if', shown);
    // the preview shows it only after 是
    expect(await preview.locator(`#root_${shownKey}`).count()).toBe(0);
    const question = preview.locator('.ant-form-item', { has: lvl.locator(`#root_${yesNoKey}`) }).first();
    await question.getByText('是', { exact: true }).click();
    await preview.locator(`#root_${shownKey}`).waitFor();
    await snap(lvl, 'form-preview-shown-when-yes', preview.locator(`#root_${shownKey}`));

    // 2c. rules: 正常申报 with one condition from the builder; 不得申报情形 and a 破格 path from the policy library
    await tab(lvl, '资格规则');
    const rules = lvl.getByTestId('rules-editor');
    await rules.waitFor();
    const regular = rules.getByTestId('path-card').first();
    expect(await regular.getByTestId('path-name').inputValue()).toBe('正常申报');
    await regular.getByTestId('add-condition').click();
    const cond = regular.getByTestId('rule-row').first();
    await pickOption(lvl, cond.getByTestId('cb-rule').first().getByTestId('cb-fact'), YES_NO, '中级职称');
    // a yes/no field: the operator itself says 是
    await pickOption(lvl, cond.getByTestId('cb-rule').first().getByTestId('cb-op'), '是');
    await type(cond.getByTestId('rule-message'), REGULAR_MESSAGE);
    expect(await cond.getByTestId('cb-incomplete').count()).toBe(0);
    // the picker adds on each choice and shows no value: picked once each (not through pickOption's retries)
    await pickOnce(lvl, rules.getByTestId('policy-picker'), RESTRICTIONS, '不得申报');
    await rules.getByTestId('blocks-card').getByText(RESTRICTIONS).waitFor();
    await pickOnce(lvl, rules.getByTestId('policy-picker'), POGE, '破格2');
    await rules.getByTestId('module-path-card').filter({ hasText: '破格2' }).waitFor();
    expect(await rules.getByTestId('module-path-card').count()).toBe(1);
    await snap(lvl, 'rules-regular-and-library', regular);
    await snap(lvl, 'rules-poge-from-library', rules.getByTestId('module-path-card').first());

    // 2d. materials: the certificate, required when the answer is 是
    await tab(lvl, '材料清单');
    const materials = lvl.getByTestId('level-materials');
    await materials.getByTestId('add-material').click();
    const mat = materials.getByTestId('material-row').first();
    await type(mat.getByTestId('material-name'), MATERIAL);
    await mat.locator('.ant-radio-button-wrapper', { hasText: '满足条件时必交' }).click();
    const mrule = mat.getByTestId('cb-rule').first();
    await pickOption(lvl, mrule.getByTestId('cb-fact'), YES_NO, '中级职称');
    await pickOption(lvl, mrule.getByTestId('cb-op'), '是');
    await expect.poll(() => mat.getByTestId('material-condition-words').innerText()).toContain(YES_NO);
    await snap(lvl, 'material-with-condition', mat);

    // 2e. flow and committee from lists
    await tab(lvl, '评审流程与评委会');
    const flow = lvl.getByTestId('level-flow');
    await flow.waitFor();
    await pickOption(lvl, flow.getByTestId('level-workflow'), '职称评审：单位→主管部门→盟市→公共服务中心→评委会', '公共服务中心');
    await lvl.getByTestId('committee-required').getByText('由评委会评审', { exact: false }).click();
    await snap(lvl, 'flow-and-committee');

    // 2f. 文书: a new level has no template of its own; each document is made the level's own (为本层级单独定制)
    // and 专业技术资格评审表 gets a field from the workbench's picker
    // the workbench's picker offers the fields of the saved draft (not the editor's unsaved form): saved first
    await lvl.getByTestId('save-draft').click();
    await lvl.getByText('草稿已保存').waitFor();
    await tab(lvl, '文书');
    const templates = lvl.getByTestId('level-templates');
    await templates.waitFor();
    await snap(lvl, 'templates-tab', templates);
    for (const doc of ['专业技术资格送审表', '一次性告知书', '公示', '专业技术资格评审表']) {
      const item = templates.getByTestId('template-item').filter({ hasText: doc }).first();
      await item.getByTestId('template-own').click();
      const refused = templates.locator('.ant-alert-error');
      await item.getByText('本层级模板').or(refused).first().waitFor();
      if (await refused.count()) {
        await snap(lvl, 'template-own-refused', templates);
        throw new Error(`「${doc}」为本层级单独定制失败：${await refused.first().innerText()}`);
      }
    }
    const workbench = lvl.getByTestId('template-workbench');
    await workbench.waitFor();
    // the search box's test id sits on antd's wrapper
    await type(workbench.locator('input[data-testid="field-search"], [data-testid="field-search"] input').first(), YES_NO);
    await workbench.getByTestId('pick-field').filter({ hasText: YES_NO }).first().click();
    await expect.poll(() => workbench.getByTestId('template-source-text').inputValue()).toContain(yesNoKey);
    await snap(lvl, 'template-field-picked', workbench);

    await lvl.getByTestId('save-draft').click();
    await lvl.getByText('草稿已保存').waitFor();
    const draft = (await level('draft'))!;
    expect(draft.form.properties[yesNoKey]).toMatchObject({ title: YES_NO, type: 'boolean' });
    expect(JSON.stringify(draft.form.allOf ?? [])).toContain(shownKey);
    expect(draft.rules.paths).toEqual(expect.arrayContaining([expect.objectContaining({ name: '正常申报' }), { use: 'poge-2' }]));
    expect(draft.rules.blocks).toContainEqual({ use: 'restrictions' });
    expect(draft.materials[0]).toMatchObject({ name: MATERIAL, required: false });
    expect(draft.materials[0]!.requiredWhen).toContain(yesNoKey);

    // 3a. the series: checked and published (its level exists as a draft)
    await page.bringToFront();
    await checkAndPublish(page, 'series');

    // 3b. no committee covers 档案系列: one is created on 评委会管理, its jurisdiction picked from the org tree
    await page.goto(`${base}/#/admin/committees`);
    const committees = page.getByTestId('committees-page');
    await committees.waitFor();
    await committees.getByTestId('committee-new').click();
    const cform = page.getByTestId('committee-form');
    await cform.waitFor();
    await type(cform.getByLabel('评委会名称'), COMMITTEE);
    await pickOption(page, cform.getByTestId('committee-series'), SERIES, '档案');
    await pickOption(page, cform.getByTestId('committee-grade'), '副高级');
    await pickTreeNode(page, cform.getByTestId('committee-regions'), '呼和浩特市');
    for (const [id, date] of [['committee-from', '2026-01-01'], ['committee-to', '2028-12-31']] as const) {
      // antd puts the test id on the picker's input itself
      const input = cform.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first();
      await input.click();
      await type(input, date);
      await input.press('Enter');
    }
    await pickTreeNode(page, cform.getByTestId('committee-office'), '自治区经济系列高评委会办事机构');
    await snap(page, 'committee-form', cform);
    await page.getByTestId('committee-save').click();
    await Promise.race([cform.waitFor({ state: 'hidden' }), page.getByTestId('committee-error').waitFor()]);
    if (await page.getByTestId('committee-error').count()) throw new Error(`评委会未保存：${await page.getByTestId('committee-error').innerText()}`);
    // the list is long: found by its name
    await type(committees.getByPlaceholder('按名称查找评委会'), '档案');
    await committees.getByText(COMMITTEE).waitFor();
    await snap(page, 'committee-created', committees);

    // 3c. the level: checked (every cross-reference) and published
    await lvl.bringToFront();
    await checkAndPublish(lvl, 'level');
    expect(await level('latest')).toBeTruthy();
    published = true;

    expect(codeFills).toBe(0);
    expect(await codeInputs(page)).toBe(0);
    expect(await codeInputs(lvl)).toBe(0);
    expect(pageErrors).toEqual([]);
  }, BROWSER_TEST_TIMEOUT_MS);

  it('4. an applicant finds 档案系列 · 副研究馆员 by its name, answers 是 and sees the conditional field, uploads, signs and submits', async ({ skip }) => {
    skip(!published, '档案系列 · 副研究馆员 was not published in steps 1–3');
    const applicant = await open();
    const { page } = applicant;
    await login(page, 'demo-zhang', '/');
    const series = page.getByTestId('series-list');
    await series.getByText(SERIES).waitFor();
    const start = page.getByRole('button', { name: `申报副高级（${TITLE}）` });
    await snap(page, 'applicant-finds-level', start);
    await start.click();

    // 资格自测 on the generated form: the conditional field appears after 是
    await page.getByText('资格自测：我能否申报、按哪种途径申报？').waitFor();
    await type(page.getByLabel('姓名').first(), '张建设');
    const q = page.locator('.ant-form-item', { hasText: YES_NO }).first();
    expect(await page.getByLabel(SHOWN_IF_YES).count()).toBe(0);
    await q.getByText('是', { exact: true }).click();
    await page.getByLabel(SHOWN_IF_YES).first().waitFor();
    await type(page.getByLabel(SHOWN_IF_YES).first(), 'DA2019-0001');
    await page.getByTestId('eligibility-check').click();
    await page.getByTestId('eligibility-result').getByText('正常申报').first().waitFor();
    await snap(page, 'applicant-eligible');
    await page.getByTestId('create-application').click();
    await page.getByTestId('save-draft').waitFor();
    await snap(page, 'applicant-form');
    await page.getByRole('button', { name: '保存并下一步' }).click();

    // 材料: the certificate is required now (the answer is 是)
    await page.getByText(MATERIAL).waitFor();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('.ant-list-item', { hasText: MATERIAL }).getByRole('button', { name: /上\s*传/ }).click()]);
    await chooser.setFiles(PDF);
    await page.getByText('已上传：zhongji-certificate.pdf').waitFor();
    await snap(page, 'applicant-material-uploaded');
    await page.getByRole('button', { name: '下一步' }).click();

    // 诚信承诺, then 提交
    await page.getByText('我已阅读并同意以上承诺').click();
    await type(page.getByPlaceholder('请输入本人姓名签署'), '张建设');
    await page.getByRole('button', { name: /签\s*署/ }).click();
    await page.getByText('已签署诚信承诺书').first().waitFor();
    await page.locator('.ant-steps-item').filter({ hasText: /^5?提交$/ }).click();
    await snap(page, 'applicant-before-submit');
    await page.getByTestId('submit').click();
    const outcome = page.locator('[data-testid="submit-problems"], .ant-tag:text-is("已提交")').first();
    await outcome.waitFor();
    if (await page.getByTestId('submit-problems').count()) {
      await snap(page, 'applicant-submit-refused');
      throw new Error(`提交未成功：${await page.getByTestId('submit-problems').innerText()}`);
    }
    await snap(page, 'applicant-submitted');
    const apps = await h.platform.store.listApplications({ applicantId: 'demo-zhang', limit: 100 });
    expect(apps.items.filter((a) => a.seriesKey === 'dangan').map((a) => a.status)).toEqual(['submitted']);
    submitted = true;
    expect(codeFills).toBe(0);
    expect(await codeInputs(page)).toBe(0);
    expect(pageErrors).toEqual([]);
    await applicant.context.close();
  }, BROWSER_TEST_TIMEOUT_MS);

  it('5. the policy module the level uses is made stricter with the builder; the impact preview lists the submitted application and the failing condition', async ({ skip }) => {
    skip(!submitted, 'no application was submitted in step 4');
    const { page } = admin;
    await page.goto(`${base}/#/designer/level/dangan.fugao`);
    await page.getByRole('tab', { name: '资格规则', exact: true }).waitFor({ timeout: 60_000 });
    await tab(page, '资格规则');
    const rules = page.getByTestId('rules-editor');
    await rules.waitFor();
    // the module opens from the level's 不得申报 card by its link
    await rules.getByTestId('blocks-card').getByTestId('open-module').first().click();
    const blocks = page.getByTestId('policy-rules').getByTestId('blocks-card');
    await blocks.waitFor();
    await snap(page, 'policy-module');
    // 离退休人员 becomes 离退休人员 or working in a 盟市-level unit: stricter, built with the builder (any one suffices)
    const rows = blocks.getByTestId('rule-row');
    await rows.first().waitFor();
    let block = rows.first();
    for (let i = 0; i < (await rows.count()); i++) {
      if ((await rows.nth(i).getByTestId('rule-message').inputValue()).startsWith('离退休人员')) block = rows.nth(i);
    }
    await block.getByTestId('cb-add-rule').first().click();
    await pickOption(page, block.getByTestId('cb-group-op').first(), '任一满足');
    const added = block.getByTestId('cb-rule').last();
    await pickOption(page, added.getByTestId('cb-fact'), '单位所在层级', '层级');
    await pickOption(page, added.getByTestId('cb-value'), '盟市');
    expect(await block.getByTestId('cb-incomplete').count()).toBe(0);
    await type(block.getByTestId('rule-message'), STRICTER);
    await snap(page, 'policy-module-stricter', block);
    // the impact preview of the module's draft over this year's applications
    const panel = page.getByTestId('impact-preview');
    await panel.scrollIntoViewIfNeeded();
    await pickOption(page, panel.getByTestId('impact-campaign'), '2026年度职称评审');
    await panel.getByTestId('run-impact').click();
    const affected = panel.getByTestId('impact-level-dangan.fugao').locator('tr.impact-loses', { hasText: '张建设' });
    await affected.waitFor();
    expect(await affected.innerText()).toContain(STRICTER);
    await snap(page, 'impact-preview', panel);
    expect(codeFills).toBe(0);
    expect(await codeInputs(page)).toBe(0);
    expect(pageErrors).toEqual([]);
  }, BROWSER_TEST_TIMEOUT_MS);
});
