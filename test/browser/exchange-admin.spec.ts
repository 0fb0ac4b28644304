// Issue 15 item 6 in Chromium: the administrator opens 管理 → 数据交换, sees a certificate the region platform
// refused as 推送失败 with the reason in Chinese, clicks 重新推送, and once the dispatcher has pushed it the row reads
// 已推送. The receiver is a real local HTTP server; the dispatcher runs on the harness's fake clock.
// Screenshots: test-output/exchange-admin/.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { certificateKeyRing } from '../../server/runtime/certificates/key-ring.js';
import { pushDue, type PushDeps } from '../../server/runtime/exchange/dispatcher.js';
import { enqueueExchange } from '../../server/runtime/exchange/enqueue.js';
import { parseExchangeEndpoints } from '../../server/runtime/exchange/endpoints.js';
import { collectPageErrors, describeInBrowser, screenshots, serveBrowserApp, signIn, type BrowserApp } from '../support/browser.js';
import { startHarness, type Harness } from '../support/harness.js';

describeInBrowser('数据交换: a failed push seen and retried by the administrator (Chromium)', () => {
  let h: Harness;
  let served: BrowserApp | undefined;
  let browser: Browser;
  let base: string;
  let receiver: Server;
  let refuse = true;
  let deps: PushDeps;
  const errors: string[] = [];
  const snap = screenshots('exchange-admin');

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.setHeader('content-type', 'application/json');
        res.statusCode = refuse ? 400 : 200;
        res.end(JSON.stringify(refuse ? { message: '缺少发证机构代码' } : { id: 'r-1' }));
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/in`;
    h = await startHarness({ now: '2022-06-20T02:00:00.000Z' });
    h.platform.exchangeEndpoints = parseExchangeEndpoints({
      EXCHANGE_ENDPOINTS: JSON.stringify([{ id: 'region', name: '自治区人社一体化平台', url, events: ['certificate.issued', 'certificate.revoked'] }]),
    });
    deps = { ...h.platform, signingKey: () => certificateKeyRing().current };
    const doc = { number: '2022ABCDEF012345', holder: '赵工', title: '高级工程师', status: '有效', revision: 1 };
    const payload = { event: 'certificate.issued' as const, number: doc.number, revision: 1, document: doc, signature: 'x', kid: 'k' };
    expect(await enqueueExchange(h.platform, { event: 'certificate.issued', number: doc.number, revision: 1, payload, holder: '赵工' })).toBe(1);
    expect(await pushDue(deps, h.clock.now())).toEqual({ sent: 0, retrying: 0, dead: 1 });
    served = await serveBrowserApp(h);
    ({ browser, base } = served);
  }, 120_000);

  afterAll(async () => {
    await served?.close();
    await h?.close();
    await new Promise<void>((r) => receiver.close(() => r()));
  });

  it('the failed row is in Chinese, 重新推送 queues it again, and it reads 已推送 after the push', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    collectPageErrors(page, errors);
    await page.goto(`${base}/#/login?next=${encodeURIComponent('/admin/exchange')}`);
    await page.locator('form#login').waitFor({ timeout: 90_000 });
    await signIn(page, 'demo-admin');
    await page.getByText('推送到：自治区人社一体化平台（证书签发、证书撤销）').waitFor({ timeout: 30_000 });
    await page.getByText('推送失败', { exact: true }).first().click();
    const row = page.locator('.ant-table-row', { hasText: '2022ABCDEF012345' });
    await row.waitFor();
    for (const words of ['自治区人社一体化平台', '证书签发', '赵工', '推送失败', '接收平台拒收（HTTP 400）：缺少发证机构代码', '失败于 2022-06-20 10:00']) await row.getByText(words).first().waitFor();
    await snap(page, 'failed-row');

    refuse = false;
    await row.getByRole('button', { name: /重新推送/ }).click();
    await page.getByText('已重新排队推送：自治区人社一体化平台，证书 2022ABCDEF012345').waitFor();
    await page.locator('.ant-table-row', { hasText: '2022ABCDEF012345' }).waitFor({ state: 'detached' });
    await page.locator('.ant-segmented-item', { hasText: '全部' }).click();
    await page.locator('.ant-table-row', { hasText: '2022ABCDEF012345' }).getByText('待推送').waitFor();
    await snap(page, 'queued-again');

    expect(await pushDue(deps, h.clock.now())).toEqual({ sent: 1, retrying: 0, dead: 0 });
    await page.getByRole('button', { name: /刷\s*新/ }).click();
    const sent = page.locator('.ant-table-row', { hasText: '2022ABCDEF012345' });
    await sent.getByText('已推送').waitFor();
    await sent.getByText('推送于 2022-06-20 10:00').waitFor();
    await expect(sent.getByRole('button', { name: /重新推送/ }).count()).resolves.toBe(0);
    await snap(page, 'sent');
    const text = await page.locator('.ant-table').innerText();
    expect(text).not.toMatch(/certificate\.|pending|dead|xch-|region/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
