// Administration of a user's sessions and account status: list the sessions (by handle, never the secret id),
// end one or all, disable or enable the account (disabling ends every session). Every change is audited.
import type { FastifyPluginAsync } from 'fastify';
import { disableAccount, enableAccount } from '../../auth/account-status.js';
import { endUserSession, endUserSessions, listUserSessions } from '../../auth/session-admin.js';
import { publicUser } from '../../auth/user-views.js';
import { httpFail, notFound } from '../errors.js';
import { requireUser } from './access.js';
import { publicUserSchema } from './auth-schemas.js';

const err = { $ref: 'Error#' } as const;
const errors = { 400: err, 401: err, 403: err, 404: err, 409: err, 422: err } as const;
const userParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 120 } } } as const;

const sessionView = {
  type: 'object',
  required: ['handle', 'createdAt', 'expiresAt', 'current'],
  properties: {
    handle: { type: 'string', description: '会话的公开标识（会话 id 的摘要，不能用来登录）' },
    createdAt: { type: 'string' },
    expiresAt: { type: 'string' },
    lastSeenAt: { type: 'string', description: '最近一次使用（每 5 分钟记一次）' },
    ip: { type: 'string' },
    userAgent: { type: 'string' },
    current: { type: 'boolean', description: '是否为发出本请求的会话' },
  },
} as const;

const adminSessions: FastifyPluginAsync = async (app) => {
  const { store, clock } = app.platform;
  const deps = { store, clock };
  const policy = ['admin'] as const;
  const existing = async (id: string) => {
    if (!(await store.getUser(id))) throw notFound('账号');
  };

  app.get<{ Params: { id: string } }>(
    '/api/admin/users/:id/sessions',
    {
      config: { policy },
      schema: {
        tags: ['admin'],
        summary: '某账号未过期的会话：创建时间、最近使用、IP、浏览器',
        params: userParams,
        response: { 200: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: sessionView } } }, ...errors },
      },
    },
    async (request) => {
      await existing(request.params.id);
      return { items: await listUserSessions(deps, request.params.id, request.session?.id) };
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api/admin/users/:id/sessions',
    {
      config: { policy },
      schema: {
        tags: ['admin'],
        summary: '结束某账号的全部会话（记入审计）',
        params: userParams,
        response: { 200: { type: 'object', required: ['ended'], properties: { ended: { type: 'integer' } } }, ...errors },
      },
    },
    async (request) => {
      await existing(request.params.id);
      return { ended: await endUserSessions(deps, requireUser(request).id, request.params.id, 'admin') };
    },
  );

  app.delete<{ Params: { id: string; handle: string } }>(
    '/api/admin/users/:id/sessions/:handle',
    {
      config: { policy },
      schema: {
        tags: ['admin'],
        summary: '结束某账号的一个会话（记入审计）',
        params: { type: 'object', required: ['id', 'handle'], properties: { ...userParams.properties, handle: { type: 'string', minLength: 1, maxLength: 64 } } },
        response: { 204: { type: 'null' }, ...errors },
      },
    },
    async (request, reply) => {
      await existing(request.params.id);
      const res = await endUserSession(deps, requireUser(request).id, request.params.id, request.params.handle);
      if (!res.ok) throw httpFail(res.error, 404);
      return reply.status(204).send();
    },
  );

  app.post<{ Params: { id: string }; Body: { reason: string } }>(
    '/api/admin/users/:id/disable',
    {
      config: { policy },
      schema: {
        tags: ['admin'],
        summary: '停用账号：不能再登录，已有会话全部结束（记入审计）',
        params: userParams,
        body: { type: 'object', required: ['reason'], additionalProperties: false, properties: { reason: { type: 'string', minLength: 2, maxLength: 500 } } },
        response: { 200: { type: 'object', required: ['user', 'sessionsEnded'], properties: { user: publicUserSchema, sessionsEnded: { type: 'integer' } } }, ...errors },
      },
    },
    async (request) => {
      const res = await disableAccount(deps, requireUser(request), request.params.id, request.body.reason.trim());
      if (!res.ok) throw httpFail(res.error);
      return { user: publicUser(res.value.user), sessionsEnded: res.value.sessionsEnded };
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/admin/users/:id/enable',
    {
      config: { policy },
      schema: {
        tags: ['admin'],
        summary: '重新启用账号（同时解除登录失败锁定；记入审计）',
        params: userParams,
        response: { 200: { type: 'object', required: ['user'], properties: { user: publicUserSchema } }, ...errors },
      },
    },
    async (request) => {
      const res = await enableAccount(deps, requireUser(request), request.params.id);
      if (!res.ok) throw httpFail(res.error);
      return { user: publicUser(res.value) };
    },
  );
};

export default adminSessions;
