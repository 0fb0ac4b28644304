// In Chromium, two administrators edit the same level (issue 11 "Bad input" and item 8): both open it, 李文 saves
// first; 王芳's save is refused with 李文's name and the time, nothing of hers lost (载入对方的草稿 keeps her edit
// aside to copy back). She then publishes 李文's draft and opens 版本历史: 第 n 版 by name, Beijing time, and the
// readable diff. Screenshots: test-output/version-history/ (git-ignored).
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hashPassword } from '../../server/auth/password.js';
import { collectPageErrors, describeInBrowser, screenshots, serveBrowserApp, signIn, typeInInput, type BrowserApp } from '../support/browser.js';
import { startHarness, type Harness } from '../support/harness.js';

const LEVEL = 'gongcheng.fugao';
const PASSWORD = 'demo2026';

describeInBrowser('draft conflicts and the version history in the browser (Chromium)', () => {
  let h: Harness;
  let served: BrowserApp | undefined;
  let browser: Browser;
  let base: string;
  const pageErrors: string[] = [];
  const snap = screenshots('version-history');

  beforeAll(async () => {
    const passwordHash = await hashPassword(PASSWORD, 1024);
    h = await startHarness({
      now: '2026-06-01T02:00:00.000Z',
      users: [
        { id: 'admin-li', login: 'admin-li', name: '李文', passwordHash, roles: [{ role: 'admin', orgId: 'nm-hrss' }] },
        { id: 'admin-wang', login: 'admin-wang', name: '王芳', passwordHash, roles: [{ role: 'admin', orgId: 'nm-hrss' }] },
      ],
    });
    served = await serveBrowserApp(h);
    ({ browser, base } = served);
  }, 90_000);

  afterAll(async () => {
    await served?.close();
    await h?.close();
  });

  /** antd's modals zoom in: a screenshot waits for the animation to end */
  const settled = (page: Page, selector: string) =>
    page.locator(selector).last().evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)).then(() => undefined));

  const open = async (login: string): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    collectPageErrors(page, pageErrors);
    await page.goto(`${base}/#/login?next=${encodeURIComponent(`/designer/level/${LEVEL}`)}`);
    await signIn(page, login, PASSWORD);
    await page.getByTestId('form-builder').waitFor();
    await page.getByRole('tab', { name: '基本信息' }).click();
    await page.getByTestId('level-title').waitFor();
    return { context, page };
  };

  it('the second save sees who saved first and when, loads their draft keeping hers aside, publishes, and reads the diff', async () => {
    // both open the level before either saves
    const li = await open('admin-li');
    const wang = await open('admin-wang');
    const original = await li.page.getByTestId('level-title').inputValue();

    h.clock.set('2026-06-01T02:30:00.000Z');
    await typeInInput(li.page.getByTestId('level-title'), `${original}（档案）`);
    await li.page.getByTestId('save-draft').click();
    await expect.poll(() => li.page.getByTestId('editor-status').innerText()).toContain('草稿已保存');
    await snap(li.page, 'li-saved');

    h.clock.set('2026-06-01T03:00:00.000Z');
    await typeInInput(wang.page.getByTestId('level-title'), `${original}（王芳的修改）`);
    await wang.page.getByTestId('save-draft').click();
    const conflict = wang.page.getByTestId('draft-conflict');
    await conflict.waitFor();
    expect(await wang.page.getByTestId('draft-conflict-message').innerText()).toContain('「李文」已于 2026-06-01 10:30（北京时间）保存了更新的草稿');
    // her edit is still in the editor, and the stored draft is 李文's
    expect(await wang.page.getByTestId('level-title').inputValue()).toBe(`${original}（王芳的修改）`);
    expect((await h.platform.store.getDefinition<{ title: string }>('level', LEVEL, 'draft'))?.body.title).toBe(`${original}（档案）`);
    await snap(wang.page, 'wang-conflict', conflict);

    // 载入对方的草稿: the page shows 李文's draft, and her refused edit stays offered
    await wang.page.getByTestId('load-theirs').click();
    await wang.page.getByTestId('form-builder').waitFor();
    await wang.page.getByRole('tab', { name: '基本信息' }).click();
    await expect.poll(() => wang.page.getByTestId('level-title').inputValue()).toBe(`${original}（档案）`);
    const aside = wang.page.getByTestId('set-aside');
    await aside.waitFor();
    await snap(wang.page, 'wang-loaded-theirs');
    await wang.page.getByTestId('set-aside-view').click();
    expect(await wang.page.getByTestId('set-aside-json').innerText()).toContain(`${original}（王芳的修改）`);
    await settled(wang.page, '.ant-modal');
    await snap(wang.page, 'wang-own-edit-kept');
    await wang.page.keyboard.press('Escape');
    await wang.page.getByTestId('set-aside-json').waitFor({ state: 'hidden' });

    // she publishes 李文's draft as the next version
    h.clock.set('2026-06-01T03:10:00.000Z');
    await wang.page.getByTestId('publish').click();
    await expect.poll(() => wang.page.getByTestId('editor-status').innerText(), { timeout: 30_000 }).toMatch(/已发布为第 \d+ 版/);
    const version = (await h.platform.store.getDefinition('level', LEVEL, 'latest'))?.version;
    expect(version).toBeGreaterThanOrEqual(2);

    // 版本历史: the versions by name and Beijing time, and what changed
    await wang.page.getByTestId('history').click();
    const drawer = wang.page.getByTestId('history-drawer');
    await drawer.waitFor();
    const rows = drawer.getByTestId('history-versions');
    await expect.poll(() => rows.innerText()).toContain(`第 ${version} 版`);
    expect(await rows.innerText()).toContain('王芳');
    expect(await rows.innerText()).toContain('2026-06-01 11:10');
    const diff = drawer.getByTestId('history-diff');
    await diff.waitFor();
    expect(await diff.innerText()).toContain(`名称：${original} → ${original}（档案）`);
    await snap(wang.page, 'history-diff', diff);

    // 查看此版本: the first version, read-only
    await drawer.getByTestId('history-view-1').click();
    await expect.poll(() => wang.page.getByTestId('history-version-json').innerText()).toContain(`"title": "${original}"`);
    await settled(wang.page, '.ant-modal');
    await snap(wang.page, 'history-view-version-1');

    expect(pageErrors).toEqual([]);
    await li.context.close();
    await wang.context.close();
  });
});
