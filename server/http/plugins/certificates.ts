// Public verification of e-certificates (F7, G5): anyone holding the number and the holder's name
// can check a certificate online; nothing else about the holder is disclosed.
import type { FastifyPluginAsync } from 'fastify';
import type { LevelDefinition } from '../../domain/schema-types.gen.js';

const certificates: FastifyPluginAsync = async (app) => {
  const { store } = app.platform;
  app.get<{ Querystring: { number: string; name: string } }>(
    '/api/certificates/verify',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['catalog'],
        summary: '电子证书在线核验：证书编号 + 持证人姓名',
        querystring: {
          type: 'object',
          required: ['number', 'name'],
          properties: { number: { type: 'string', minLength: 4, maxLength: 64 }, name: { type: 'string', minLength: 1, maxLength: 40 } },
        },
        response: {
          200: {
            type: 'object',
            required: ['valid', 'message'],
            properties: {
              valid: { type: 'boolean' },
              message: { type: 'string' },
              holder: { type: 'string' },
              title: { type: 'string' },
              grade: { type: 'string' },
              issuedAt: { type: 'string' },
              verifyCode: { type: 'string' },
            },
          },
        },
      },
    },
    async (request) => {
      const { number, name } = request.query;
      const { items } = await store.listApplications({ certificateNumber: number, limit: 1 });
      const found = items[0];
      // the same answer for an unknown number and a wrong name: the look-up reveals no one
      if (!found?.certificate || found.applicantName !== name.trim()) return { valid: false, message: '未查到与该编号和姓名相符的电子证书' };
      if (found.certificate.revokedAt) return { valid: false, message: `该证书已于 ${found.certificate.revokedAt.slice(0, 10)} 撤销`, holder: found.applicantName };
      const level = await store.getDefinition<LevelDefinition>('level', found.levelKey, found.pinned.level);
      return {
        valid: true,
        message: '证书有效',
        holder: found.applicantName,
        title: level?.body.title ?? '',
        grade: level?.body.grade ?? '',
        issuedAt: found.certificate.issuedAt,
        verifyCode: found.certificate.verifyCode,
      };
    },
  );
};

export default certificates;
