// `npm run bench -- --screens --data-dir DIR`: what people see on a filled store, in Chromium, saved as screenshots
// under test-output/scale/ (a bench tool, not a test: a 100k store is minutes to make). The region administrator's
// 花名册 (the count, a page deep into the roster), the unit reviewer's 待办 and the 统计 dashboard of one campaign, each
// with the seconds it took to show, as `screens.*` lines.
import { randomBytes } from 'node:crypto';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS, openSignedIn, screenshots } from '../support/browser.js';
import { startBenchServer } from './http-server.js';

export async function runScreensAtScale(o: { dataDir: string; size: string; now?: string; log?: (l: string) => void }): Promise<void> {
  const log = o.log ?? console.log;
  const server = await startBenchServer({ dataDir: o.dataDir, now: o.now ?? '2026-06-01T04:00:00.000Z', cookieSecret: randomBytes(32).toString('hex') });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  const shot = screenshots('scale');
  const errors: string[] = [];
  const timed = async (name: string, fn: () => Promise<void>): Promise<void> => {
    const t0 = performance.now();
    await fn();
    log(`screens.${name}_s_${o.size}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  };
  try {
    // openSignedIn collects the page's errors into `errors`
    const admin = await openSignedIn(browser, server.url, 'demo-admin', '/rosters', errors);
    await timed('roster_first_page', async () => {
      await admin.getByTestId('roster-page').waitFor({ timeout: 120_000 });
      await admin.getByText(/（共 \d+ 人）/).waitFor({ timeout: 120_000 });
    });
    await shot(admin, 'roster-first-page');
    // a page deep into the roster: the pager's quick jumper is not shown, so go to the last page by its number
    await timed('roster_last_page', async () => {
      const last = admin.locator('.ant-pagination-item').last();
      await last.click();
      await admin.locator('.ant-pagination-item-active').filter({ hasText: (await last.textContent()) ?? '' }).waitFor({ timeout: 120_000 });
      await admin.locator('.ant-table-row').first().waitFor({ timeout: 120_000 });
    });
    await shot(admin, 'roster-last-page');
    await timed('dashboard', async () => {
      await admin.goto(`${server.url}/#/admin/dashboard`);
      // the scope line appears with the figures of the newest campaign
      await admin.getByText(/统计时间/).first().waitFor({ timeout: 300_000 });
    });
    await shot(admin, 'dashboard');
    const reviewer = await openSignedIn(browser, server.url, 'demo-unit-design', '/workbench', errors);
    await timed('inbox', async () => {
      await reviewer.getByText(/共 \d+ 件/).first().waitFor({ timeout: 120_000 });
    });
    await shot(reviewer, 'reviewer-inbox');
    log(`screens.page_errors_${o.size}: ${errors.length} count`);
    for (const e of errors.slice(0, 5)) log(`# page error: ${e}`);
  } finally {
    await browser.close();
    log(`memory.rss_mb_${o.size}_after_screens: ${server.rssMb().toFixed(0)} MB`);
    await server.stop();
  }
}
