// Task operations in Chromium (issue 13 "Done when": a 转办 and a 撤回). The seeded senior engineering flow lets 单位审核
// hand a task over and take a decision back. demo-unit-design opens 张伟's application, 转办 to 李敏 — picked by
// name, never an id — and the task leaves their 待办 for hers. 李敏 approves it with the required opinion, finds it
// under 已办 and 撤回 it before the 单位公示 has run: the task is back in her 待办, the 公示 timer gone.
// Screenshots: test-output/task-transfer-withdraw/ (git-ignored).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { prepare, seniorForm, submit } from '../conformance/support.js';
import { collectPageErrors, describeInBrowser, pickOption, screenshots, serveBrowserApp, signIn, type BrowserApp } from '../support/browser.js';
import { engineer } from '../support/engineer.js';
import { startHarness, type Harness } from '../support/harness.js';

describeInBrowser('task operations: 转办 and 撤回 (Chromium)', () => {
  let h: Harness;
  let served: BrowserApp | undefined;
  let browser: Browser;
  let base: string;
  let id: string;
  const errors: string[] = [];
  const snap = screenshots('task-transfer-withdraw');

  beforeAll(async () => {
    h = await startHarness({ now: '2022-06-01T02:00:00.000Z', users: [engineer('zhangwei', '张伟')] });
    id = await prepare(h, 'zhangwei', { levelKey: 'gongcheng.fugao', form: seniorForm({ name: '张伟' }) });
    const res = await submit(h, 'zhangwei', id);
    expect(res.statusCode, res.body).toBe(200);
    served = await serveBrowserApp(h);
    ({ browser, base } = served);
  }, 180_000);

  afterAll(async () => {
    await served?.close();
    await h?.close();
  });

  async function signedIn(login: string): Promise<Page> {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    collectPageErrors(page, errors);
    await page.goto(`${base}/#/login?next=${encodeURIComponent('/workbench')}`);
    await signIn(page, login);
    return page;
  }

  const todoRow = (page: Page) => page.locator('.ant-table tbody tr.ant-table-row', { hasText: '张伟' });

  it('转办: the reviewer hands the task to a colleague picked by name; it leaves their 待办 for hers', async () => {
    const page = await signedIn('demo-unit-design');
    await todoRow(page).getByRole('link', { name: '办理' }).click();
    const ops = page.getByTestId('task-operations');
    await ops.waitFor();
    // only what 单位审核 allows: no 退回到指定环节 at the first step
    const buttons = await ops.getByRole('button').allInnerTexts();
    expect(buttons.map((b) => b.replace(/\s/g, ''))).toEqual(['转办', '委派', '加签', '抄送']);
    await snap(page, 'task-with-operations', ops);
    await page.getByTestId('op-transfer').click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '转办给' });
    await dialog.waitFor();
    // a refusal shows at its field, in Chinese: nobody picked yet
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await dialog.getByText('请选择转办给哪位同事').waitFor();
    await pickOption(page, dialog.getByTestId('op-pick'), '李敏');
    const picked = await dialog.getByTestId('op-pick').innerText();
    expect(picked).toContain('李敏（呼和浩特市建筑设计研究院）');
    expect(picked).not.toMatch(/demo-|unit-hhht/);
    await dialog.getByTestId('op-text').fill('我出差一周，请李敏办理');
    await snap(page, 'transfer-dialog', dialog);
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await page.getByText('已转办给李敏').waitFor();
    await page.getByText('暂无待办').waitFor();
    await snap(page, 'after-transfer');
    const audit = (await h.platform.store.listAudit(1, 100_000)).filter((a) => a.action === 'task.transfer' && a.target.id === id);
    expect(audit).toEqual([expect.objectContaining({ actor: 'demo-unit-design', after: expect.objectContaining({ to: 'demo-unit-design-li', opinion: '我出差一周，请李敏办理' }) })]);
    await page.context().close();
  });

  it('撤回: the colleague approves with the required opinion, then takes the decision back from 已办', async () => {
    const page = await signedIn('demo-unit-design-li');
    await todoRow(page).getByRole('link', { name: '办理' }).click();
    const card = page.getByTestId('decision-card');
    await card.waitFor();
    await card.getByText('同意', { exact: true }).click();
    // 审批意见必填: refused at the field before anything is sent
    await page.getByTestId('complete-task').click();
    await card.getByText(/须填写审核意见|审批意见/).first().waitFor();
    await card.getByLabel('审核意见').fill('材料齐全真实，同意推荐。');
    await page.getByTestId('complete-task').click();
    await page.getByText('暂无待办').waitFor();
    expect((await h.platform.store.getApplication(id))!.timers).toHaveLength(1); // 单位公示 is running

    await page.getByRole('tab', { name: '已办' }).click();
    const done = page.locator('.ant-table tbody tr.ant-table-row', { hasText: '张伟' });
    await done.getByText('材料齐全真实，同意推荐。').waitFor();
    await done.getByTestId('withdraw-decision').waitFor();
    await snap(page, 'done-with-withdraw');
    await done.getByTestId('withdraw-decision').click();
    const confirm = page.locator('.ant-popconfirm');
    await confirm.getByText('撤回“单位审核（真实性、完整性、时效性）”的办理结果？').waitFor();
    await snap(page, 'withdraw-confirm');
    await confirm.getByRole('button', { name: /撤\s*回/ }).click();
    await page.getByText('已撤回，任务重新回到您的待办').waitFor();
    await expect.poll(() => done.count()).toBe(0);

    await page.getByRole('tab', { name: /待办/ }).click();
    await todoRow(page).waitFor();
    await snap(page, 'back-in-todo');
    const app = (await h.platform.store.getApplication(id))!;
    expect(app.openTasks).toEqual([expect.objectContaining({ elementId: 'unitReview', assignee: 'demo-unit-design-li' })]);
    expect(app.timers).toEqual([]);
    const audit = (await h.platform.store.listAudit(1, 100_000)).filter((a) => a.action === 'task.withdraw' && a.target.id === id);
    expect(audit).toEqual([expect.objectContaining({ actor: 'demo-unit-design-li' })]);
    const text = await page.locator('main, #root').first().innerText();
    expect(text).not.toMatch(/unitReview|demo-unit|transfer|withdraw/);
    expect(errors).toEqual([]);
  });
});
