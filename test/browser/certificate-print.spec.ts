// Issue 15 item 2 in Chromium: the demo applicant 张建设, certified through the seeded engineering flow, opens
// 我的申报 → 查看电子证书 and sees the A4 certificate; the QR code read from the screenshot (jsqr) is the
// verification link whose payload checks against the published keys. Screenshots: test-output/certificate-print/.
import jsqrModule from 'jsqr';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { type Browser } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyDocument, type Jwks } from '../../server/domain/certificates/signature.js';
import { decodeVerifyLink } from '../../server/domain/certificates/verify-link.js';
import { collectPageErrors, describeInBrowser, screenshots, serveBrowserApp, signIn, type BrowserApp } from '../support/browser.js';
import { certifiedZhang } from '../support/certified.js';
import { startHarness, type Harness } from '../support/harness.js';

// jsqr is CommonJS: under NodeNext its default import is the module object, at run time the function itself
const jsQR = ((jsqrModule as unknown as { default?: unknown }).default ?? jsqrModule) as typeof jsqrModule.default;

describeInBrowser('the printable certificate in Chromium', () => {
  let h: Harness;
  let served: BrowserApp | undefined;
  let browser: Browser;
  let base: string;
  let appId = '';
  let number = '';
  const snap = screenshots('certificate-print');
  const pageErrors: string[] = [];

  beforeAll(async () => {
    h = await startHarness({ now: '2022-06-01T02:00:00.000Z' });
    appId = await certifiedZhang(h);
    number = (await h.platform.store.getApplication(appId))!.certificate!.number;
    served = await serveBrowserApp(h);
    ({ browser, base } = served);
  }, 120_000);

  afterAll(async () => {
    await served?.close();
    await h?.close();
  });

  it('the holder opens 我的申报 → 查看电子证书: an A4 sheet whose QR code reads back to the signed verification link', async () => {
    // 3 device pixels a CSS pixel: the 50 mm code on screen has ~4 pixels a module, as a phone camera sees a print
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 1400 }, deviceScaleFactor: 3, acceptDownloads: true });
    const page = await context.newPage();
    collectPageErrors(page, pageErrors);
    await page.goto(`${base}/#/login?next=${encodeURIComponent('/my')}`);
    await page.locator('form#login').waitFor({ timeout: 90_000 });
    await signIn(page, 'demo-zhang');
    await page.getByText('已发证').first().waitFor({ timeout: 30_000 });
    await page.getByTestId('app-certificate').getByText('查看电子证书').click();

    const sheet = page.getByTestId('certificate-sheet');
    await sheet.waitFor();
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('[data-testid="certificate-qr"]');
      return !!img && img.complete && img.naturalWidth > 0;
    });
    for (const words of ['专业技术职务任职资格证书', '张建设', number, '有效', '高级工程师', '1501**********0012', `扫描二维码或访问 ${base}/#/verify 核验`]) await expect.poll(() => sheet.innerText()).toContain(words);
    // A4 proportions: 210 × 297 mm
    const box = (await sheet.boundingBox())!;
    expect(box.height / box.width).toBeCloseTo(297 / 210, 2);
    // antd spaces out a two-character label (打 印): compare without spaces
    const toolbar = (await page.locator('.zc-cert-toolbar').innerText()).replace(/\s/g, '');
    for (const label of ['打印', '下载PDF', '下载证书文件']) expect(toolbar).toContain(label);
    await snap(page, 'a4');

    // the QR code read from what the screen shows
    const shot = PNG.sync.read(await sheet.screenshot());
    const qr = jsQR(new Uint8ClampedArray(shot.data), shot.width, shot.height);
    expect(qr?.data).toMatch(new RegExp(`^${base.replace(/[.]/g, '\\.')}/#/verify\\?c=[A-Za-z0-9_-]+$`));
    const decoded = decodeVerifyLink(qr!.data);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.value.document['number']).toBe(number);
    const jwks = (await h.anon({ method: 'GET', url: '/.well-known/zc-certificate-keys.json' })).json() as Jwks;
    expect(verifyDocument(decoded.value, jwks).ok).toBe(true);

    // 下载 PDF gives the PDF file
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByText('下载 PDF').click()]);
    expect(download.suggestedFilename()).toBe(`certificate-${number}.pdf`);

    // on paper only the sheet: no header, menu, footer or buttons
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.zc-header').isVisible()).toBe(false);
    expect(await page.locator('.zc-cert-toolbar').isVisible()).toBe(false);
    expect(await sheet.isVisible()).toBe(true);
    await snap(page, 'print-media');
    // printed by Chromium itself: one A4 sheet (595 × 842 pt)
    const printed = await getDocument({ data: new Uint8Array(await page.pdf({ preferCSSPageSize: true, printBackground: true })), isEvalSupported: false }).promise;
    expect(printed.numPages).toBe(1);
    const [, , w, hgt] = (await printed.getPage(1)).view;
    expect([Math.round(w!), Math.round(hgt!)]).toEqual([595, 842]);
    await printed.destroy();
    await page.emulateMedia({ media: 'screen' });

    // where the holder found it
    await page.goto(`${base}/#/my`);
    await page.getByTestId('app-certificate').waitFor();
    await snap(page, 'my-applications', page.getByTestId('app-certificate'));

    // the link read from the code opens the verify page, which checks the signature and asks for the status
    await page.goto(qr!.data);
    await expect.poll(() => page.locator('body').innerText(), { timeout: 30_000 }).toContain('证书签名有效');
    await snap(page, 'verify-from-qr');
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
