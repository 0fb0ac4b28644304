// Builds the Fastify instance from plugins; tests use it through inject(), main.ts listens.
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions, type RouteOptions } from 'fastify';
import { describePolicy } from './auth/policy.js';
import { compressionOptions } from './http/compression.js';
import { publicFiles } from './http/public-files.js';
import { clientErrorHandler, frameworkErrors, installErrorHandler } from './http/error-handler.js';
import { installBallotSecrecy } from './http/hide-ballots.js';
import { installDocumentedErrors } from './http/documented-errors.js';
import { installApplicationViews } from './http/application-views.js';
import { installAbandoned } from './http/abandoned.js';
import { errorSchema, HttpError } from './http/errors.js';
import access from './http/plugins/access.js';
import admin from './http/plugins/admin.js';
import adminSessions from './http/plugins/admin-sessions.js';
import accounts from './http/plugins/accounts.js';
import committeesAdmin from './http/plugins/committees-admin.js';
import sessions from './http/plugins/sessions.js';
import scoreSheets from './http/plugins/score-sheets.js';
import sessionResults from './http/plugins/session-results.js';
import filingPackages from './http/plugins/filing-packages.js';
import draws from './http/plugins/draws.js';
import experts from './http/plugins/experts.js';
import orgs from './http/plugins/orgs.js';
import auth from './http/plugins/auth.js';
import catalog from './http/plugins/catalog.js';
import certificates from './http/plugins/certificates.js';
import certificateFiles from './http/plugins/certificate-files.js';
import applications from './http/plugins/applications.js';
import definitions from './http/plugins/definitions.js';
import flowVersions from './http/plugins/flow-versions.js';
import workflowSteps from './http/plugins/workflow-steps.js';
import templatePreview from './http/plugins/template-preview.js';
import designerImpact from './http/plugins/designer-impact.js';
import rosters from './http/plugins/rosters.js';
import adminExports from './http/plugins/admin-exports.js';
import dashboard from './http/plugins/dashboard.js';
import tasks from './http/plugins/tasks.js';
import taskOperations from './http/plugins/task-operations.js';
import workbench from './http/plugins/workbench.js';
import notifications from './http/plugins/notifications.js';
import deliveries from './http/plugins/deliveries.js';
import exchange from './http/plugins/exchange.js';
import designerStatic from './http/plugins/designer-static.js';
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
  uploadLimitBytes?: number;
  /** folder of the built browser app; not served when absent */
  designerDir?: string;
}

export async function buildApp(platform: Platform, opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: opts.bodyLimitBytes ?? 1_048_576,
    ajv: { customOptions: { allErrors: true, removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
    // a bad or over-long URL parameter is refused before routing: in the one error shape too
    frameworkErrors,
    clientErrorHandler,
  });
  app.decorate('platform', platform);
  installErrorHandler(app);
  installBallotSecrecy(app);
  installDocumentedErrors(app);
  installApplicationViews(app);
  installAbandoned(app);

  // a route without a declared policy is a mistake that must not reach production:
  // checked when the app is ready, after scoped hooks (publicFiles) have had their say
  const routes: RouteOptions[] = [];
  app.addHook('onRoute', (route) => {
    routes.push(route);
    const policy = route.config?.policy;
    if (policy !== undefined) {
      route.schema = { ...(route.schema ?? {}), description: `${route.schema?.description ?? ''} 访问：${describePolicy(policy)}`.trim() };
    }
  });
  app.addHook('onReady', async () => {
    const missing = routes.filter((r) => r.config?.policy === undefined).map((r) => `${String(r.method)} ${r.url}`);
    if (missing.length > 0) throw new Error(`以下路由未声明访问策略 (config.policy)：${missing.join('，')}`);
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
  // before any route: the plugin hooks each route as it is added
  await app.register(compress, compressionOptions);
  await app.register(cookie, { secret: opts.cookieSecret });
  // per-IP limits only on the routes that ask for one (login): static files and the API stay unlimited
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => new HttpError(429, 'rate_limited', `请求过于频繁，请 ${Math.ceil(ctx.ttl / 1000)} 秒后再试`),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: '职称申报评审平台 API', version: '0.1.0', description: '错误统一为 {code, message, details[]}' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'zc_session' } } },
    },
    refResolver: { buildLocalReference: (json, _base, _frag, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });
  await app.register(publicFiles(swaggerUi), { routePrefix: '/docs', staticCSP: true });

  await app.register(access);
  await app.register(auth);
  await app.register(admin);
  await app.register(adminSessions);
  await app.register(health);
  await app.register(catalog);
  await app.register(orgs);
  await app.register(committeesAdmin);
  await app.register(sessions);
  await app.register(scoreSheets);
  await app.register(sessionResults);
  await app.register(filingPackages);
  await app.register(draws);
  await app.register(experts);
  await app.register(accounts);
  await app.register(certificates);
  await app.register(certificateFiles);
  await app.register(definitions);
  await app.register(flowVersions);
  await app.register(workflowSteps);
  await app.register(templatePreview);
  await app.register(designerImpact);
  await app.register(applications, { uploadLimitBytes: opts.uploadLimitBytes ?? 20 * 1_048_576 });
  await app.register(tasks);
  await app.register(taskOperations);
  await app.register(workbench);
  await app.register(notifications);
  await app.register(rosters);
  await app.register(adminExports);
  await app.register(dashboard);
  await app.register(deliveries);
  await app.register(exchange);
  if (opts.designerDir) await app.register(designerStatic, { dir: opts.designerDir });
  return app;
}
