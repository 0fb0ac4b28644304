// Resolves the signed session cookie to a user and enforces each route's declared policy,
// plus CSRF on every state-changing request made with a session.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Policy } from '../../auth/policy.js';
import { needsTouch } from '../../auth/sessions.js';
import type { User } from '../../domain/schema-types.gen.js';
import type { SessionRecord } from '../../store/port.js';
import { HttpError } from '../errors.js';

export const SESSION_COOKIE = 'zc_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    user: User | null;
    session: SessionRecord | null;
  }
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function allowed(policy: Policy, user: User | null): boolean {
  if (policy === 'public') return true;
  if (!user) return false;
  if (policy === 'user') return true;
  return user.roles.some((r) => policy.includes(r.role));
}

/** the signed-in user, or a 401 */
export function requireUser(request: FastifyRequest): User {
  if (!request.user) throw new HttpError(401, 'auth.unauthenticated', '请先登录');
  return request.user;
}

const access: FastifyPluginAsync = async (app) => {
  app.decorateRequest('user', null);
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
    const raw = request.cookies[SESSION_COOKIE];
    if (raw) {
      const unsigned = request.unsignCookie(raw);
      if (unsigned.valid && unsigned.value) {
        const session = await app.platform.store.getSession(unsigned.value);
        const now = app.platform.clock.now();
        if (session && session.expiresAt > now) {
          const user = await app.platform.store.getUser(session.userId);
          // a disabled account has no sessions; this also refuses one started while it was being disabled
          if (user && !user.disabled) {
            request.user = user;
            request.session = session;
            if (needsTouch(session, now)) await app.platform.store.touchSession(session.id, now);
          }
        }
      }
    }
    const policy = request.routeOptions.config.policy;
    if (policy === undefined) return; // 404s and framework routes
    if (!allowed(policy, request.user)) {
      if (!request.user) throw new HttpError(401, 'auth.unauthenticated', '请先登录');
      throw new HttpError(403, 'auth.forbidden', '您没有执行此操作的权限');
    }
    // a cookie-authenticated change must carry the session's CSRF token
    if (request.session && !SAFE.has(request.method) && request.headers[CSRF_HEADER] !== request.session.csrfToken) {
      throw new HttpError(403, 'auth.csrf', '页面已过期，请刷新后重试（CSRF 校验失败）');
    }
  });
};

export default fp(access, { name: 'access' });
