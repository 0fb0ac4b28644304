// Words, not codes (issue 13 item 1): walks in Chromium every screen an applicant and a unit reviewer use for the
// seeded engineering series, and every printed document, and fails on any internal key or English UI string in
// what the page shows (innerText). The keys are read from the definitions at test time: series, level, specialty
// and other enum keys of the forms, form field names, material ids, eligibility path and policy ids, BPMN element
// ids, role and status codes. A key matches only as a whole token (letters, digits, `_`, `-`, `.` around it are part
// of the token), so 建设工程 next to an id number or a word inside a longer one does not count.
// Prints what it found per page. Screenshots: test-output/words-walk/ (git-ignored).
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { STATUS_NAMES } from '../../server/domain/applications/status-names.js';
import { REPO_ROOT } from '../../server/config.js';
import { SESSION_COOKIE } from '../../server/http/plugins/access.js';
import { DOCUMENTS, ROLE_LABELS } from '../../designer/src/common/labels.js';
import { collectPageErrors, describeInBrowser, DIST, pickOption, screenshots, serveBrowserApp, type BrowserApp } from '../support/browser.js';
import { tempDir } from '../support/temp-dir.js';
import { prepare, seniorForm, start, submitted, taskOf, type Harness } from '../conformance/support.js';

const SERIES = 'gongcheng';
const SUBMITTED_LEVEL = 'gongcheng.fugao';
// a second grade, so demo-zhang also has a draft to walk the wizard with
const DRAFT_LEVEL = 'gongcheng.zhongji';

/** English a Chinese screen must never show: library defaults (RJSF, antd without its locale) and leaked values */
const ENGLISH = ['Add Item', 'Add', 'Remove', 'Move up', 'Move down', 'Submit', 'pointer', 'message', 'undefined', 'null', 'NaN', 'Invalid Date', '[object Object]', 'true', 'false', 'No data', 'Cancel', 'OK', 'Search', 'Loading', 'required', 'must be', 'should be', 'is a required property', 'Item', 'Error', 'error', 'key', 'id'];

/**
 * The build copied first, then served over the harness's platform: the walk takes minutes, and a rebuild meanwhile
 * (another spec's `npm run build:designer`) would take away chunks the open pages still load.
 */
async function serveBuildCopy(h: Harness): Promise<BrowserApp & { dir: string }> {
  const dir = tempDir('zc-walk-dist-').path;
  for (let attempt = 0; ; attempt++) {
    cpSync(DIST, dir, { recursive: true });
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    if ([...html.matchAll(/"\/(assets\/[^"]+)"/g)].every((m) => existsSync(join(dir, m[1] ?? '')))) break;
    if (attempt === 5) throw new Error('designer/dist changed during every copy');
    rmSync(dir, { recursive: true, force: true });
  }
  const served = await serveBrowserApp(h, { designerDir: dir });
  return {
    ...served,
    dir,
    close: async () => {
      await served.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

/** every ASCII identifier-like string a definition uses as a key, with where it comes from */
function internalKeys(): Map<string, string> {
  const keys = new Map<string, string>();
  const add = (key: unknown, from: string) => {
    if (typeof key === 'string' && /^[A-Za-z][\w.-]*$/.test(key) && !keys.has(key)) keys.set(key, from);
  };
  for (const f of readdirSync(join(REPO_ROOT, 'seeds', 'series'))) {
    const s = readJson(join(REPO_ROOT, 'seeds', 'series', f)) as { key: string; specialties?: { key: string }[]; levels?: { levelKey: string; definition: string }[] };
    add(s.key, '系列 key');
    for (const sp of s.specialties ?? []) add(sp.key, `${s.key} 专业 key`);
    for (const l of s.levels ?? []) {
      add(l.levelKey, `${s.key} 层级 key`);
      add(l.definition, '层级定义 key');
    }
  }
  for (const f of readdirSync(join(REPO_ROOT, 'seeds', 'levels'))) {
    const l = readJson(join(REPO_ROOT, 'seeds', 'levels', f)) as { rules?: { paths?: { id: string }[]; blocks?: { use?: string }[] }; materials?: { id: string }[]; workflow?: { key?: string; byChannel?: Record<string, string> } };
    add(f.replace(/\.json$/, ''), '层级定义 key');
    for (const p of l.rules?.paths ?? []) add(p.id, '申报路径 id');
    for (const b of l.rules?.blocks ?? []) add(b.use, '政策模块 key');
    for (const m of l.materials ?? []) add(m.id, '材料 id');
    add(l.workflow?.key, '流程 key');
    for (const [channel, flow] of Object.entries(l.workflow?.byChannel ?? {})) {
      add(channel, '申报渠道 key');
      add(flow, '流程 key');
    }
  }
  for (const f of readdirSync(join(REPO_ROOT, 'seeds', 'policies'))) add(f.replace(/\.json$/, ''), '政策模块 key');
  // the forms: enum values that are keys, and the field names
  const walk = (node: unknown, from: string): void => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, from));
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (Array.isArray(o['enum'])) for (const v of o['enum']) add(v, `${from} 选项值`);
    if (o['properties'] && typeof o['properties'] === 'object') for (const k of Object.keys(o['properties'] as object)) add(k, `${from} 字段名`);
    for (const v of Object.values(o)) walk(v, from);
  };
  for (const f of readdirSync(join(REPO_ROOT, 'schemas', 'forms')).filter((x) => x.endsWith('.json'))) walk(readJson(join(REPO_ROOT, 'schemas', 'forms', f)), `表单 ${f}`);
  for (const f of readdirSync(join(REPO_ROOT, 'workflows')).filter((x) => x.endsWith('.bpmn'))) {
    const xml = readFileSync(join(REPO_ROOT, 'workflows', f), 'utf8');
    // the process's own elements (not the diagram's shapes, which never reach a screen)
    for (const m of xml.matchAll(/<bpmn:(?!BPMN)\w+[^>]*\sid="([^"]+)"/g)) add(m[1], `流程 ${f} 元素 id`);
  }
  for (const r of Object.keys(ROLE_LABELS)) add(r, '角色代码');
  for (const s of Object.keys(STATUS_NAMES)) add(s, '状态代码');
  return keys;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** a key as a whole token: no letter, digit, `_`, `-` or `.` (followed by a letter) right beside it */
const token = (s: string) => new RegExp(`(?<![A-Za-z0-9_.-])${escape(s)}(?![A-Za-z0-9_-]|\\.[A-Za-z])`);

interface Finding {
  page: string;
  found: string;
  why: string;
  context: string;
}

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
