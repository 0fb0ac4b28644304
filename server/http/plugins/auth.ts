// Account routes: register, login (rate-limited per IP), logout, me, password change.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { REGISTRATION_DOCUMENT_TYPES } from '../../domain/forms/id-document.js';
import { changePassword, login, registerApplicant, type RegisterInput } from '../../auth/accounts.js';
import { createSession, destroySession, SESSION_TTL_MS } from '../../auth/sessions.js';
import { publicUser } from '../../auth/user-views.js';
import type { User } from '../../domain/schema-types.gen.js';
import { httpFail, HttpError } from '../errors.js';
import { requireUser, SESSION_COOKIE } from './access.js';
import { errorResponses, password, publicUserSchema } from './auth-schemas.js';

export const LOGIN_RATE_LIMIT = { max: 30, timeWindow: 60_000 };

const sessionResponse = {
  type: 'object',
  required: ['user', 'csrfToken'],
  properties: { user: publicUserSchema, csrfToken: { type: 'string' } },
} as const;

/** a fresh session for user, set as the signed cookie; the old one (if any) is ended */
async function startSession(request: FastifyRequest, reply: FastifyReply, user: User): Promise<string> {
  const { store, clock } = request.server.platform;
  if (request.session) await destroySession(store, request.session.id);
  const userAgent = request.headers['user-agent'];
  const session = await createSession(store, clock, user.id, { ip: request.ip, ...(typeof userAgent === 'string' ? { userAgent } : {}) });
  reply.setCookie(SESSION_COOKIE, session.id, {
    signed: true,
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure: request.protocol === 'https',
    maxAge: SESSION_TTL_MS / 1000,
  });
  return session.csrfToken;
}

const auth: FastifyPluginAsync = async (app) => {
  const deps = { store: app.platform.store, clock: app.platform.clock };

  app.post<{ Body: RegisterInput }>(
    '/api/auth/register',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['auth'],
        summary: '申报人注册',
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['name', 'idNumber', 'password'],
          properties: {
            name: { type: 'string', minLength: 1, maxLength: 50 },
            idDocType: { type: 'string', maxLength: 30, description: '证件类型（默认居民身份证）' },
            idNumber: { type: 'string', minLength: 1, maxLength: 30 },
            phone: { type: 'string', maxLength: 20 },
            email: { type: 'string', maxLength: 120 },
            password,
            orgId: { type: 'string', maxLength: 120 },
          },
        },
        response: { 201: { type: 'object', required: ['user'], properties: { user: publicUserSchema } }, ...errorResponses },
      },
    },
    async (request, reply) => {
      const res = await registerApplicant(deps, request.body);
      if (!res.ok) throw httpFail(res.error);
      return reply.status(201).send({ user: publicUser(res.value) });
    },
  );

  app.get(
    '/api/auth/id-document-types',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['auth'],
        summary: '注册可用的证件类型（A2）',
        response: { 200: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: { type: 'string' } } } } },
      },
    },
    async () => ({ items: [...REGISTRATION_DOCUMENT_TYPES] }),
  );

  app.post<{ Body: { login: string; password: string } }>(
    '/api/auth/login',
    {
      config: { policy: 'public', rateLimit: LOGIN_RATE_LIMIT },
      schema: {
        tags: ['auth'],
        summary: '登录（设置会话 Cookie，返回 CSRF 令牌）',
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['login', 'password'],
          properties: { login: { type: 'string', minLength: 1, maxLength: 200 }, password },
        },
        response: { 200: sessionResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const res = await login(deps, request.body.login, request.body.password);
      if (!res.ok) throw httpFail(res.error, res.error.code === 'auth.bad_credentials' ? 401 : res.error.code === 'auth.disabled' ? 403 : undefined);
      const csrfToken = await startSession(request, reply, res.value);
      return { user: publicUser(res.value), csrfToken };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { policy: 'user' },
      schema: { tags: ['auth'], summary: '退出登录', response: { 204: { type: 'null' }, ...errorResponses } },
    },
    async (request, reply) => {
      const user = requireUser(request);
      if (request.session) await destroySession(deps.store, request.session.id);
      await deps.store.appendAudit([{ at: deps.clock.now(), actor: user.id, action: 'logout', target: { type: 'user', id: user.id } }]);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { policy: 'user' },
      schema: {
        tags: ['auth'],
        summary: '当前用户及 CSRF 令牌',
        response: {
          200: {
            type: 'object',
            required: ['id', 'name', 'kind', 'roles', 'csrfToken'],
            properties: { ...publicUserSchema.properties, csrfToken: { type: 'string' } },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const user = requireUser(request);
      if (!request.session) throw new HttpError(401, 'auth.unauthenticated', '请先登录');
      return { ...publicUser(user), csrfToken: request.session.csrfToken };
    },
  );

  app.post<{ Body: { oldPassword: string; newPassword: string } }>(
    '/api/auth/password',
    {
      config: { policy: 'user' },
      schema: {
        tags: ['auth'],
        summary: '修改密码（需原密码；成功后结束该账号的全部会话，并为本次登录换发新会话）',
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['oldPassword', 'newPassword'],
          properties: { oldPassword: password, newPassword: password },
        },
        response: { 200: { type: 'object', required: ['csrfToken'], properties: { csrfToken: { type: 'string' } } }, ...errorResponses },
      },
    },
    async (request, reply) => {
      const res = await changePassword(deps, requireUser(request), request.body.oldPassword, request.body.newPassword);
      if (!res.ok) throw httpFail(res.error);
      return { csrfToken: await startSession(request, reply, res.value) };
    },
  );
};

export default auth;
