// Builds the Fastify instance from plugins; tests use it through inject(), main.ts listens.
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { describePolicy } from './auth/policy.js';
import { errorSchema } from './http/errors.js';
import { installErrorHandler } from './http/error-handler.js';
import access from './http/plugins/access.js';
import catalog from './http/plugins/catalog.js';
import definitions from './http/plugins/definitions.js';
import health from './http/plugins/health.js';
import type { Platform } from './runtime/platform.js';

declare module 'fastify' {
  interface FastifyInstance {
    platform: Platform;
  }
}

export interface AppOptions {
  logger?: FastifyServerOptions['logger'];
  bodyLimitBytes?: number;
  cookieSecret: string;
}

export async function buildApp(platform: Platform, opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: opts.bodyLimitBytes ?? 1_048_576,
    ajv: { customOptions: { allErrors: true, removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
  });
  app.decorate('platform', platform);
  installErrorHandler(app);

  // a route without a declared policy is a mistake that must not reach production
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/docs')) {
      route.config = { ...(route.config ?? {}), policy: 'public' };
      return;
    }
    if (route.config?.policy === undefined) {
      throw new Error(`路由 ${String(route.method)} ${route.url} 未声明访问策略 (config.policy)`);
    }
    route.schema = { ...(route.schema ?? {}), description: `${route.schema?.description ?? ''} 访问：${describePolicy(route.config.policy)}`.trim() };
  });

  app.addSchema(errorSchema);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // swagger-ui and bpmn-js inject inline styles; scripts stay self-only
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  await app.register(cookie, { secret: opts.cookieSecret });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: '职称申报评审平台 API', version: '0.1.0', description: '错误统一为 {code, message, details[]}' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'zc_session' } } },
    },
    refResolver: { buildLocalReference: (json, _base, _frag, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });

  await app.register(access);
  await app.register(health);
  await app.register(catalog);
  await app.register(definitions);
  return app;
}
