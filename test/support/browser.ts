// What every browser spec needs: Debian's Chromium through playwright-core and the built browser app served by a
// real listening server over a harness's platform. Under CI=true a missing browser or build fails the run; on a
// developer's machine the spec is skipped with a message saying what to install.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { REPO_ROOT } from '../../server/config.js';
import type { Harness } from './harness.js';

export const DIST = join(REPO_ROOT, 'designer', 'dist');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** what a browser spec lacks here, in words a newcomer can act on */
export function browserMissing(): string[] {
  return [
    ...(existsSync(join(DIST, 'index.html')) ? [] : ['designer/dist（先运行 npm run build:designer）']),
    ...(existsSync(CHROMIUM) ? [] : [`Chromium（${CHROMIUM}；apt-get install -y chromium fonts-wqy-microhei）`]),
  ];
}

/**
 * True when the spec named `title` must be skipped. Under CI=true it never is: a failing test says what is
 * missing instead, and the spec itself is skipped (it could not run anyway).
 */
export function skipBrowserSpec(title: string): boolean {
  const missing = browserMissing();
  if (missing.length === 0) return false;
  if (process.env.CI === 'true') {
    describe(title, () => {
      it('has what it needs to run', () => {
        throw new Error(`CI=true 时浏览器测试不可跳过，缺少：${missing.join('、')}`);
      });
    });
  } else {
    console.warn(`[${title}] 已跳过，缺少：${missing.join('、')}`);
  }
  return true;
}

export interface BrowserApp {
  app: FastifyInstance;
  browser: Browser;
  /** http://127.0.0.1:<port> */
  base: string;
  close(): Promise<void>;
}

/** the built browser app served over the harness's platform on a free port, and Chromium launched */
export async function serveBrowserApp(h: Harness, opts: { designerDir?: string } = {}): Promise<BrowserApp> {
  // the harness app serves the API only; this one adds the built browser app over the same platform
  const app = await buildApp(h.platform, { cookieSecret: randomBytes(16).toString('hex'), designerDir: opts.designerDir ?? DIST });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  return {
    app,
    browser,
    base,
    close: async () => {
      await browser.close();
      await app.close();
    },
  };
}

/** a browser walk-through on a loaded 2-core machine can take a minute: more than the suite's default */
export const BROWSER_TEST_TIMEOUT_MS = 180_000;

/** `describe` for a browser spec: skipped (or, under CI=true, failed) when Chromium or the build is missing */
export function describeInBrowser(title: string, fn: () => void): void {
  describe.skipIf(skipBrowserSpec(title))(title, { timeout: BROWSER_TEST_TIMEOUT_MS }, fn);
}

/**
 * Opens an antd Select (optionally narrowing it by typing) and clicks the option. On a loaded machine the
 * dropdown now and then stays open, or the click lands during its opening animation and is lost: close it, and
 * try again while the select does not show the choice. The spec's own assertions judge the outcome.
 */
export async function pickOption(page: Page, select: Locator, option: string, search?: string): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    await select.click();
    if (search) await page.keyboard.type(search);
    await page.locator('.ant-select-dropdown .ant-select-item-option:visible', { hasText: option }).first().click();
    const closed = await page
      .locator('.ant-select-dropdown:visible')
      .first()
      .waitFor({ state: 'hidden', timeout: 2000 })
      .then(() => true, () => false);
    if (!closed) await page.keyboard.press('Escape');
    if ((await select.innerText()).includes(option)) return;
  }
}

/**
 * Picks a node of an antd TreeSelect by its title, searching for it first; retried like pickOption, because under
 * load the typed search or the click can be lost. A node already shown as picked is not clicked again (that would
 * unpick it in a multiple select).
 */
export async function pickTreeNode(page: Page, select: Locator, title: string): Promise<void> {
  // the test id may sit on the select or on its search input: read what the whole select shows
  const shown = () => select.evaluate((el) => (el.closest('.ant-select') as HTMLElement | null)?.innerText ?? (el as HTMLElement).innerText);
  for (let attempt = 0; attempt < 3; attempt++) {
    if ((await shown()).includes(title)) return;
    await select.click();
    // type only once the tree is open (keys typed before are lost), then pick the node the search leaves
    const tree = page.locator('.ant-select-dropdown:visible').last();
    if (!(await tree.waitFor({ timeout: 5000 }).then(() => true, () => false))) continue;
    await page.keyboard.type(title);
    await tree.locator('.ant-select-tree-node-content-wrapper', { hasText: title }).first().click({ timeout: 10_000 }).catch(() => undefined);
    await page.keyboard.press('Escape');
  }
  if (!(await shown()).includes(title)) throw new Error(`未能在机构树中选中「${title}」`);
}

/**
 * Numbered screenshots (01-name.png, 02-…) into test-output/<folder>/, emptied on the first one; `at` is scrolled
 * into view first (the pages are several screens tall).
 */
export function screenshots(folder: string): (page: Page, name: string, at?: Locator) => Promise<void> {
  const out = join(REPO_ROOT, 'test-output', folder);
  let shot = 0;
  return async (page, name, at) => {
    if (shot === 0) {
      rmSync(out, { recursive: true, force: true });
      mkdirSync(out, { recursive: true });
    }
    shot += 1;
    if (at) await at.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: join(out, `${String(shot).padStart(2, '0')}-${name}.png`) });
  };
}

/** types into an input, never a textarea: nothing is typed as code (JSON, FEEL, Handlebars) in these walk-throughs */
export async function typeInInput(input: Locator, text: string): Promise<void> {
  const tag = await input.evaluate((el) => el.tagName);
  if (tag !== 'INPUT') throw new Error(`expected an input, found ${tag}`);
  await input.fill(text);
}

/** collects uncaught page errors and React/antd console errors; failed loads are expected answers (a 401 before
 * signing in, a 404 for a draft not saved yet) and are left out */
export function collectPageErrors(page: Page, into: string[]): void {
  page.on('pageerror', (e) => into.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) into.push(m.text());
  });
}

/** signs in on the login form the page shows (the seeded demo accounts share one password) */
/** a fresh browser context signed in as `login` through the login page, landing on `path`; its page errors go to `errors` */
export async function openSignedIn(browser: Browser, base: string, login: string, path: string, errors: string[], viewport = { width: 1440, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport, acceptDownloads: true });
  const page = await context.newPage();
  collectPageErrors(page, errors);
  await page.goto(`${base}/#/login?next=${encodeURIComponent(path)}`);
  await page.locator('form#login').waitFor({ timeout: 90_000 });
  await signIn(page, login);
  return page;
}

export async function signIn(page: Page, login: string, password = 'demo2026'): Promise<void> {
  const form = page.locator('form#login');
  await typeInInput(form.getByLabel('账号（注册时填写的手机号或邮箱）'), login);
  await typeInInput(form.getByLabel('密码', { exact: true }), password);
  await form.getByRole('button', { name: /登\s*录/ }).click();
}
