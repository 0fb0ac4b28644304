// 审核进度 in Chromium: an applicant's senior engineering application (the league-review flow, ~5,000 px
// wide) waiting at 盟市人社部门审核汇总, in the middle of the flow. The current step must be drawn at a
// readable size where the diagram box shows it (not zoom-to-fit to a sliver), with the step timeline
// beside it at 1440 px and above it on a 390 px phone; the reviewer's 流程进度 tab shows the same.
// Screenshots go to test-output/progress/. Under CI a missing Chromium or designer build fails, never skips.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/config.js';
import { SESSION_COOKIE } from '../../server/http/plugins/access.js';
import { describeInBrowser, serveBrowserApp, type BrowserApp } from '../support/browser.js';
import { approve, at, seniorForm, start, submitted, taskOf, timersOf, view, type Harness } from '../conformance/support.js';

const OUT = join(REPO_ROOT, 'test-output', 'progress');

const CURRENT = 'leagueReview';
const CURRENT_NAME = '盟市人社部门审核汇总';

describeInBrowser('progress view: the current step readable at 1440 px and on a 390 px phone', () => {
  let h: Harness;
  let served: BrowserApp | undefined;
  let browser: Browser;
  let base: string;
  let appId: string;
  const pageErrors: string[] = [];

  /** a browser context signed in as the user (a session made in the store, as the login route would) */
  async function signedIn(userId: string, viewport: { width: number; height: number }, phone = false): Promise<{ context: BrowserContext; page: Page }> {
    const id = randomBytes(16).toString('hex');
    await h.platform.store.putSession({ id, userId, csrfToken: randomBytes(16).toString('hex'), createdAt: h.clock.now(), expiresAt: '2999-01-01T00:00:00.000Z' });
    const context = await browser.newContext({ locale: 'zh-CN', viewport, ...(phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}) });
    await context.addCookies([{ name: SESSION_COOKIE, value: served!.app.signCookie(id), url: base }]);
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    return { context, page };
  }

  /** the current step's box on screen, the diagram's scroll box, and the timeline's box */
  async function measure(page: Page) {
    const diagram = page.getByTestId('progress-diagram');
    const current = diagram.locator(`.djs-shape.zc-active[data-element-id="${CURRENT}"]`);
    await current.waitFor();
    const timeline = page.getByTestId('step-timeline');
    await timeline.getByText(CURRENT_NAME).waitFor();
    return { current: (await current.boundingBox())!, diagram: (await diagram.boundingBox())!, timeline: (await timeline.boundingBox())! };
  }

  function expectReadableAndInView(m: Awaited<ReturnType<typeof measure>>) {
    // drawn at its natural size: a task is 100 px wide (zoom-to-fit of this flow made it about 20)
    expect(m.current.width).toBeGreaterThanOrEqual(80);
    expect(m.current.height).toBeGreaterThanOrEqual(60);
    // scrolled into the diagram box: all of it shows without the user scrolling the diagram
    expect(m.current.x).toBeGreaterThanOrEqual(m.diagram.x);
    expect(m.current.x + m.current.width).toBeLessThanOrEqual(m.diagram.x + m.diagram.width);
    expect(m.current.y).toBeGreaterThanOrEqual(m.diagram.y);
    expect(m.current.y + m.current.height).toBeLessThanOrEqual(m.diagram.y + m.diagram.height);
  }

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    h = await start('2022-06-01T02:00:00.000Z', [{ id: 'senior', orgId: 'unit-hhht-design' }]);
    appId = (await submitted(h, 'senior', { levelKey: 'gongcheng.fugao', form: seniorForm() }))['id'] as string;
    await approve(h, 'demo-unit-design', appId, 'unitReview');
    await at(h, timersOf(await view(h, 'demo-admin', appId))[0]!); // the unit 公示 ends
    await approve(h, 'demo-dept-jianshe', appId, 'competentReview');
    await taskOf(h, 'demo-hrss-hhht', appId, CURRENT);

    served = await serveBrowserApp(h);
    ({ browser, base } = served);
  }, 120_000);

  afterAll(async () => {
    await served?.close();
    await h?.close();
  });

  it('1440 px: the timeline beside the diagram, the current step centred at a readable size, done steps ticked', async () => {
    const { context, page } = await signedIn('senior', { width: 1440, height: 900 });
    await page.goto(`${base}/#/apply/${appId}?step=progress`);
    const m = await measure(page);
    expectReadableAndInView(m);
    // beside: the timeline to the left, its top level with the diagram's
    expect(m.timeline.x + m.timeline.width).toBeLessThanOrEqual(m.diagram.x);
    expect(m.timeline.y).toBeLessThan(m.diagram.y + m.diagram.height);
    // the steps done so far: green with a ✓ on the diagram, and listed with who did them
    expect(await page.locator('[data-testid="progress-diagram"] .djs-shape.zc-done').count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator('[data-testid="progress-diagram"] .zc-progress-check').count()).toBeGreaterThanOrEqual(4);
    const timeline = page.getByTestId('step-timeline');
    await timeline.getByText('办理：呼和浩特市建筑设计研究院').waitFor();
    expect(await timeline.getByTestId('step-current').count()).toBe(1);
    await page.screenshot({ path: join(OUT, 'applicant-1440.png'), fullPage: true });
    await context.close();
  }, 60_000);

  it('390 px phone: the timeline first, the diagram below it scrolled to the current step', async () => {
    const { context, page } = await signedIn('senior', { width: 390, height: 844 }, true);
    await page.goto(`${base}/#/apply/${appId}?step=progress`);
    const m = await measure(page);
    expectReadableAndInView(m);
    expect(m.timeline.y + m.timeline.height).toBeLessThanOrEqual(m.diagram.y);
    // nothing wider than the phone but the diagram's own scroll box
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(m.diagram.width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(OUT, 'applicant-390.png'), fullPage: true });
    await page.getByTestId('progress-diagram').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(OUT, 'applicant-390-diagram.png') });
    await context.close();
  }, 60_000);

  it("the reviewer's 查看流程图 (beside the task's 办理进度) shows the same, at 1440 px", async () => {
    const task = await taskOf(h, 'demo-hrss-hhht', appId, CURRENT);
    const { context, page } = await signedIn('demo-hrss-hhht', { width: 1440, height: 900 });
    await page.goto(`${base}/#/workbench/${appId}/${task.taskId}`);
    await page.getByText('查看流程图').click();
    const m = await measure(page);
    expectReadableAndInView(m);
    await page.screenshot({ path: join(OUT, 'reviewer-1440.png'), fullPage: true });
    await context.close();
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
