// Words, not codes (issue 13 item 1): walks in Chromium every screen an applicant and a unit reviewer use for the
// seeded engineering series, and every printed document, and fails on any internal key or English UI string in
// what the page shows (innerText). The keys are read from the definitions at test time: series, level, specialty
// and other enum keys of the forms, form field names, material ids, eligibility path and policy ids, BPMN element
// ids, role and status codes. A key matches only as a whole token (letters, digits, `_`, `-`, `.` around it are part
// of the token), so 建设工程 next to an id number or a word inside a longer one does not count.
// Prints what it found per page. Screenshots: test-output/words-walk/ (git-ignored).
import { randomBytes } from 'node:crypto';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../server/http/plugins/access.js';
import { DOCUMENTS } from '../../designer/src/common/labels.js';
import { collectPageErrors, describeInBrowser, pickOption, screenshots, type BrowserApp } from '../support/browser.js';
import { ENGLISH, internalKeys, serveBuildCopy, token, type Finding } from '../support/words-check.js';
import { prepare, seniorForm, start, submitted, taskOf, type Harness } from '../conformance/support.js';

const SERIES = 'gongcheng';
const SUBMITTED_LEVEL = 'gongcheng.fugao';
// a second grade, so demo-zhang also has a draft to walk the wizard with
const DRAFT_LEVEL = 'gongcheng.zhongji';

describeInBrowser('words, not codes, on every applicant and reviewer screen (Chromium)', () => {
  let h: Harness;
  let served: BrowserApp | undefined;
  let browser: Browser;
  let base: string;
  let submittedId: string;
  let draftId: string;
  let taskId: string;
  const findings: Finding[] = [];
  const pageErrors: string[] = [];
  const snap = screenshots('words-walk');
  const keys = internalKeys();
  const checks = [...[...keys].map(([k, why]) => ({ k, why, re: token(k) })), ...ENGLISH.map((k) => ({ k, why: '英文界面文字', re: token(k) }))];

  function check(page: string, text: string): void {
    for (const c of checks) {
      const m = c.re.exec(text);
      if (!m) continue;
      const at = m.index;
      findings.push({ page, found: c.k, why: c.why, context: text.slice(Math.max(0, at - 30), at + c.k.length + 30).replace(/\s+/g, ' ') });
    }
  }

  /** a context signed in as the user (a session made in the store, as the login route would) */
  async function signedIn(userId: string): Promise<{ context: BrowserContext; page: Page }> {
    const id = randomBytes(16).toString('hex');
    await h.platform.store.putSession({ id, userId, csrfToken: randomBytes(16).toString('hex'), createdAt: h.clock.now(), expiresAt: '2999-01-01T00:00:00.000Z' });
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    await context.addCookies([{ name: SESSION_COOKIE, value: served!.app.signCookie(id), url: base }]);
    const page = await context.newPage();
    collectPageErrors(page, pageErrors);
    return { context, page };
  }

  /** settled: the network idle and no spinner left */
  async function settle(page: Page): Promise<void> {
    await page.waitForLoadState('networkidle');
    await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached', timeout: 30_000 }).catch(() => undefined);
    await page.waitForLoadState('networkidle');
  }

  /** opens the address, reads what it shows, then each tab of it in turn */
  async function visit(page: Page, name: string, address: string, mustShow?: string, then?: (page: Page) => Promise<void>): Promise<void> {
    // a fresh load each time: the wizard reads its step from the address only when it opens
    await page.goto('about:blank');
    await page.goto(`${base}/${address}`);
    if (mustShow) await page.getByText(mustShow).first().waitFor({ timeout: 30_000 });
    await settle(page);
    if (then) {
      await then(page);
      await settle(page);
    }
    check(name, await page.locator('body').innerText());
    await snap(page, name.replace(/[^\p{L}\p{N}-]+/gu, '-'));
    const tabs = page.locator('.ant-tabs-tab:visible');
    const count = await tabs.count();
    for (let i = 1; i < count; i++) {
      const tab = tabs.nth(i);
      const label = (await tab.innerText()).trim();
      await tab.click();
      await settle(page);
      check(`${name} › ${label}`, await page.locator('body').innerText());
    }
  }

  beforeAll(async () => {
    h = await start('2022-06-01T02:00:00.000Z', []);
    submittedId = (await submitted(h, 'demo-zhang', { levelKey: SUBMITTED_LEVEL, form: seniorForm() }))['id'] as string;
    // a form with gaps and a missing material, so 提交 lists problems to read
    const gappy = seniorForm({ currentTitle: { grade: '初级', name: '助理工程师', since: '2016-09-01' } });
    delete gappy['specialty'];
    delete gappy['education'];
    draftId = await prepare(h, 'demo-zhang', { levelKey: DRAFT_LEVEL, form: gappy, skip: ['summary'] });
    taskId = (await taskOf(h, 'demo-unit-design', submittedId, 'unitReview')).taskId;
    served = await serveBuildCopy(h);
    ({ browser, base } = served);
  }, 120_000);

  afterAll(async () => {
    await served?.close();
    await h?.close();
  });

  it('the checker knows the keys and matches them as whole tokens', () => {
    for (const k of ['gongcheng', 'gongcheng.fugao', 'fugao', 'jianshe', 'regular', 'poge-1', 'unitReview', 'unitReviewer', 'submitted', 'specialty', 'pingshenbiao']) expect(keys.has(k), k).toBe(true);
    const hits = (text: string) => checks.filter((c) => c.re.test(text)).map((c) => c.k);
    expect(hits('申报专业 jianshe')).toEqual(['jianshe']);
    expect(hits('申报路径：regular。')).toEqual(['regular']);
    expect(hits('我的申报 gongcheng.fugao')).toEqual(['gongcheng.fugao']);
    expect(hits('Add Item')).toEqual(expect.arrayContaining(['Add Item']));
    expect(hits('建设工程 demo-zhang 150102198503150012 bpmn.io 2022-06-01')).toEqual([]);
  });

  it('the applicant demo-zhang: home, new application, every wizard step, 我的申报, progress and the documents', async () => {
    const anon = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const first = await anon.newPage();
    collectPageErrors(first, pageErrors);
    await visit(first, '首页（未登录）', '#/', '申报');
    await visit(first, '登录', '#/login', '登录');
    await anon.close();

    const { context, page } = await signedIn('demo-zhang');
    await visit(page, '首页', '#/', '申报');
    await visit(page, '新建申报', `#/new?campaign=2022&level=${DRAFT_LEVEL}`);
    for (const step of ['check', 'form', 'materials', 'pledge', 'submit']) await visit(page, `申报向导 ${step}`, `#/apply/${draftId}?step=${step}`);
    await visit(page, '提交检查', `#/apply/${draftId}?step=submit`, '确认提交', async (p) => {
      await p.getByTestId('submit').click();
      await p.getByTestId('submit-problems').waitFor({ timeout: 30_000 });
    });
    await visit(page, '我的申报', '#/my', '高级工程师');
    await visit(page, '已提交的申报', `#/apply/${submittedId}`);
    await visit(page, '审核进度', `#/apply/${submittedId}?step=progress`, '审核进度');
    for (const d of DOCUMENTS) await visit(page, `文书 ${d.label}（申报人）`, `api/applications/${submittedId}/documents/${d.name}`);
    await visit(page, '消息中心', '#/messages');
    await context.close();
  });

  it('the unit reviewer demo-unit-design: the workbench lists, the task, the roster and the documents', async () => {
    const { context, page } = await signedIn('demo-unit-design');
    await visit(page, '审核工作台', '#/workbench', '待办');
    await visit(page, '审核任务', `#/workbench/${submittedId}/${taskId}`);
    await visit(page, '花名册', '#/rosters', '花名册', async (p) => {
      await pickOption(p, p.locator('.ant-select').first(), '2022年度');
      await p.getByText('张建设').first().waitFor({ timeout: 30_000 });
    });
    for (const d of DOCUMENTS) await visit(page, `文书 ${d.label}（审核人）`, `api/applications/${submittedId}/documents/${d.name}`);
    await visit(page, '消息中心', '#/messages');
    await context.close();
  });

  it('shows no internal key and no English UI string anywhere', () => {
    const byPage = new Map<string, Finding[]>();
    for (const f of findings) byPage.set(f.page, [...(byPage.get(f.page) ?? []), f]);
    const report = [...byPage].map(([p, fs]) => `【${p}】\n${fs.map((f) => `  ${f.found}（${f.why}）：…${f.context}…`).join('\n')}`).join('\n');
    if (report) console.log(`界面上的代码或英文（${findings.length} 处）：\n${report}`);
    expect(pageErrors, pageErrors.join('\n')).toEqual([]);
    expect(findings.map((f) => `${f.page}: ${f.found}`)).toEqual([]);
  });
});
