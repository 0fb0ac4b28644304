// Serves the built browser app (designer/dist) at /, with index.html for client-side routes.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';
import { publicFiles } from '../public-files.js';

const designerStatic: FastifyPluginAsync<{ dir: string }> = async (app, opts) => {
  if (!existsSync(join(opts.dir, 'index.html'))) {
    app.get('/', { config: { policy: 'public' }, schema: { hide: true } }, async (_req, reply) =>
      reply.type('text/html; charset=utf-8').send('<!doctype html><meta charset="utf-8"><title>职称申报评审平台</title><p>界面尚未构建：请运行 <code>npm run build:designer</code>。API 文档见 <a href="/docs">/docs</a>。</p>'),
    );
    return;
  }
  await app.register(publicFiles(fastifyStatic), { root: opts.dir, wildcard: false, index: 'index.html' });
  // client-side routes of the single-page app all load index.html
  const spa = ['/portal', '/portal/*', '/workbench', '/workbench/*', '/designer', '/designer/*', '/login'];
  for (const url of spa) {
    app.get(url, { config: { policy: 'public' }, schema: { hide: true } }, async (_req, reply) => reply.sendFile('index.html'));
  }
};

export default designerStatic;
