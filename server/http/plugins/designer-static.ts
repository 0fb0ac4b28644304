// Serves the built browser app (designer/dist) at /, with index.html for client-side routes.
import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import fastifyStatic, { type FastifyStaticOptions } from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';
import { publicFiles } from '../public-files.js';

/** hashed build output never changes under its name; index.html names the current hashes, so it is revalidated */
function cacheControlFor(root: string, path: string): string {
  return relative(root, path).startsWith(`assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

// client-side routes of the single-page app all load index.html
const SPA_ROUTES = ['/portal', '/portal/*', '/workbench', '/workbench/*', '/designer', '/designer/*', '/login'];

/** the files and the client-side routes in one scope: reply.sendFile exists only where @fastify/static is registered */
const staticWithRoutes: FastifyPluginAsync<FastifyStaticOptions> = async (scope, o) => {
  await scope.register(fastifyStatic, o);
  for (const url of SPA_ROUTES) {
    scope.get(url, { config: { policy: 'public' }, schema: { hide: true } }, async (_req, reply) => reply.sendFile('index.html'));
  }
};

const designerStatic: FastifyPluginAsync<{ dir: string }> = async (app, opts) => {
  if (!existsSync(join(opts.dir, 'index.html'))) {
    app.get('/', { config: { policy: 'public' }, schema: { hide: true } }, async (_req, reply) =>
      reply.type('text/html; charset=utf-8').send('<!doctype html><meta charset="utf-8"><title>职称申报评审平台</title><p>界面尚未构建：请运行 <code>npm run build:designer</code>。API 文档见 <a href="/docs">/docs</a>。</p>'),
    );
    return;
  }
  await app.register(publicFiles(staticWithRoutes), {
    root: opts.dir,
    // files looked up per request, not listed once at start: a rebuild while the server runs is served, not a 404
    wildcard: true,
    // a list: with preCompressed, @fastify/static finds a directory's index only in a list
    index: ['index.html'],
    // the .br/.gz written at build time (designer/vite-precompress.ts): no per-request compression of the app
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, path) => reply.header('cache-control', cacheControlFor(opts.dir, path)),
  });
};

export default designerStatic;
