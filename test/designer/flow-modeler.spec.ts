// The BPMN modeler for a department's flow editor, in Chromium (issue 12 items 3 and 4): the editor sees only its
// department's flows; the palette, context pad and replace menu offer only what the engine runs, in Chinese;
// a task is changed through dropdowns; check problems name elements; the applications in flight per version are
// shown before publishing; after publishing, the diff between versions is listed and highlighted on the diagrams.
// Screenshots go to test-output/ (git-ignored). Expects `npm run build:designer`; under CI=true a missing Chromium
// or build fails instead of skipping.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/config.js';
import { newState } from '../../server/domain/workflow/state.js';
import { makeApplication } from '../support/factories.js';
import { duringApplyPhase } from '../support/apply-phase.js';
import { describeInBrowser, serveBrowserApp, type BrowserApp } from '../support/browser.js';
import { startHarness, type Harness } from '../support/harness.js';

const OUT = join(REPO_ROOT, 'test-output');


const LATIN = /[A-Za-z]{2,}/;

/** element ids of the seeded 住建局 flow, found by name and type (the seed's layout and ids may be regenerated);
 *  the others are one of each kind, all in the part of the diagram that opens on screen */
function seededIds() {
  const xml = readFileSync(join(REPO_ROOT, 'workflows', 'unit-review.bpmn'), 'utf8');
  const first = (re: RegExp) => {
    const m = re.exec(xml);
    if (!m?.[1]) throw new Error(`unit-review.bpmn: ${re.source} not found`);
    return m[1];
  };
  const task = first(/<bpmn:userTask id="([^"]+)" name="单位审核"/);
  const gateway = first(new RegExp(`<bpmn:sequenceFlow id="[^"]+" sourceRef="${task}" targetRef="([^"]+)"`));
  return {
    task,
    gateway,
    approve: first(new RegExp(`<bpmn:sequenceFlow id="([^"]+)" name="同意" sourceRef="${gateway}"`)),
    fallback: first(new RegExp(`<bpmn:exclusiveGateway id="${gateway}"[^>]* default="([^"]+)"`)),
    others: [/<bpmn:startEvent id="([^"]+)"/, /<bpmn:boundaryEvent id="([^"]+)"/, /<bpmn:intermediateCatchEvent id="([^"]+)"/, /<bpmn:serviceTask id="([^"]+)"/, /<bpmn:endEvent id="([^"]+)" name="未通过"/].map(first),
  };
}
const IDS = seededIds();

describeInBrowser('flow modeler for a department flow editor (Chromium)', () => {
  let h: Harness;
  let served: BrowserApp | undefined;
  let browser: Browser;
  let base: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    h = await startHarness({ now: duringApplyPhase() });
    // three applications in flight on version 1 of 住建局's flow, one finished (does not count)
    const pinned = { level: 1, workflowKey: 'unit-review', workflow: 1 };
    for (let i = 0; i < 3; i++) {
      await h.platform.store.insertApplication(makeApplication({ id: `fm-${i}`, applicantId: `fm-p${i}`, status: 'submitted', pinned, workflow: { ...newState(), status: 'active' } }), []);
    }
    await h.platform.store.insertApplication(makeApplication({ id: 'fm-done', applicantId: 'fm-p9', status: 'passed', pinned, workflow: { ...newState(), status: 'completed' } }), []);
    served = await serveBrowserApp(h);
    ({ browser, base } = served);
  }, 120_000);

  afterAll(async () => {
    await served?.close();
    await h?.close();
  });

  async function login(page: Page, login: string, next: string) {
    await page.goto(`${base}/#/login?next=${encodeURIComponent(next)}`);
    const form = page.locator('form#login');
    await form.getByLabel('账号（注册时填写的手机号或邮箱）').fill(login);
    await form.getByLabel('密码', { exact: true }).fill('demo2026');
    await form.getByRole('button', { name: /登\s*录/ }).click();
  }

  it('lists, edits, checks and publishes its own flow, then sees the diff highlighted', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await login(page, 'demo-flow-jianshe', '/designer');

    // only the department's flow, by name and department
    await page.getByRole('tab', { name: '评审流程' }).waitFor();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain('呼和浩特市住房和城乡建设局');
    expect(await page.getByRole('tab').count()).toBe(1); // no other kind of definition
    await page.screenshot({ path: join(OUT, 'flow-editor-list.png') });
    await page.getByRole('link', { name: '单位审核与主管部门审核（示例）' }).first().click();
    // a flow kept as steps opens in 简易模式: this test is about the modeler beside it
    await page.locator('.djs-container, [data-testid="flow-mode"]').first().waitFor();
    const bpmnTab = page.getByRole('tab', { name: 'BPMN 高级' });
    if ((await bpmnTab.count()) > 0 && (await bpmnTab.getAttribute('aria-selected')) !== 'true') await bpmnTab.click();
    await page.locator('.djs-container').waitFor();
    await page.locator('.bjs-powered-by').waitFor(); // the bpmn.io watermark stays visible

    // the palette: only supported elements and the step templates, every tooltip in Chinese
    const palette = page.locator('.djs-palette .entry');
    await palette.first().waitFor();
    const entries = await palette.evaluateAll((els) => els.map((e) => ({ action: e.getAttribute('data-action') ?? '', title: e.getAttribute('aria-label') ?? e.getAttribute('title') ?? '' })));
    const actions = entries.map((e) => e.action);
    for (const gone of ['create.task', 'create.intermediate-event', 'create.subprocess-expanded', 'create.participant-expanded', 'create.data-object', 'create.data-store', 'create.group']) {
      expect(actions, gone).not.toContain(gone);
    }
    for (const there of ['create.start-event', 'create.end-event', 'create.user-task', 'create.service-task', 'create.exclusive-gateway', 'create.parallel-gateway', 'create.timer-event']) {
      expect(actions, there).toContain(there);
    }
    expect(actions.filter((a) => a.startsWith('zc-template.')).length).toBe(9);
    for (const e of entries) {
      expect(e.title, e.action).toMatch(/[\u4e00-\u9fa5]/);
      expect(e.title, e.action).not.toMatch(LATIN);
    }
    // hovering an entry shows diagram-js's tooltip with the Chinese text
    await page.locator('[data-action="zc-template.review"]').hover();
    const tooltip = page.locator('.djs-hover-tooltip');
    await tooltip.waitFor();
    expect(await tooltip.innerText()).toContain('步骤模板 · 审核');
    await page.screenshot({ path: join(OUT, 'flow-modeler-palette.png') });

    // the context pad and the replace menu of a user task: nothing the engine refuses, all in Chinese
    await page.locator(`[data-element-id="${IDS.task}"]`).first().click();
    const pad = page.locator('.djs-context-pad .entry');
    await pad.first().waitFor();
    const padEntries = await pad.evaluateAll((els) => els.map((e) => ({ action: e.getAttribute('data-action') ?? '', title: e.getAttribute('title') ?? '' })));
    expect(padEntries.map((e) => e.action)).not.toContain('append.append-task');
    expect(padEntries.map((e) => e.action)).toContain('append.user-task');
    for (const e of padEntries) expect(e.title, e.action).not.toMatch(LATIN);
    await page.locator('.djs-context-pad [data-action="replace"]').click();
    const popup = page.locator('.djs-popup');
    await popup.waitFor();
    const items = await popup.locator('[data-id]').evaluateAll((els) => els.map((e) => ({ id: e.getAttribute('data-id') ?? '', text: (e.textContent ?? '').trim(), title: e.getAttribute('title') ?? '' })));
    expect(items.map((i) => i.id).sort()).toEqual(['replace-with-service-task', 'toggle-parallel-mi']);
    for (const i of items) expect(`${i.text} ${i.title}`, i.id).not.toMatch(LATIN);
    expect(await popup.innerText()).toContain('服务任务');
    await page.screenshot({ path: join(OUT, 'flow-modeler-replace-menu.png') });
    await page.keyboard.press('Escape');

    // the task through Chinese dropdowns: role, decision form and conclusions
    const panel = page.getByTestId('properties-panel');
    await panel.getByText('职称扩展').waitFor();
    const role = panel.locator('select[name="zc-role"]');
    await role.waitFor();
    expect(await role.inputValue()).toBe('unitReviewer');
    const roleOptions = await role.locator('option').allInnerTexts();
    expect(roleOptions).toContain('主管部门审核人');
    for (const o of roleOptions) expect(o).not.toMatch(LATIN);
    const form = panel.locator('select[name="zc-formKey"]');
    expect(await form.locator('option:checked').innerText()).toBe('审核（同意／退回补正／不同意）');
    await panel.getByText('可选结论：同意').waitFor();
    await panel.getByText('退回补正', { exact: true }).waitFor();

    // a problem names the element, never its id or a code
    await role.selectOption('');
    await page.getByTestId('check').click();
    const problems = page.getByTestId('problem-list');
    await problems.waitFor();
    const problemText = await problems.innerText();
    expect(problemText).toContain('“单位审核”');
    expect(problemText).not.toContain(IDS.task);
    expect(problemText).not.toMatch(LATIN); // no code, no attribute name
    await page.screenshot({ path: join(OUT, 'flow-modeler-problems.png') });
    await problems.locator('.ant-list-item', { hasText: '单位审核' }).first().click();
    await page.locator(`.djs-element.selected[data-element-id="${IDS.task}"]`).waitFor();
    await role.selectOption({ label: '主管部门审核人' });
    expect(await role.inputValue()).toBe('competentReviewer');

    // a flow out of the gateway follows a conclusion chosen by name, the other one is the default path
    const condition = panel.locator('select[name="zc-condition"]');
    // a flow is picked by its label (the panel shows the flow a label belongs to)
    await page.locator(`[data-element-id="${IDS.approve}_label"]`).first().click();
    await condition.waitFor();
    expect(await condition.locator('option:checked').innerText()).toBe('结论为“同意”');
    await page.locator(`[data-element-id="${IDS.fallback}_label"]`).first().click();
    await page.waitForFunction(() => (document.querySelector('select[name="zc-condition"]') as HTMLSelectElement | null)?.selectedOptions[0]?.textContent === '其他情况（默认路径）');
    // every kind of element opens a panel without an English word (the missing-translation record stays empty)
    for (const id of [IDS.gateway, ...IDS.others]) {
      await page.locator(`[data-element-id="${id}"]`).first().click();
      await panel.locator('.bio-properties-panel-header-type').waitFor();
      expect(await panel.innerText(), id).not.toMatch(LATIN);
    }
    await page.locator(`[data-element-id="${IDS.task}"]`).first().click();

    // before publishing: the applications in flight stay on version 1
    const inFlight = page.getByTestId('in-flight');
    await inFlight.waitFor();
    expect(await inFlight.innerText()).toContain('在途申报：第 1 版 3 件（保持原版本）');
    await page.screenshot({ path: join(OUT, 'flow-modeler-task-dropdowns.png') });
    await page.getByTestId('publish').click();
    await page.getByText('已发布为第 2 版').waitFor();

    // the version history: who and when, and the diff listed and highlighted on both diagrams
    await page.getByText(/版本历史与差异/).click();
    const history = page.getByTestId('version-history');
    await history.waitFor();
    expect(await history.locator('.ant-table-tbody').innerText()).toContain('呼和浩特市住建局人事科（流程编辑）');
    await history.getByTestId('diff-compare').click();
    const list = history.getByTestId('diff-list');
    await list.waitFor();
    expect(await history.getByTestId('diff-summary').innerText()).toContain('第 1 版 → 第 2 版');
    const listText = await list.innerText();
    expect(listText).toContain('单位审核');
    expect(listText).toContain('办理角色：单位审核人 → 主管部门审核人');
    await history.locator(`[data-testid="diff-after"] .djs-element.zc-diff-changed[data-element-id="${IDS.task}"]`).waitFor();
    await history.locator(`[data-testid="diff-before"] .djs-element.zc-diff-changed[data-element-id="${IDS.task}"]`).waitFor();
    await history.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(OUT, 'flow-modeler-diff.png'), fullPage: true });

    // a step template dragged in arrives configured: 通知 is a service task whose action is 发送通知
    await page.getByTestId('flow-canvas').scrollIntoViewIfNeeded();
    await page.locator('[data-action="zc-template.notify"]').click();
    const canvasBox = (await page.getByTestId('flow-canvas').boundingBox())!;
    await page.mouse.move(canvasBox.x + canvasBox.width - 160, canvasBox.y + canvasBox.height - 80);
    await page.mouse.click(canvasBox.x + canvasBox.width - 160, canvasBox.y + canvasBox.height - 80);
    const action = panel.locator('select[name="zc-action"]');
    await action.waitFor();
    expect(await action.locator('option:checked').innerText()).toBe('发送通知');
    await page.screenshot({ path: join(OUT, 'flow-modeler-template.png') });

    const missing = await page.evaluate(() => [...((window as unknown as { __zcMissingTranslations?: Set<string> }).__zcMissingTranslations ?? [])]);
    expect(missing).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 180_000);

  it('cannot open another department\'s flow', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await login(page, 'demo-flow-jianshe', '/designer/workflow/league-review');
    await page.getByText('只能查看本部门的评审流程').waitFor();
    await context.close();
  }, 60_000);
});
