// In Chromium, as the owning department's flow editor: a review flow opens in 简易模式 as a vertical chain of step cards; a
// 专家组初审 (审核) step is inserted after 单位审核 with the + between the cards, its office and role picked from
// Chinese dropdowns in the drawer; saved and published, the published BPMN holds the new task (with its
// diagram) and opens in the BPMN 高级 modeler without warnings. No textarea is typed in.
// Screenshots: test-output/step-designer/ (git-ignored). Under CI=true a missing Chromium or build fails.
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { compileWorkflow } from '../../server/domain/workflow/compile.js';
import type { StepFlow } from '../../server/domain/workflow/steps/types.js';
import { ACTION_NAMES } from '../../server/runtime/actions/names.js';
import { describeInBrowser, pickOption, screenshots, serveBrowserApp, signIn, typeInInput, type BrowserApp } from '../support/browser.js';
import { startHarness, type Harness } from '../support/harness.js';

const FLOW = 'unit-review';

describeInBrowser('step designer in the browser (Chromium, served under the CSP)', () => {
  let h: Harness;
  let served: BrowserApp | undefined;
  let browser: Browser;
  let base: string;
  const pageErrors: string[] = [];
  const snap = screenshots('step-designer');
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

  it('the 住建局 flow editor inserts a 专家组初审 step after 单位审核 from dropdowns, saves and publishes; the published BPMN has the task', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      // failed requests are judged below by their URL; the modeler's keyboard option is FlowEditor's, not this page's
      if (m.type() === 'error' && !/^Failed to load resource|keyboard\.bindTo/.test(m.text())) pageErrors.push(m.text());
    });
    page.on('response', (r) => {
      // before signing in the app asks who is signed in (401): the one refusal expected
      if (r.status() >= 400 && !(r.status() === 401 && r.url().endsWith('/api/auth/me'))) pageErrors.push(`${r.status()} ${r.url()}`);
    });

    await page.goto(`${base}/#/login?next=${encodeURIComponent(`/designer/workflow/${FLOW}`)}`);
    await signIn(page, 'demo-flow-jianshe');

    // a flow kept as steps opens in 简易模式, its BPMN still what the steps compile to
    const designer = page.getByTestId('step-designer');
    await designer.waitFor();
    expect(await page.getByRole('tab', { name: '简易模式', selected: true }).count()).toBe(1);
    await designer.locator('.ant-tag', { hasText: '简易模式' }).waitFor();
    const mainChain = designer.getByTestId('step-flow').getByTestId('step-card');
    const names = async () => mainChain.evaluateAll((els) => els.map((e) => e.getAttribute('data-step-name')));
    expect(await names()).toEqual(['单位审核', '单位公示', '主管部门审核', '审核通过']);
    await snap(page, 'chain');

    // + after 单位审核 → 审核
    await designer.getByRole('button', { name: '在“单位审核”之后添加步骤' }).click();
    await page.locator('.ant-dropdown:visible .ant-dropdown-menu-item', { hasText: '同意 / 退回补正' }).click();
    const drawer = page.locator('.zc-step-drawer');
    await drawer.waitFor();
    await type(drawer.getByLabel('步骤名称'), '专家组初审');
    await pickOption(page, drawer.getByTestId('step-scope'), '评委会办事机构');
    await pickOption(page, drawer.getByTestId('step-role'), '评委会办事机构经办人');
    // 一次告知 within 3 working days instead of 5
    await type(drawer.locator('input[data-testid="step-correction-days"], [data-testid="step-correction-days"] input').first(), '3');
    await snap(page, 'drawer');
    await drawer.getByTestId('step-drawer-done').click();
    await drawer.waitFor({ state: 'hidden' });

    expect(await names()).toEqual(['单位审核', '专家组初审', '单位公示', '主管部门审核', '审核通过']);
    const card = mainChain.nth(1);
    expect(await card.innerText()).toContain('评委会办事机构 · 评委会办事机构经办人');
    expect(await card.innerText()).toContain('退回补正（3 个工作日内补正）');
    await designer.locator('.ant-tag', { hasText: '未保存' }).waitFor();
    await snap(page, 'inserted', card);

    await page.getByTestId('save-draft').click();
    await page.getByText('草稿已保存').waitFor();
    await page.getByTestId('publish').click();
    await page.getByText('已发布为第 2 版').waitFor();
    await snap(page, 'published');

    // the published version: the steps, and standard BPMN with the new task, its diagram, and every check passed
    const latest = (await h.platform.store.getDefinition<{ xml: string; steps: StepFlow }>('workflow', FLOW, 'latest'))!;
    expect(latest.version).toBe(2);
    const step = latest.body.steps.chain[1]!;
    expect(step).toMatchObject({ type: 'review', name: '专家组初审', role: 'committeeClerk', scope: 'committeeOffice', correctionDays: 3 });
    const xml = latest.body.xml;
    expect(xml).toContain(`<bpmn:userTask id="${step.id}" name="专家组初审">`);
    expect(xml).toContain(`<bpmndi:BPMNShape id="${step.id}_di" bpmnElement="${step.id}">`);
    const model = await compileWorkflow(xml, { actions: ACTION_NAMES });
    expect(model.ok && model.value.elements[step.id]).toMatchObject({ kind: 'userTask', assignment: { role: 'committeeClerk', scope: 'committeeOffice' } });
    expect(model.ok && Object.values(model.value.flows).some((f) => f.source === 'unitDecision' && f.target === step.id)).toBe(true);

    // BPMN 高级: the modeler opens the published flow without warnings and shows the new task
    await page.getByRole('tab', { name: 'BPMN 高级' }).click();
    await page.locator(`.djs-element[data-element-id="${step.id}"]`).first().waitFor();
    expect(await page.getByText('导入时有').count()).toBe(0);
    expect(await page.getByText('流程图无法打开').count()).toBe(0);
    await snap(page, 'bpmn');

    expect(pageErrors).toEqual([]);
    await context.close();
  }, 180_000);

  it('branches show as columns, a branch condition in the condition builder; a flow changed as BPMN beyond its steps is 高级', async () => {
    // directed-review changed in a modeler: a task renamed, its steps kept
    const directed = (await h.platform.store.getDefinition<{ name: string; xml: string; steps: StepFlow }>('workflow', 'directed-review', 'latest'))!.body;
    const changed = { ...directed, xml: directed.xml.replace('name="主管部门复核"', 'name="主管部门复核（BPMN 中改名）"') };
    expect(changed.xml).not.toBe(directed.xml);
    expect((await h.as('demo-admin')({ method: 'PUT', url: '/api/definitions/workflow/directed-review/draft', payload: { body: changed } })).statusCode).toBe(200);

    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${base}/#/login?next=${encodeURIComponent('/designer/workflow/league-review')}`);
    await signIn(page, 'demo-admin');

    const designer = page.getByTestId('step-designer');
    await designer.locator('.ant-tag', { hasText: '简易模式' }).waitFor();
    const branches = designer.getByTestId('step-branch');
    expect(await branches.evaluateAll((els) => els.map((e) => e.getAttribute('data-branch-name')))).toEqual(
      expect.arrayContaining(['直报单位：直接报送公共服务中心', '主管部门（非公：所选推荐渠道）', '区直单位', '盟市所属单位']),
    );
    const direct = branches.filter({ hasText: '直报单位：直接报送公共服务中心' }).first();
    expect(await direct.innerText()).toContain('当 职称直报单位（直接报送公共服务中心） 是');
    await snap(page, 'branches', branches.first());

    await designer.locator('[data-step-name="是否职称直报单位"] .ant-card-head').first().click();
    const drawer = page.locator('.zc-step-drawer');
    await drawer.getByTestId('condition-builder').first().waitFor();
    // the drawer has slid in when its panel sits inside the window
    const panel = page.locator('.ant-drawer-content-wrapper:visible');
    await expect.poll(async () => {
      const b = await panel.boundingBox();
      return b !== null && b.x + b.width <= 1441;
    }).toBe(true);
    expect(await drawer.getByTestId('cb-rule').count()).toBe(1);
    await snap(page, 'branch-condition');
    await drawer.getByTestId('step-drawer-done').click();

    // 高级: marked, explained, and read-only until regenerated from the steps
    await page.goto(`${base}/#/designer/workflow/directed-review`);
    await page.getByTestId('steps-advanced').waitFor();
    await designer.locator('.ant-tag', { hasText: '高级' }).waitFor();
    expect(await designer.getByRole('button', { name: '删除步骤' }).count()).toBe(0);
    expect(await designer.getByRole('button', { name: /添加步骤$/ }).first().isDisabled()).toBe(true);
    await snap(page, 'advanced');

    expect(pageErrors).toEqual([]);
    await context.close();
  }, 180_000);
});
