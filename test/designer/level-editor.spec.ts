// In Chromium, as an administrator: a seeded level edited through forms only. The title is changed in 基本信息,
// a material is added whose 「满足条件时必交」 condition is built from a form field with the condition builder,
// another review flow is chosen by its Chinese name; the draft is saved, 校验 shows a problem at its field
// (a grade the series does not give this level) and a click in the problem list opens the tab holding it;
// fixed, checked and published; after a reload everything is kept. No textarea is filled.
// Screenshots of every tab: test-output/level-editor/ (git-ignored). Under CI=true a missing Chromium or build fails.
import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { collectPageErrors, describeInBrowser, pickOption, screenshots, serveBrowserApp, signIn, typeInInput, type BrowserApp } from '../support/browser.js';
import { startHarness, type Harness } from '../support/harness.js';

const LEVEL = 'gongcheng.fugao';
const TITLE = '高级工程师（工程系列）';
const MATERIAL = '博士学位证书及学位认证报告';
const FLOW = '职称评审（网上评审）';
const COMMENT = '审核意见（请写明理由）';

interface StoredLevel {
  title: string;
  grade: string;
  materials: { id: string; name: string; required: boolean; requiredWhen?: string; accept?: string[]; maxBytes?: number }[];
  workflow: { key: string; byChannel?: Record<string, string> };
  decisions: Record<string, { properties: Record<string, { title?: string }> }>;
}

describeInBrowser('level editor in the browser (Chromium, served under the CSP)', () => {
  let h: Harness;
  let served: BrowserApp | undefined;
  let browser: Browser;
  let base: string;
  const pageErrors: string[] = [];
  const snap = screenshots('level-editor');
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

  it('an administrator edits title, materials and flow by forms, sees a problem at its field, publishes, and it is all kept', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    collectPageErrors(page, pageErrors);
    const admin = (await h.platform.store.getUser('demo-admin'))!;
    const stored = async (which: 'draft' | 'latest'): Promise<StoredLevel> =>
      ((await h.as(admin.id)({ method: 'GET', url: `/api/definitions/level/${LEVEL}` })).json() as Record<typeof which, { body: StoredLevel }>)[which].body;
    const before = await stored('latest');

    await page.goto(`${base}/#/login?next=${encodeURIComponent(`/designer/level/${LEVEL}`)}`);
    await signIn(page, 'demo-admin');
    await page.getByTestId('form-builder').waitFor();
    await snap(page, 'form-tab');
    const tab = (name: string) => page.getByRole('tab', { name, exact: true }).click();

    // 基本信息: the series by its Chinese name, the level, the title and the grade
    await tab('基本信息');
    const basic = page.getByTestId('level-basic');
    await basic.waitFor();
    await expect.poll(() => basic.getByTestId('level-series').innerText()).toContain('工程');
    expect(await basic.getByTestId('level-key').innerText()).toContain('高级工程师');
    expect(await basic.getByTestId('level-grade').innerText()).toContain('副高级');
    await type(basic.getByTestId('level-title'), TITLE);
    await snap(page, 'basic-tab', basic);

    // 材料清单: a new item required when 最高学历 › 学历 is 博士, built with the condition builder
    await tab('材料清单');
    const materials = page.getByTestId('level-materials');
    await materials.waitFor();
    const count = await materials.getByTestId('material-row').count();
    expect(count).toBe(before.materials.length);
    // every seeded condition shows in the builder, in words: none is 高级-only
    expect(await materials.getByTestId('advanced-only').count()).toBe(0);
    expect(await materials.getByTestId('cb-advanced-only').count()).toBe(0);
    await snap(page, 'materials-tab', materials.getByTestId('material-row').nth(5));
    await materials.getByTestId('add-material').click();
    const row = materials.getByTestId('material-row').nth(count);
    await row.waitFor();
    await type(row.getByTestId('material-name'), MATERIAL);
    await row.locator('.ant-radio-button-wrapper', { hasText: '满足条件时必交' }).click();
    await row.locator('.ant-checkbox-wrapper', { hasText: 'JPG 图片' }).click();
    const rule = row.getByTestId('cb-rule').first();
    await pickOption(page, rule.getByTestId('cb-fact'), '最高学历 › 学历', '学历');
    await pickOption(page, rule.getByTestId('cb-value'), '博士');
    await expect.poll(() => row.getByTestId('material-condition-words').innerText()).toContain('最高学历 › 学历');
    expect(await row.getByTestId('material-condition-words').innerText()).toContain('博士');
    await snap(page, 'material-added', row);

    // 评审流程与评委会: another flow, chosen by its name
    await tab('评审流程与评委会');
    const flow = page.getByTestId('level-flow');
    await flow.waitFor();
    expect(await flow.getByTestId('level-workflow').innerText()).toContain('职称评审：单位→主管部门');
    await pickOption(page, flow.getByTestId('level-workflow'), FLOW, '网上评审');
    expect(await flow.getByTestId('level-workflow').innerText()).toContain(FLOW);
    // the per-channel flow with its Chinese channel name, the committee's specialty field by its label
    expect(await flow.getByText('委托评审（受托评委会评审）').count()).toBe(1);
    expect(await page.getByTestId('committee-specialty').innerText()).toContain('申报专业');
    await snap(page, 'flow-tab');

    // 决定表单: each in the visual field editor
    await tab('决定表单');
    const decisions = page.getByTestId('level-decisions');
    await decisions.waitFor();
    expect(await decisions.getByTestId('decision-item').first().innerText()).toContain('审核');
    await decisions.getByTestId('form-builder').waitFor();
    // a field of the review form renamed in the field editor
    await decisions.getByTestId('field-comment').click();
    await type(decisions.getByTestId('field-panel').getByTestId('field-title'), COMMENT);
    await snap(page, 'decisions-tab');

    // 文书: by their Chinese names; the level's own copy can be edited in the workbench and its source opened in 高级
    await tab('文书');
    const templates = page.getByTestId('level-templates');
    await templates.waitFor();
    expect(await templates.innerText()).toContain('专业技术资格评审表');
    // the level uses the shared documents; 为本层级单独定制 copies one into the level and opens the template
    // workbench with a live preview on this level's sample
    expect(await templates.getByTestId('template-item').first().innerText()).toContain('使用共用模板');
    await templates.getByTestId('template-item').first().getByTestId('template-own').click();
    await page.getByTestId('template-workbench').waitFor();
    await snap(page, 'templates-tab');
    // the source itself, for experts, in 高级
    await templates.getByTestId('template-item').first().getByTestId('template-source-link').click();
    await page.getByTestId('level-template-source').waitFor();
    // 高级: the same body as JSON, in sync with the forms
    const json = JSON.parse(await page.getByTestId('level-json').inputValue()) as StoredLevel;
    expect(json.title).toBe(TITLE);
    expect(json.workflow.key).toBe('online-review');
    expect(json.materials.at(-1)!.name).toBe(MATERIAL);
    await snap(page, 'advanced-tab');

    await page.getByTestId('save-draft').click();
    await page.getByText('草稿已保存').waitFor();
    const draft = await stored('draft');
    expect(draft.title).toBe(TITLE);
    expect(draft.workflow).toEqual({ ...before.workflow, key: 'online-review' });
    const added = draft.materials.at(-1)!;
    expect(added).toMatchObject({ name: MATERIAL, required: false, accept: ['application/pdf', 'image/jpeg'], maxBytes: 10 * 1024 * 1024 });
    expect(added.requiredWhen).toContain('form.education.degree = "博士"');
    // the seeded items are stored exactly as they were
    expect(draft.materials.slice(0, count)).toEqual(before.materials);
    // the decision form: the new title, every other field and form as before
    expect(draft.decisions.review!.properties.comment!.title).toBe(COMMENT);
    expect({ ...draft.decisions, review: undefined }).toEqual({ ...before.decisions, review: undefined });
    expect(Object.keys(draft.decisions.review!.properties)).toEqual(Object.keys(before.decisions.review!.properties));

    // a problem at its field: a grade the series does not give this level
    await tab('基本信息');
    await pickOption(page, basic.getByTestId('level-grade'), '正高级');
    await page.getByTestId('check').click();
    const problems = page.getByTestId('problem-list');
    await problems.waitFor();
    const gradeItem = basic.locator('[data-pointer="/grade"]');
    await gradeItem.locator('.ant-form-item-explain-error').waitFor();
    expect(await gradeItem.locator('.ant-form-item-explain-error').innerText()).toContain('副高级');
    await snap(page, 'problem-at-field', gradeItem);
    // the problem list names the field in words and opens its tab
    await tab('高级');
    await problems.locator('.ant-list-item', { hasText: '基本信息 › 级别' }).click();
    await gradeItem.locator('.ant-form-item-explain-error').waitFor();

    await pickOption(page, basic.getByTestId('level-grade'), '副高级');
    await page.getByTestId('check').click();
    await page.getByText('校验通过，可以发布').waitFor();
    await page.getByTestId('publish').click();
    await page.getByText(/已发布为第 \d+ 版/).waitFor();
    const published = await stored('latest');
    expect(published.title).toBe(TITLE);
    expect(published.workflow.key).toBe('online-review');
    expect(published.materials.at(-1)!.name).toBe(MATERIAL);

    // reload: all kept
    await page.reload();
    // a loaded 2-core machine can take a while to load the app again
    await page.getByTestId('form-builder').waitFor({ timeout: 60_000 });
    await tab('基本信息');
    expect(await page.getByTestId('level-title').inputValue()).toBe(TITLE);
    await tab('材料清单');
    const last = page.getByTestId('material-row').last();
    await last.scrollIntoViewIfNeeded();
    expect(await last.getByTestId('material-name').inputValue()).toBe(MATERIAL);
    // rows far from the screen are not laid out (content-visibility): read the text, not the rendering
    expect(await last.getByTestId('material-condition-words').textContent()).toContain('博士');
    await snap(page, 'after-reload-material', last);
    await tab('评审流程与评委会');
    await expect.poll(() => page.getByTestId('level-workflow').innerText()).toContain(FLOW);
    await snap(page, 'after-reload');

    expect(pageErrors).toEqual([]);
    await context.close();
  }, 240_000);

  it('a hand-written condition the builder cannot show is marked 「此项只能在高级中编辑」 and kept through an edit by forms', async () => {
    const admin = (await h.platform.store.getUser('demo-admin'))!;
    const as = h.as(admin.id);
    const key = 'gongcheng.zhongji';
    const url = `/api/definitions/level/${key}`;
    const latest = ((await as({ method: 'GET', url })).json() as { latest: { body: StoredLevel } }).latest.body;
    const feel = 'counters.quota.used < counters.quota.allocated';
    const handWritten = { ...latest.materials[0]!, required: false, requiredWhen: feel };
    const put = await as({ method: 'PUT', url: `${url}/draft`, payload: { body: { ...latest, materials: [handWritten, ...latest.materials.slice(1)] } } });
    expect(put.statusCode).toBe(200);

    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${base}/#/login?next=${encodeURIComponent(`/designer/level/${key}`)}`);
    await signIn(page, 'demo-admin');
    await page.getByTestId('form-builder').waitFor();
    await page.getByRole('tab', { name: '材料清单', exact: true }).click();
    const row = page.getByTestId('material-row').first();
    await row.getByText('此项只能在高级中编辑').waitFor();
    expect(await row.getByTestId('material-feel-readonly').innerText()).toBe(feel);
    await snap(page, 'advanced-only-condition', row);

    // an edit by the form elsewhere in the row keeps the condition as written
    await type(row.getByTestId('material-name'), '专业技术资格评审表（签字盖章，原件扫描）');
    await page.getByTestId('save-draft').click();
    await page.getByText('草稿已保存').waitFor();
    const draft = ((await as({ method: 'GET', url })).json() as { draft: { body: StoredLevel } }).draft.body;
    expect(draft.materials[0]).toEqual({ ...handWritten, name: '专业技术资格评审表（签字盖章，原件扫描）' });
    expect(draft.materials.slice(1)).toEqual(latest.materials.slice(1));
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 180_000);
});
