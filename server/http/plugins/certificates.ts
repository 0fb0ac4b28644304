// E-certificates (F7, G3, G5): the published public keys (JWKS), public verification by number + name or by the
// signed document a QR code carries, the holder's download of their signed file, and revocation for fraud.
// Verification discloses the minimum and answers an unknown number and a wrong name alike.
import type { FastifyPluginAsync } from 'fastify';
import type { CertificateDocument } from '../../domain/certificates/document.js';
import { verifyDocument, type SignedCertificate } from '../../domain/certificates/signature.js';
import type { Application, LevelDefinition } from '../../domain/schema-types.gen.js';
import { certificateKeyRing } from '../../runtime/certificates/key-ring.js';
import { revokeCertificate } from '../../runtime/certificates/revoke.js';
import { HttpError, httpFail, notFound } from '../errors.js';
import { requireUser } from './access.js';

/** per IP: enough for a clerk checking a stack of certificates, too few to walk the number space */
export const VERIFY_RATE_LIMIT = { max: 60, timeWindow: 60_000 };
const NOT_FOUND = '未查到与该编号和姓名相符的电子证书';

const verifyAnswer = {
  type: 'object',
  required: ['valid', 'message'],
  properties: {
    valid: { type: 'boolean' },
    /** 有效 / 已撤销 / 受限 / 未查询到 */
    status: { type: 'string', enum: ['有效', '已撤销', '受限', '未查询到'] },
    message: { type: 'string' },
    holder: { type: 'string' },
    title: { type: 'string' },
    grade: { type: 'string' },
    series: { type: 'string' },
    committee: { type: 'string' },
    approvedAt: { type: 'string' },
    issuedAt: { type: 'string' },
    verifyCode: { type: 'string' },
    restriction: { type: 'string' },
    /** F8: how a confirmed title was obtained; F9: 全区范围内有效 */
    basis: { type: 'string' },
    validity: { type: 'string' },
  },
} as const;

const signedDocument = (app: Application): CertificateDocument | null => (app.certificate?.signed?.document as CertificateDocument | undefined) ?? null;

const certificates: FastifyPluginAsync = async (app) => {
  const { store } = app.platform;
  // on start: creates the embedded default's key file, and a missing CERT_KEY_FILE stops start-up, not the first issue
  certificateKeyRing();

  /** what anyone may learn of a certificate found by a matching number and name */
  async function answerFor(found: Application) {
    const cert = found.certificate!;
    if (cert.revokedAt) return { valid: false, status: '已撤销', message: `该证书已于 ${cert.revokedAt.slice(0, 10)} 撤销`, holder: found.applicantName };
    const doc = signedDocument(found);
    const level = doc ? null : await store.getDefinition<LevelDefinition>('level', found.levelKey, found.pinned.level);
    const restriction = doc?.restriction;
    return {
      valid: true,
      status: restriction ? '受限' : '有效',
      message: restriction ? `证书有效，使用范围受限：${restriction}` : '证书有效',
      holder: found.applicantName,
      title: doc?.title ?? level?.body.title ?? '',
      grade: doc?.grade ?? level?.body.grade ?? '',
      // the minimum a verifier needs beside the title; never the ID number
      ...(doc ? { series: doc.series, committee: doc.committee, approvedAt: doc.approvedAt } : {}),
      issuedAt: cert.issuedAt,
      verifyCode: cert.verifyCode,
      ...(restriction ? { restriction } : {}),
      ...(doc?.basis ? { basis: doc.basis } : {}),
      ...(doc?.validity ? { validity: doc.validity } : {}),
    };
  }

  app.get(
    '/.well-known/zc-certificate-keys.json',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['catalog'],
        summary: '电子证书签名公钥（JWKS，Ed25519）：离线核验用，含已轮换的旧公钥',
        response: {
          200: {
            type: 'object',
            required: ['keys'],
            properties: {
              keys: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['kty', 'crv', 'x', 'kid'],
                  properties: { kty: { type: 'string' }, crv: { type: 'string' }, x: { type: 'string' }, kid: { type: 'string' }, alg: { type: 'string' }, use: { type: 'string' } },
                },
              },
            },
          },
        },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return certificateKeyRing().jwks;
    },
  );

  app.get<{ Querystring: { number: string; name: string } }>(
    '/api/certificates/verify',
    {
      config: { policy: 'public', rateLimit: VERIFY_RATE_LIMIT },
      schema: {
        tags: ['catalog'],
        summary: '电子证书在线核验：证书编号 + 持证人姓名（有效 / 已撤销 / 受限）',
        querystring: {
          type: 'object',
          required: ['number', 'name'],
          properties: { number: { type: 'string', minLength: 4, maxLength: 64 }, name: { type: 'string', minLength: 1, maxLength: 40 } },
        },
        response: { 200: verifyAnswer },
      },
    },
    async (request) => {
      const { number, name } = request.query;
      const { items } = await store.listApplications({ certificateNumber: number, limit: 1 });
      const found = items[0];
      // the same answer for an unknown number and a wrong name: the look-up reveals no one
      if (!found?.certificate || found.applicantName !== name.trim()) return { valid: false, message: NOT_FOUND };
      return answerFor(found);
    },
  );

  app.post<{ Body: SignedCertificate }>(
    '/api/certificates/verify-document',
    {
      config: { policy: 'public', rateLimit: VERIFY_RATE_LIMIT },
      // a malformed payload is refused without saying what is wrong with it
      attachValidation: true,
      schema: {
        tags: ['catalog'],
        summary: '电子证书文件核验（二维码携带的内容）：用已公布的公钥检查签名，并查询证书当前状态',
        body: {
          type: 'object',
          required: ['document', 'signature', 'kid'],
          additionalProperties: false,
          properties: {
            document: { type: 'object', required: ['number'], properties: { number: { type: 'string', minLength: 4, maxLength: 64 } } },
            signature: { type: 'string', minLength: 80, maxLength: 100 },
            kid: { type: 'string', minLength: 1, maxLength: 64 },
          },
        },
        response: { 200: verifyAnswer },
      },
    },
    async (request) => {
      if (request.validationError) throw new HttpError(400, 'certificate.malformed', '无法识别的证书数据');
      const check = verifyDocument(request.body, certificateKeyRing().jwks);
      if (!check.ok) throw new HttpError(422, 'certificate.bad_signature', '证书签名无效：证书内容被改动或并非本平台签发');
      const doc = request.body.document as Partial<CertificateDocument>;
      const { items } = await store.listApplications({ certificateNumber: String(doc.number), limit: 1 });
      const found = items[0];
      if (!found?.certificate) return { valid: false, status: '未查询到', message: '签名有效，但未查询到该证书' };
      return answerFor(found);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/applications/:id/certificate.json',
    {
      config: { policy: ['applicant'] },
      schema: {
        tags: ['applications'],
        summary: '下载本人的签名电子证书文件（可用 npm run cert:verify 离线核验）',
        params: { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 120 } } },
        response: {
          200: {
            type: 'object',
            required: ['document', 'signature', 'kid'],
            properties: { document: { type: 'object', additionalProperties: true }, signature: { type: 'string' }, kid: { type: 'string' } },
          },
        },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const found = await store.getApplication(request.params.id);
      // someone else's application does not exist for this user
      if (!found || found.applicantId !== user.id) throw notFound('该申报');
      const signed = found.certificate?.signed;
      if (!signed) throw new HttpError(404, 'certificate.not_found', '这份申报尚未取得签名的电子证书');
      reply.header('content-disposition', `attachment; filename="certificate-${found.certificate!.number}.json"`);
      return signed;
    },
  );

  app.post<{ Params: { number: string }; Body: { reason: string; years?: number } }>(
    '/api/admin/certificates/:number/revoke',
    {
      config: { policy: ['admin'] },
      schema: {
        tags: ['admin'],
        summary: '撤销以弄虚作假取得的职称证书，并记入持证人诚信档案（默认 3 年，G3）',
        params: { type: 'object', required: ['number'], properties: { number: { type: 'string', minLength: 4, maxLength: 64 } } },
        body: {
          type: 'object',
          required: ['reason'],
          additionalProperties: false,
          properties: { reason: { type: 'string', minLength: 2, maxLength: 500 }, years: { type: 'integer', minimum: 1, maximum: 10, default: 3 } },
        },
        response: {
          200: {
            type: 'object',
            required: ['number', 'status', 'integrityUntil'],
            properties: { number: { type: 'string' }, status: { type: 'string' }, integrityUntil: { type: 'string' } },
          },
        },
      },
    },
    async (request) => {
      const res = await revokeCertificate(app.platform, requireUser(request), { number: request.params.number, reason: request.body.reason, years: request.body.years ?? 3 });
      if (!res.ok) throw httpFail(res.error);
      return res.value;
    },
  );
};

export default certificates;
