// Benchmark: what the applicant portal's first load costs in Chromium against the real server app (buildApp over a
// seeded SQLite store, listening on a port, compression on, the built app from designer/dist or $ZC_DIST): the JS
// bytes as Chromium received them (it asks for br on 127.0.0.1), the same files as a gzip-only client gets them, the
// JS once decoded, and the number of requests — for an anonymous visitor at #/ and for demo-zhang (one draft) at #/my.
// Each page is opened in a fresh browser context, so nothing comes from the cache.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { buildApp } from '../../server/app.js';
import { REPO_ROOT } from '../../server/config.js';
import { duringApplyPhase } from '../support/apply-phase.js';
import { startHarness } from '../support/harness.js';

const DIST = process.env.ZC_DIST ?? join(REPO_ROOT, 'designer', 'dist');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

type Cookies = Awaited<ReturnType<BrowserContext['storageState']>>;

export interface FirstLoad {
  /** the JS bodies as Chromium received them (after content-encoding) */
  jsTransferredBytes: number;
  /** the same JS files fetched again by a client that accepts only gzip */
  jsGzipBytes: number;
  /** the same JS once decoded */
  jsRawBytes: number;
  jsFiles: string[];
  /** the content-encodings the JS came with in Chromium */
  jsEncodings: string[];
  /** every request the page made until the network was idle (document, JS, CSS, fonts, API) */
  requests: number;
}

async function gzipBytes(base: string, files: string[]): Promise<number> {
  let sum = 0;
  for (const f of files) {
    const res = await fetch(`${base}${f}`, { headers: { 'accept-encoding': 'gzip' } });
    const enc = res.headers.get('content-encoding');
    if (enc !== 'gzip') throw new Error(`${f} came as ${enc ?? 'identity'}, not gzip`);
    // undici decodes the body: the encoded length is the header, or the stream when chunked
    const length = res.headers.get('content-length');
    sum += length ? Number(length) : (await res.arrayBuffer()).byteLength;
    if (length) await res.arrayBuffer();
  }
  return sum;
}

/** loads `hash` in a fresh context (cookies from `state`) and sums what the page loaded */
async function firstLoad(browser: Browser, base: string, hash: string, waitFor: string, state?: Cookies): Promise<FirstLoad> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 }, ...(state ? { storageState: state } : {}) });
  const page = await context.newPage();
  let requests = 0;
  page.on('request', () => (requests += 1));
  // a page that breaks loads less: the figure would look better than it is
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const encodings = new Set<string>();
  page.on('response', (r) => {
    if (new URL(r.url()).pathname.endsWith('.js')) encodings.add(r.headers()['content-encoding'] ?? 'identity');
  });
  await page.goto(`${base}/${hash}`);
  await page.getByText(waitFor).first().waitFor({ timeout: 60_000 }).catch((e: unknown) => {
    throw new Error(`${hash} did not show ${waitFor}: ${errors.join('; ') || String(e)}`);
  });
  await page.waitForLoadState('networkidle');
  if (errors.length > 0) throw new Error(`${hash}: ${errors.join('; ')}`);
  // the resource timing entries carry both sizes; the server is same-origin, so they are not zeroed
  const js = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => e as PerformanceResourceTiming)
      .filter((e) => new URL(e.name).pathname.endsWith('.js'))
      .map((e) => ({ name: new URL(e.name).pathname, encoded: e.encodedBodySize, decoded: e.decodedBodySize })),
  );
  await context.close();
  const jsFiles = js.map((e) => e.name);
  return {
    jsTransferredBytes: js.reduce((s, e) => s + e.encoded, 0),
    jsGzipBytes: await gzipBytes(base, jsFiles),
    jsRawBytes: js.reduce((s, e) => s + e.decoded, 0),
    jsFiles,
    jsEncodings: [...encodings],
    requests,
  };
}

/** demo-zhang signed in through the API, as the sign-in page does; the session cookie is in the returned state */
async function signedIn(browser: Browser, base: string, login: string): Promise<Cookies> {
  const context = await browser.newContext();
  const res = await context.request.post(`${base}/api/auth/login`, { data: { login, password: 'demo2026' } });
  if (!res.ok()) throw new Error(`${login} could not sign in: ${res.status()} ${await res.text()}`);
  const state = await context.storageState();
  await context.close();
  return state;
}

export interface PortalFirstLoad {
  anonymous: FirstLoad;
  applicant: FirstLoad;
}

export async function measurePortalFirstLoad(): Promise<PortalFirstLoad> {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`${DIST} has no build: run npm run build:designer first`);
  const now = duringApplyPhase();
  const h = await startHarness({ now });
  const app = await buildApp(h.platform, { cookieSecret: randomBytes(16).toString('hex'), designerDir: DIST });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const addr = app.server.address();
    const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    const draft = await h.as('demo-zhang')({ method: 'POST', url: '/api/applications', payload: { campaignId: now.slice(0, 4), levelKey: 'gongcheng.fugao' } });
    if (draft.statusCode !== 201) throw new Error(`no draft for demo-zhang: ${draft.body}`);
    const anonymous = await firstLoad(browser, base, '#/', '申报');
    const applicant = await firstLoad(browser, base, '#/my', '高级工程师', await signedIn(browser, base, 'demo-zhang'));
    return { anonymous, applicant };
  } finally {
    await browser.close();
    await app.close();
    await h.close();
  }
}

// run alone: node --import tsx test/bench/portal-first-load.ts (prints the files each page loaded)
if (process.argv[1]?.endsWith('portal-first-load.ts')) {
  const r = await measurePortalFirstLoad();
  for (const [who, l] of Object.entries(r)) {
    const kb = (n: number) => (n / 1024).toFixed(1);
    console.log(`${who}: ${kb(l.jsTransferredBytes)} KB in Chromium (${l.jsEncodings.join(', ')}), ${kb(l.jsGzipBytes)} KB gzip, ${kb(l.jsRawBytes)} KB raw, ${l.requests} requests`);
    for (const f of l.jsFiles) console.log(`  ${f}`);
  }
}
