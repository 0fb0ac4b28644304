// Issue 15 item 2: the holder's A4 certificate PDF with its QR code. The PDF is parsed (pdfjs-dist) for the words a
// person reads, and the QR image is taken out of the PDF and decoded (jsqr) back to the verification link, whose
// payload checks against the published keys. Only the holder gets it; no font → 503 in words naming the package.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jsqrModule from 'jsqr';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/config.js';
import { verifyDocument, type Jwks } from '../../server/domain/certificates/signature.js';
import { decodeVerifyLink, decodeVerifyPayload, encodeVerifyLink, MAX_VERIFY_PAYLOAD } from '../../server/domain/certificates/verify-link.js';
import { rotateCertificateKey } from '../../server/runtime/certificates/key-ring.js';
import { ALL_EXPERTS_APPROVE, approve, certifyDirectedTeacher, fireNext, seniorForm, start, submitted, teacherForm, vote, type Harness } from '../conformance/support.js';
import { tempDir } from '../support/temp-dir.js';

// jsqr is CommonJS: under NodeNext its default import is the module object, at run time the function itself
const jsQR = ((jsqrModule as unknown as { default?: unknown }).default ?? jsqrModule) as typeof jsqrModule.default;
type Signed = { document: Record<string, unknown>; signature: string; kid: string };
const FONT = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';

interface PdfContent {
  pages: number;
  text: string;
  /** page 1 as PNG */
  rendered: Buffer;
}

async function readPdf(bytes: Buffer): Promise<PdfContent> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const page = await pdf.getPage(1);
  const text = (await page.getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join('');
  // rendered as a person sees it (pdfjs draws on @napi-rs/canvas under Node), kept for a look
  // 216 dpi: the vector code has ~4 pixels a module, as a phone camera sees a print
  const viewport = page.getViewport({ scale: 3 });
  const factory = pdf.canvasFactory as { create(w: number, h: number): unknown };
  const { canvas, context } = factory.create(viewport.width, viewport.height) as { canvas: { toBuffer(mime: 'image/png'): Buffer }; context: CanvasRenderingContext2D };
  await page.render({ canvasContext: context, viewport, canvas: canvas as unknown as HTMLCanvasElement }).promise;
  const rendered = canvas.toBuffer('image/png');
  await pdf.destroy();
  return { pages: pdf.numPages, text, rendered };
}

/** the rendered page into test-output/certificate-print-pdf/, decoded back with jsqr */
function qrOfRendering(png: Buffer, name: string): string | undefined {
  const out = join(REPO_ROOT, 'test-output', 'certificate-print-pdf');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, name), png);
  const img = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(img.data), img.width, img.height)?.data;
}

describe('the printable certificate and its PDF (issue 15 item 2)', () => {
  let h: Harness;
  const keys = tempDir('zc-cert-print-');
  let jwks: Jwks = { keys: [] };
  let draftId = '';
  let teacherId = '';
  let engineer = { id: '', number: '', holder: '', signed: { document: {}, signature: '', kid: '' } as Signed };

  beforeAll(async () => {
    rotateCertificateKey(join(keys.path, 'certificate-keys.json'), '2022-01-01T00:00:00.000Z');
    process.env.CERT_KEY_FILE = join(keys.path, 'certificate-keys.json');
    process.env.PUBLIC_BASE_URL = 'https://zc.example.cn/';
    h = await start(
      '2022-06-01T02:00:00.000Z',
      [
        { id: 'c3', orgId: 'unit-hhht-design' },
        { id: 'other', orgId: 'unit-hhht-design' },
        { id: 'banner-t', orgId: 'unit-tzq-no1-middle' },
      ],
      [
        { id: 'rev-tzq', roles: [{ role: 'unitReviewer', orgId: 'unit-tzq-no1-middle' }] },
        { id: 'dept-tzq-edu', roles: [{ role: 'competentReviewer', orgId: '150121-edu' }] },
        { id: 'jiceng-clerk', roles: [{ role: 'committeeClerk', orgId: 'office-150100-jiceng' }] },
      ],
    );
    // a draft made while the campaign is open: an application without a certificate
    const draft = await h.as('other')({ method: 'POST', url: '/api/applications', payload: { campaignId: '2022', levelKey: 'gongcheng.fugao' } });
    expect(draft.statusCode, draft.body).toBe(201);
    draftId = (draft.json() as { id: string }).id;
    const app = await submitted(h, 'c3', { levelKey: 'gongcheng.fugao', form: seniorForm({ name: '赵工' }) });
    const id = app['id'] as string;
    await approve(h, 'demo-unit-design', id, 'unitReview');
    await fireNext(h, id);
    await approve(h, 'demo-dept-jianshe', id, 'competentReview');
    await approve(h, 'demo-hrss-hhht', id, 'leagueReview');
    await fireNext(h, id);
    await approve(h, 'demo-centre', id, 'centreReview');
    await approve(h, 'demo-office-gongcheng', id, 'officeCheck');
    await vote(h, id, ALL_EXPERTS_APPROVE);
    await fireNext(h, id);
    expect((await approve(h, 'demo-centre', id, 'filing'))['status']).toBe('certified');
    const stored = (await h.platform.store.getApplication(id))!;
    engineer = { id, number: stored.certificate!.number, holder: stored.applicantName, signed: stored.certificate!.signed as Signed };
    jwks = (await h.anon({ method: 'GET', url: '/.well-known/zc-certificate-keys.json' })).json() as Jwks;
  }, 180_000);
  afterAll(async () => {
    await h.close();
    delete process.env.CERT_KEY_FILE;
    delete process.env.PUBLIC_BASE_URL;
    delete process.env.CERT_FONT_FILE;
    keys.remove();
  });

  it('gives the holder an A4 PDF with the words a person reads and a QR code that decodes to the verification link', async () => {
    expect(existsSync(FONT), 'fonts-wqy-microhei is installed on this machine').toBe(true);
    const res = await h.as('c3')({ method: 'GET', url: `/api/applications/${engineer.id}/certificate.pdf` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(`certificate-${engineer.number}.pdf`);
    const bytes = res.rawPayload;
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // the CJK font is embedded as a subset, not the whole 5 MB collection
    expect(bytes.length).toBeLessThan(400_000);

    const pdf = await readPdf(bytes);
    expect(pdf.pages).toBe(1);
    for (const words of ['专业技术职务任职资格证书', engineer.holder, engineer.number, '有效', '高级工程师', '副高级', '1501**********0012', '扫描二维码或访问 https://zc.example.cn/#/verify 核验'])
      expect(pdf.text).toContain(words);
    expect(pdf.text).not.toContain('150102198503150012');

    // the code is drawn as vectors: read it from the rendered page
    const qr = qrOfRendering(pdf.rendered, '01-engineer.png');
    expect(qr).toMatch(/^https:\/\/zc\.example\.cn\/#\/verify\?c=[A-Za-z0-9_-]+$/);
    const decoded = decodeVerifyLink(qr!);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.value).toEqual(engineer.signed);
    expect(verifyDocument(decoded.value, jwks).ok).toBe(true);
  });

  it('serves the same link as a QR image and as the printable page content', async () => {
    const view = await h.as('c3')({ method: 'GET', url: `/api/applications/${engineer.id}/certificate-view` });
    expect(view.statusCode, view.body).toBe(200);
    const body = view.json() as { document: Record<string, unknown>; status: string; verifyLink: string; verifyPage: string };
    expect(body).toMatchObject({ status: '有效', verifyPage: 'https://zc.example.cn/#/verify', document: { number: engineer.number, holder: engineer.holder } });
    expect(body.verifyLink).toBe(encodeVerifyLink('https://zc.example.cn', engineer.signed));

    const png = await h.as('c3')({ method: 'GET', url: `/api/applications/${engineer.id}/certificate-qr.png` });
    expect(png.statusCode).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    const img = PNG.sync.read(png.rawPayload);
    expect(jsQR(new Uint8ClampedArray(img.data), img.width, img.height)?.data).toBe(body.verifyLink);
    const svg = await h.as('c3')({ method: 'GET', url: `/api/applications/${engineer.id}/certificate-qr.svg` });
    expect(svg.statusCode).toBe(200);
    expect(svg.headers['content-type']).toBe('image/svg+xml');
    expect(svg.body).toMatch(/^<svg [^>]*viewBox="0 0 \d+ \d+"/);
  });

  it('prints the restriction of a directed title (D12) on the certificate', async () => {
    const form = teacherForm({ name: '包老师', track: 'jiceng', education: { degree: '大专', school: '呼和浩特师专', major: '语文', graduationDate: '2000-07-01', fullTime: true }, currentTitle: { grade: '中级', name: '一级教师', since: '2017-09-01' } });
    const app = await submitted(h, 'banner-t', { levelKey: 'zhongxiaoxue.gaoji-dingxiang', form });
    const id = app['id'] as string;
    teacherId = id;
    expect((await certifyDirectedTeacher(h, id))['status']).toBe('certified');
    const restriction = ((await h.platform.store.getApplication(id))!.certificate!.signed as Signed).document['restriction'] as string;
    expect(restriction).toBeTruthy();
    const res = await h.as('banner-t')({ method: 'GET', url: `/api/applications/${id}/certificate.pdf` });
    expect(res.statusCode, res.body).toBe(200);
    const { text, rendered } = await readPdf(res.rawPayload);
    expect(decodeVerifyLink(qrOfRendering(rendered, '02-directed-teacher.png') ?? '').ok).toBe(true);
    expect(text).toContain('使用范围');
    expect(text).toContain(restriction);
    expect(text).toContain('受限');
  }, 180_000);

  it('answers 404 for someone else’s application and for an application without a certificate, 403 for staff', async () => {
    for (const path of ['certificate.pdf', 'certificate-qr.png', 'certificate-qr.svg', 'certificate-view']) {
      const theirs = await h.as('other')({ method: 'GET', url: `/api/applications/${engineer.id}/${path}` });
      expect(theirs.statusCode, path).toBe(404);
      expect(theirs.json()).toMatchObject({ code: 'not_found', message: expect.stringMatching(/[\u4e00-\u9fff]/), details: [] });
      expect((await h.as('demo-centre')({ method: 'GET', url: `/api/applications/${engineer.id}/${path}` })).statusCode, path).toBe(403);
      expect((await h.anon({ method: 'GET', url: `/api/applications/${engineer.id}/${path}` })).statusCode, path).toBe(401);
    }
    const none = await h.as('other')({ method: 'GET', url: `/api/applications/${draftId}/certificate.pdf` });
    expect(none.statusCode).toBe(404);
    expect(none.json()).toMatchObject({ code: 'certificate.not_found', message: '这份申报尚未取得签名的电子证书' });
  });

  it('answers 503 in words naming the font package when no CJK font can be read', async () => {
    process.env.CERT_FONT_FILE = join(keys.path, 'no-such-font.ttc');
    try {
      const res = await h.as('c3')({ method: 'GET', url: `/api/applications/${engineer.id}/certificate.pdf` });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ code: 'certificate.font_missing', message: expect.stringContaining('fonts-wqy-microhei'), details: [] });
    } finally {
      delete process.env.CERT_FONT_FILE;
    }
  });

  it('prints 已撤销 once the certificate is revoked (G3), and its QR code carries the re-signed revision', async () => {
    const number = (await h.platform.store.getApplication(teacherId))!.certificate!.number;
    const revoked = await h.as('demo-admin')({ method: 'POST', url: `/api/admin/certificates/${number}/revoke`, payload: { reason: '学历证书系伪造' } });
    expect(revoked.statusCode, revoked.body).toBe(200);
    const res = await h.as('banner-t')({ method: 'GET', url: `/api/applications/${teacherId}/certificate.pdf` });
    expect(res.statusCode, res.body).toBe(200);
    const { text, rendered } = await readPdf(res.rawPayload);
    expect(text).toContain('已撤销');
    // China dates, like the approval date
    const revokedAt = ((await h.platform.store.getApplication(teacherId))!.certificate!.signed as Signed).document['revokedAt'] as string;
    expect(text).toMatch(new RegExp(`撤销日期\\s*${new Date(Date.parse(revokedAt) + 8 * 3600_000).toISOString().slice(0, 10)}`));
    const link = qrOfRendering(rendered, '03-revoked.png') ?? '';
    const decoded = decodeVerifyLink(link);
    expect(decoded.ok && decoded.value.document['status']).toBe('已撤销');
    if (decoded.ok) expect(verifyDocument(decoded.value, jwks).ok).toBe(true);
    const view = await h.as('banner-t')({ method: 'GET', url: `/api/applications/${teacherId}/certificate-view` });
    expect(view.json()).toMatchObject({ status: '已撤销' });
  }, 180_000);

  it('refuses a verification payload that is too long, not base64url, not JSON or of the wrong shape', () => {
    const good = encodeVerifyLink('https://x.cn', engineer.signed);
    expect(decodeVerifyLink(good)).toEqual({ ok: true, value: engineer.signed });
    const c = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    for (const bad of ['', 'a'.repeat(MAX_VERIFY_PAYLOAD + 1), 'abc+/=', c('x'), c([1]), c({ document: {}, signature: 's' }), c({ document: 'd', signature: 's', kid: 'k' }), c({ ...engineer.signed, extra: 1 }), Buffer.from([0xff, 0xfe, 0x7b]).toString('base64url')]) {
      const r = decodeVerifyPayload(bad);
      expect(r.ok, bad.slice(0, 40)).toBe(false);
      if (!r.ok) expect(r.error).toEqual({ code: 'certificate.malformed', message: '无法识别的证书数据', details: [] });
    }
    expect(decodeVerifyLink('https://x.cn/#/other?c=abc').ok).toBe(false);
    expect(decodeVerifyLink('https://x.cn/#/verify').ok).toBe(false);
  });
});
