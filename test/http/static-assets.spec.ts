// The built app as the server sends it (issue 13 item 8): hashed assets compressed (the .br/.gz written at build
// time, or compressed on the way out when a build has none) and cached for a year as immutable; index.html and the
// client-side routes revalidated every time; API JSON compressed when the client accepts it; 404s and the security
// headers as before. A fixture build in a temporary folder, so the spec does not depend on `npm run build:designer`.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { REPO_ROOT } from '../../server/config.js';
import { startHarness, type Harness } from '../support/harness.js';
import { tempDir } from '../support/temp-dir.js';

const IMMUTABLE = 'public, max-age=31536000, immutable';
// text that compresses well and is well above the 1 KB threshold
const JS = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `职称申报 ${i}`))};\n`;
const INDEX = '<!doctype html><html lang="zh-CN"><head><meta charset="UTF-8"><script type="module" src="/assets/index-AbC123.js"></script></head><body><div id="root"></div></body></html>';

describe('the built app: compression and caching', () => {
  let h: Harness;
  let app: FastifyInstance;
  const dist = tempDir('zc-dist-');

  beforeAll(async () => {
    mkdirSync(join(dist.path, 'assets'));
    writeFileSync(join(dist.path, 'index.html'), INDEX);
    writeFileSync(join(dist.path, 'assets', 'index-AbC123.js'), JS);
    // marked so the spec can tell the build's file from one compressed per request
    writeFileSync(join(dist.path, 'assets', 'index-AbC123.js.br'), brotliCompressSync(`${JS}// br\n`));
    writeFileSync(join(dist.path, 'assets', 'index-AbC123.js.gz'), gzipSync(`${JS}// gz\n`));
    writeFileSync(join(dist.path, 'assets', 'plain-XyZ789.js'), JS);
    h = await startHarness();
    app = await buildApp(h.platform, { cookieSecret: randomBytes(16).toString('hex'), designerDir: dist.path });
    await app.ready();
  });

  afterAll(async () => {
    await app?.close();
    await h?.close();
    dist.remove();
  });

  it('sends the precompressed brotli file to a browser that accepts br, cached for a year as immutable', async () => {
    const res = await app.inject({ url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(res.rawPayload).toString('utf8')).toBe(`${JS}// br\n`);
  });

  it('sends the gzip file to a client that accepts only gzip, and the plain file to one that accepts nothing', async () => {
    const gz = await app.inject({ url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString('utf8')).toBe(`${JS}// gz\n`);
    expect(gz.headers['cache-control']).toBe(IMMUTABLE);

    const plain = await app.inject({ url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(JS);
    expect(plain.headers['cache-control']).toBe(IMMUTABLE);
  });

  it('compresses an asset the build left uncompressed on the way out', async () => {
    const res = await app.inject({ url: '/assets/plain-XyZ789.js', headers: { 'accept-encoding': 'br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(res.rawPayload).toString('utf8')).toBe(JS);
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
  });

  it('index.html and the client-side routes are revalidated every time (no-cache), with the security headers', async () => {
    for (const url of ['/', '/index.html', '/portal', '/workbench/x']) {
      const res = await app.inject({ url, headers: { 'accept-encoding': 'gzip, br' } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['content-security-policy'], url).toContain("script-src 'self'");
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
    }
    const asset = await app.inject({ url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'br' } });
    expect(asset.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('compresses API JSON above the threshold when the client accepts it, and not when it does not', async () => {
    const br = await app.inject({ url: '/api/series', headers: { 'accept-encoding': 'br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeGreaterThan(0);
    const series: unknown = JSON.parse(brotliDecompressSync(br.rawPayload).toString('utf8'));
    expect(JSON.stringify(series).length).toBeGreaterThan(1024);

    const plain = await app.inject({ url: '/api/series' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.json()).toEqual(series);
  });

  it('a missing asset or API route is the same 404 in the one error shape, whatever the client accepts', async () => {
    for (const url of ['/assets/missing-000.js', '/api/no-such-thing']) {
      const plain = await app.inject({ url });
      const compressed = await app.inject({ url, headers: { 'accept-encoding': 'gzip, br' } });
      expect(plain.statusCode, url).toBe(404);
      expect(compressed.statusCode, url).toBe(404);
      const body = plain.json() as { code: string; message: string; details: unknown[] };
      expect(body).toMatchObject({ code: 'not_found', details: [] });
      expect(body.message).toMatch(/找不到/);
      // small error bodies stay below the threshold: the same bytes either way
      expect(compressed.headers['content-encoding']).toBeUndefined();
      expect(compressed.json()).toEqual(body);
      expect(plain.headers['cache-control'] ?? '', url).not.toContain('immutable');
    }
  });
});

// The real build (npm run build:designer), when there is one: what index.html loads before anything is clicked stays
// under the portal's budget, precompressed, and free of the modeler, the generated forms and the charts.
const DIST = join(REPO_ROOT, 'designer', 'dist');
const FIRST_LOAD_BUDGET_GZIP_BYTES = 400 * 1024;
// a string each library's code carries (file names of lazy chunks, listed in the entry, are taken out first)
const LAZY_ONLY = { 'bpmn-js（流程建模）': 'djs-container', 'RJSF（生成的表单）': 'rjsf', 'ECharts（统计图表）': 'echarts' };

describe.skipIf(!existsSync(join(DIST, 'index.html')))('the built app: first load', () => {
  it(`index.html loads at most ${FIRST_LOAD_BUDGET_GZIP_BYTES / 1024} KB of JS gzip, all precompressed, without the modeler, the forms or the charts`, () => {
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? '');
    expect(files.length).toBeGreaterThan(0);
    let gzipped = 0;
    for (const f of files) {
      expect(existsSync(join(DIST, `${f}.br`)) || readFileSync(join(DIST, f)).length < 1024, `${f}.br`).toBe(true);
      const code = readFileSync(join(DIST, f), 'utf8');
      gzipped += gzipSync(code, { level: 9 }).length;
      const own = code.replace(/"assets\/[^"]*"/g, '');
      for (const [library, marker] of Object.entries(LAZY_ONLY)) expect(own.includes(marker), `${library} in ${f}`).toBe(false);
    }
    expect(gzipped).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_GZIP_BYTES);
  });
});
