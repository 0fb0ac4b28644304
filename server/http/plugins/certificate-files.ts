// The holder's certificate to print and to keep: the A4 PDF, the QR code of the verification link, and what the
// printable page shows. Only the holder: someone else's application does not exist for them (like certificate.json).
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { loadConfig } from '../../config.js';
import type { CertificateDocument } from '../../domain/certificates/document.js';
import type { SignedCertificate } from '../../domain/certificates/signature.js';
import { encodeVerifyLink, verifyPageUrl } from '../../domain/certificates/verify-link.js';
import type { Application } from '../../domain/schema-types.gen.js';
import { certificateFont } from '../../runtime/certificates/font.js';
import { certificatePdf } from '../../runtime/certificates/pdf.js';
import { qrPng, qrRuns, qrSvg } from '../../runtime/certificates/qr.js';
import { HttpError, notFound } from '../errors.js';
import { requireUser } from './access.js';
import { errorResponses } from './auth-schemas.js';

const params = { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 120 } } } as const;
const err = { $ref: 'Error#' } as const;
const errors = { ...errorResponses, 404: err } as const;
const binary = (description: string) => ({ 200: { description, type: 'string', format: 'binary' }, ...errors }) as const;

interface Held {
  app: Application;
  signed: SignedCertificate;
  document: CertificateDocument;
  /** now: 已撤销 once revoked, else what was signed */
  status: string;
  verifyLink: string;
  verifyPage: string;
}

/** the platform's public address: PUBLIC_BASE_URL, else the origin the holder reached us at */
function baseUrl(request: FastifyRequest): string {
  return loadConfig().publicBaseUrl ?? `${request.protocol}://${request.host}`;
}

const certificateFiles: FastifyPluginAsync = async (app) => {
  const { store } = app.platform;

  async function held(request: FastifyRequest<{ Params: { id: string } }>): Promise<Held> {
    const user = requireUser(request);
    const found = await store.getApplication(request.params.id);
    if (!found || found.applicantId !== user.id) throw notFound('该申报');
    const signed = found.certificate?.signed as SignedCertificate | undefined;
    if (!signed) throw new HttpError(404, 'certificate.not_found', '这份申报尚未取得签名的电子证书');
    const document = signed.document as unknown as CertificateDocument;
    const status = found.certificate?.revokedAt ? '已撤销' : document.status;
    const base = baseUrl(request);
    return { app: found, signed, document, status, verifyLink: encodeVerifyLink(base, signed), verifyPage: verifyPageUrl(base) };
  }

  app.get<{ Params: { id: string } }>(
    '/api/applications/:id/certificate.pdf',
    {
      config: { policy: ['applicant'] },
      schema: {
        tags: ['applications'],
        summary: '下载本人的电子证书（A4 PDF，含核验二维码）',
        params,
        response: { ...binary('A4 PDF'), 503: err },
      },
    },
    async (request, reply) => {
      const h = await held(request);
      const font = certificateFont(loadConfig().certificateFontFile);
      if (!font) throw new HttpError(503, 'certificate.font_missing', '服务器未安装中文字体，暂不能生成证书 PDF：请管理员安装 fonts-wqy-microhei 字体包或设置 CERT_FONT_FILE');
      const pdf = await certificatePdf({ document: h.document, status: h.status, verifyLink: h.verifyLink, verifyPage: h.verifyPage, qr: qrRuns(h.verifyLink), font });
      reply.header('content-type', 'application/pdf');
      reply.header('content-disposition', `attachment; filename="certificate-${h.document.number}.pdf"`);
      return reply.send(pdf);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/applications/:id/certificate-qr.png',
    {
      config: { policy: ['applicant'] },
      schema: { tags: ['applications'], summary: '本人电子证书的核验二维码（PNG）', params, response: binary('PNG 图片') },
    },
    async (request, reply) => {
      const h = await held(request);
      reply.header('content-type', 'image/png');
      reply.header('cache-control', 'private, no-store');
      return reply.send(await qrPng(h.verifyLink));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/applications/:id/certificate-qr.svg',
    {
      config: { policy: ['applicant'] },
      schema: { tags: ['applications'], summary: '本人电子证书的核验二维码（SVG，打印页用：任意分辨率下清晰）', params, response: binary('SVG 图片') },
    },
    async (request, reply) => {
      const h = await held(request);
      reply.header('content-type', 'image/svg+xml');
      reply.header('cache-control', 'private, no-store');
      return reply.send(await qrSvg(h.verifyLink));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/applications/:id/certificate-view',
    {
      config: { policy: ['applicant'] },
      schema: {
        tags: ['applications'],
        summary: '本人电子证书的打印页内容：证书内容、当前状态与核验链接',
        params,
        response: {
          200: {
            type: 'object',
            required: ['document', 'status', 'verifyLink', 'verifyPage'],
            properties: {
              document: { type: 'object', additionalProperties: true },
              status: { type: 'string' },
              verifyLink: { type: 'string' },
              verifyPage: { type: 'string' },
            },
          },
          ...errors,
        },
      },
    },
    async (request) => {
      const h = await held(request);
      return { document: h.document, status: h.status, verifyLink: h.verifyLink, verifyPage: h.verifyPage };
    },
  );
};

export default certificateFiles;
