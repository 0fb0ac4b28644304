// Administration: staff accounts with their org-scoped roles, and the audit trail with its chain check.
import type { FastifyPluginAsync } from 'fastify';
import { createStaff, type StaffInput } from '../../auth/accounts.js';
import { publicUser } from '../../auth/user-views.js';
import { recordFraud } from '../../runtime/integrity.js';
import { verifyAuditLog } from '../../store/verify-audit.js';
import { httpFail, notFound } from '../errors.js';
import { requireUser } from './access.js';
import { auditEntrySchema, errorResponses, password, publicUserSchema, roleSchema } from './auth-schemas.js';

const admin: FastifyPluginAsync = async (app) => {
  const { store, clock } = app.platform;
  const policy = ['admin'] as const;

  app.post<{ Body: StaffInput }>(
    '/api/admin/users',
    {
      config: { policy },
      schema: {
        tags: ['admin'],
        summary: '创建工作人员账号并授予角色',
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['login', 'name', 'password', 'roles'],
          properties: {
            login: { type: 'string', minLength: 2, maxLength: 120 },
            name: { type: 'string', minLength: 1, maxLength: 50 },
            password,
            roles: { type: 'array', minItems: 1, maxItems: 50, items: roleSchema },
            orgId: { type: 'string', maxLength: 120 },
            phone: { type: 'string', maxLength: 20 },
            email: { type: 'string', maxLength: 120 },
          },
        },
        response: { 201: { type: 'object', required: ['user'], properties: { user: publicUserSchema } }, ...errorResponses },
      },
    },
    async (request, reply) => {
      const res = await createStaff({ store, clock }, requireUser(request), request.body);
      if (!res.ok) throw httpFail(res.error);
      return reply.status(201).send({ user: publicUser(res.value) });
    },
  );

  app.get(
    '/api/admin/users',
    {
      config: { policy },
      schema: {
        tags: ['admin'],
        summary: '账号列表',
        response: { 200: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: publicUserSchema } } }, ...errorResponses },
      },
    },
    async () => ({ items: (await store.listUsers()).map(publicUser) }),
  );

  app.get<{ Querystring: { from: number; limit: number } }>(
    '/api/admin/audit',
    {
      config: { policy },
      schema: {
        tags: ['admin'],
        summary: '审计记录（按序号分页）',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { from: { type: 'integer', minimum: 1, default: 1 }, limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 } },
        },
        response: {
          200: {
            type: 'object',
            required: ['items', 'total'],
            properties: { items: { type: 'array', items: auditEntrySchema }, total: { type: 'integer' }, nextFrom: { type: 'integer' } },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { from, limit } = request.query;
      const items = await store.listAudit(from, limit);
      const last = items[items.length - 1];
      return { items, total: await store.auditCount(), ...(items.length === limit && last ? { nextFrom: last.seq + 1 } : {}) };
    },
  );

  app.get(
    '/api/admin/audit/verify',
    {
      config: { policy },
      schema: {
        tags: ['admin'],
        summary: '校验审计哈希链，指出第一条被改动的记录',
        response: {
          200: {
            type: 'object',
            required: ['ok', 'count'],
            properties: { ok: { type: 'boolean' }, count: { type: 'integer' }, brokenSeq: { type: 'integer' }, reason: { type: 'string' } },
          },
          ...errorResponses,
        },
      },
    },
    async () => verifyAuditLog(store),
  );

  app.post<{ Body: { userId: string; reason: string; years?: number; revokeApplicationId?: string } }>(
    '/api/admin/integrity',
    {
      config: { policy },
      schema: {
        tags: ['admin'],
        summary: '记入诚信档案（失信黑名单，默认 3 年；须写明原因，记明记录人；不能记入自己的账号），并可撤销以弄虚作假取得的职称证书（G3）',
        body: {
          type: 'object',
          required: ['userId', 'reason'],
          additionalProperties: false,
          properties: {
            userId: { type: 'string', minLength: 1 },
            reason: { type: 'string', minLength: 2, maxLength: 500 },
            years: { type: 'integer', minimum: 1, maximum: 10, default: 3 },
            revokeApplicationId: { type: 'string' },
          },
        },
        response: errorResponses,
      },
    },
    async (request) => {
      const res = await recordFraud(app.platform, requireUser(request), { years: 3, ...request.body });
      if (!res.ok) throw httpFail(res.error, res.error.code.endsWith('not_found') ? 404 : undefined);
      return { userId: res.value.user.id, integrityUntil: res.value.user.facts?.integrityUntil, revokedApplication: res.value.application?.id ?? null };
    },
  );

  app.get<{ Params: { userId: string } }>(
    '/api/admin/integrity/:userId',
    {
      config: { policy },
      schema: {
        tags: ['admin'],
        summary: '某人的诚信档案：每条记录的记录人、时间、原因和有效期',
        params: { type: 'object', required: ['userId'], properties: { userId: { type: 'string', minLength: 1, maxLength: 120 } } },
        response: {
          200: {
            type: 'object',
            required: ['userId', 'records'],
            properties: {
              userId: { type: 'string' },
              integrityUntil: { type: 'string' },
              records: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['at', 'recordedBy', 'reason', 'until'],
                  properties: { at: { type: 'string' }, recordedBy: { type: 'string' }, reason: { type: 'string' }, until: { type: 'string' }, revokedApplicationId: { type: 'string' } },
                },
              },
            },
          },
          404: { $ref: 'Error#' },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const person = await store.getUser(request.params.userId);
      if (!person) throw notFound('该人员');
      return { userId: person.id, ...(person.facts?.integrityUntil ? { integrityUntil: person.facts.integrityUntil } : {}), records: person.integrityRecords ?? [] };
    },
  );
};

export default admin;
