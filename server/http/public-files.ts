// Wraps a third-party plugin whose routes only serve files (swagger-ui, the built app),
// marking each of its routes public, so the policy check at start-up accepts them.
import type { FastifyPluginAsync, FastifyPluginCallback } from 'fastify';

export function publicFiles<O extends object>(plugin: FastifyPluginAsync<O> | FastifyPluginCallback<O>): FastifyPluginAsync<O> {
  return async (app, opts) => {
    app.addHook('onRoute', (route) => {
      route.config = { ...(route.config ?? {}), policy: route.config?.policy ?? 'public' };
    });
    await app.register(plugin as FastifyPluginAsync<O>, opts);
  };
}
