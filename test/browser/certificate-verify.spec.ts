// Issue 15 item 3 in Chromium: public verification with no login, by number + name, by the QR code's link (the
// signature checked in the browser, then the status online), a tampered link refused with nothing disclosed, and the
// offline page checking a saved file with every network request blocked; then an administrator revokes the
// certificate from the page and both ways say 已撤销. Screenshots: test-output/certificate-verify/.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildCertificateDocument } from '../../server/domain/certificates/document.js';
import { signDocument, type SignedCertificate } from '../../server/domain/certificates/signature.js';
import { encodeVerifyLink } from '../../server/domain/certificates/verify-link.js';
import type { JsonObject } from '../../server/domain/json.js';
import { certificateKeyRing, rotateCertificateKey } from '../../server/runtime/certificates/key-ring.js';
import { collectPageErrors, describeInBrowser, screenshots, serveBrowserApp, signIn, typeInInput, type BrowserApp } from '../support/browser.js';
import { engineer, engineerForm } from '../support/engineer.js';
import { makeApplication } from '../support/factories.js';
import { startHarness, type Harness } from '../support/harness.js';
import { tempDir } from '../support/temp-dir.js';

const NUMBER = '2022AB12CD34EF56';
const HOLDER = '吴建设';

describeInBrowser('certificate verification pages in Chromium (issue 15)', () => {
  let h: Harness;
  let served: BrowserApp | undefined;
  let browser: Browser;
  let base: string;
  let signed: SignedCertificate;
  const dir = tempDir('zc-cert-verify-browser-');
  const snap = screenshots('certificate-verify');
  const pageErrors: string[] = [];
  const contexts: BrowserContext[] = [];
  /** the API calls each page made */
  const apiCalls = new Map<Page, string[]>();

  async function open(path: string): Promise<Page> {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    collectPageErrors(page, pageErrors);
    const calls: string[] = [];
    apiCalls.set(page, calls);
    page.on('request', (r) => {
      if (r.url().includes('/api/') || r.url().includes('/.well-known/')) calls.push(new URL(r.url()).pathname);
    });
    await page.goto(`${base}/${path}`);
    // the first page load of the run (cold bundle, two busy cores) can take longer than one locator's timeout
    await page.getByTestId('verify-page').waitFor({ timeout: 90_000 });
    return page;
  }
  const verdictOf = (page: Page) => page.getByTestId('verify-verdict');
  const linkOf = (s: SignedCertificate) => encodeVerifyLink(base, s).slice(base.length + 1);

  beforeAll(async () => {
    rotateCertificateKey(join(dir.path, 'certificate-keys.json'), '2022-01-01T00:00:00.000Z');
    process.env.CERT_KEY_FILE = join(dir.path, 'certificate-keys.json');
    h = await startHarness({ now: '2022-09-01T02:00:00.000Z', users: [engineer('holder', HOLDER)] });
    const document = buildCertificateDocument({
      number: NUMBER,
      holder: HOLDER,
      idNumber: '11010519491231002X',
      series: '工程技术',
      grade: '中级',
      title: '工程师',
      committee: '呼和浩特市工程技术中级职称评审委员会',
      approvedAt: '2022-08-01',
      issuedAt: '2022-08-01T02:00:00.000Z',
      restriction: undefined,
    });
    signed = signDocument(document, certificateKeyRing().current);
    const app = makeApplication({
      id: 'certified-1',
      applicantId: 'holder',
      applicantName: HOLDER,
      campaignId: '2022',
      seriesKey: 'gongcheng',
      levelKey: 'gongcheng.zhongji',
      status: 'certified',
      form: engineerForm(HOLDER) as JsonObject,
      certificate: { number: NUMBER, issuedAt: '2022-08-01T02:00:00.000Z', verifyCode: 'ab12cd34', signed },
    });
    expect((await h.platform.store.insertApplication(app, [])).ok).toBe(true);
    served = await serveBrowserApp(h);
    ({ browser, base } = served);
  }, 120_000);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await served?.close();
    await h?.close();
    delete process.env.CERT_KEY_FILE;
    dir.remove();
  });

  it('by number and name, no login: 有效 with the minimum; a wrong name says only 未查询到', async () => {
    const page = await open('#/verify');
    await typeInInput(page.getByTestId('verify-number'), NUMBER);
    await typeInInput(page.getByTestId('verify-name'), HOLDER);
    await page.getByTestId('verify-submit').click();
    await expect.poll(() => verdictOf(page).getAttribute('data-verdict')).toBe('有效');
    const facts = await page.getByTestId('certificate-facts').innerText();
    expect(facts).toContain('工程师（中级）');
    expect(facts).toContain('呼和浩特市工程技术中级职称评审委员会');
    expect(facts).toContain('2022-08-01');
    expect(facts).not.toContain('1101');
    expect(await page.getByTestId('revoke-open').count()).toBe(0);
    await snap(page, 'by-number-valid');

    await typeInInput(page.getByTestId('verify-name'), '别人');
    await page.getByTestId('verify-submit').click();
    await expect.poll(() => verdictOf(page).getAttribute('data-verdict')).toBe('未查询到');
    expect(await page.getByTestId('certificate-facts').count()).toBe(0);
    await snap(page, 'by-number-wrong-name');
  });

  it('by the QR link: the signature checked in the browser, then 有效 online; tampered → 证书签名无效, nothing disclosed', async () => {
    const page = await open(linkOf(signed));
    await expect.poll(() => verdictOf(page).getAttribute('data-verdict'), { timeout: 30_000 }).toBe('有效');
    const facts = await page.getByTestId('certificate-facts').innerText();
    expect(facts).toContain(HOLDER);
    expect(facts).toContain('1101**********002X');
    await snap(page, 'qr-link-valid');

    const tampered = { ...signed, document: { ...signed.document, title: '高级工程师', grade: '副高级' } };
    const bad = await open(linkOf(tampered));
    await expect.poll(() => verdictOf(bad).getAttribute('data-verdict'), { timeout: 30_000 }).toBe('证书签名无效');
    expect(await bad.getByTestId('certificate-facts').count()).toBe(0);
    expect(await bad.locator('body').innerText()).not.toContain(HOLDER);
    // refused in the browser: the keys were fetched, the document was never sent
    expect(apiCalls.get(bad)).toContain('/.well-known/zc-certificate-keys.json');
    expect(apiCalls.get(bad)).not.toContain('/api/certificates/verify-document');
    expect(apiCalls.get(page)).toContain('/api/certificates/verify-document');
    await snap(bad, 'qr-link-tampered');

    const junk = await open('#/verify?c=not*base64');
    await expect.poll(() => verdictOf(junk).getAttribute('data-verdict')).toBe('无法识别');
    expect(await junk.locator('body').innerText()).toContain('无法识别的证书数据');
  });

  it('offline: with every network request blocked after the page loaded, a saved file checks 有效 and a tampered one is refused', async () => {
    const keysFile = join(dir.path, 'zc-certificate-keys.json');
    writeFileSync(keysFile, (await h.anon({ method: 'GET', url: '/.well-known/zc-certificate-keys.json' })).body);
    const goodFile = join(dir.path, `certificate-${NUMBER}.json`);
    writeFileSync(goodFile, JSON.stringify(signed));
    const tamperedFile = join(dir.path, 'certificate-tampered.json');
    writeFileSync(tamperedFile, JSON.stringify({ ...signed, document: { ...signed.document, holder: '冒名者' } }));

    const page = await open('#/verify/offline');
    await page.getByTestId('offline-check').waitFor();
    const requests: string[] = [];
    await page.context().route('**/*', (route) => {
      requests.push(route.request().url());
      return route.abort();
    });
    const pick = async (testId: string, file: string) => {
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId(testId).click()]);
      await chooser.setFiles(file);
    };
    await pick('offline-certificate', goodFile);
    await pick('offline-keys', keysFile);
    await page.getByText('zc-certificate-keys.json', { exact: true }).waitFor();
    await page.getByTestId('offline-check').click();
    await expect.poll(() => verdictOf(page).getAttribute('data-verdict')).toBe('有效');
    expect(await page.getByTestId('certificate-facts').innerText()).toContain(NUMBER);
    await snap(page, 'offline-valid');

    await pick('offline-certificate', tamperedFile);
    await page.getByText('certificate-tampered.json', { exact: true }).waitFor();
    await page.getByTestId('offline-check').click();
    await expect.poll(() => verdictOf(page).getAttribute('data-verdict')).toBe('证书签名无效');
    expect(await page.getByTestId('certificate-facts').count()).toBe(0);
    await snap(page, 'offline-tampered');
    expect(requests).toEqual([]);
  });

  it('an administrator revokes from the page with a reason in words; by number and by the QR link it is then 已撤销', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    collectPageErrors(page, pageErrors);
    await page.goto(`${base}/#/login?next=${encodeURIComponent('/verify')}`);
    await page.locator('form#login').waitFor({ timeout: 90_000 });
    await signIn(page, 'demo-admin');
    await page.getByTestId('verify-page').waitFor();
    await typeInInput(page.getByTestId('verify-number'), NUMBER);
    await typeInInput(page.getByTestId('verify-name'), HOLDER);
    await page.getByTestId('verify-submit').click();
    await expect.poll(() => verdictOf(page).getAttribute('data-verdict')).toBe('有效');
    await page.getByTestId('revoke-open').click();
    await page.getByRole('button', { name: '确认撤销' }).click();
    await page.getByText('请写明撤销原因').waitFor();
    await page.getByTestId('revoke-reason').fill('经查，申报材料中的业绩证明系伪造');
    await page.getByText('请写明撤销原因').waitFor({ state: 'hidden' });
    await snap(page, 'admin-revoke-reason');
    await page.getByRole('button', { name: '确认撤销' }).click();
    await expect.poll(() => verdictOf(page).getAttribute('data-verdict')).toBe('已撤销');
    expect(await verdictOf(page).innerText()).toContain('该证书已于 2022-09-01 撤销');
    await snap(page, 'admin-revoked');
    expect((await h.platform.store.getApplication('certified-1'))?.certificate).toMatchObject({ revokedReason: '经查，申报材料中的业绩证明系伪造', signed: { document: { status: '已撤销', revision: 2 } } });

    const link = await open(linkOf(signed));
    await expect.poll(() => verdictOf(link).getAttribute('data-verdict'), { timeout: 30_000 }).toBe('已撤销');
    await snap(link, 'qr-link-revoked');
    expect(pageErrors).toEqual([]);
  });
});
