import type { FastifyPluginAsync } from 'fastify';

const health: FastifyPluginAsync = async (app) => {
  app.get(
    '/health',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['system'],
        summary: '健康检查',
        response: {
          200: {
            type: 'object',
            required: ['status', 'store'],
            properties: { status: { type: 'string', enum: ['ok'] }, store: { type: 'string' }, now: { type: 'string' } },
          },
        },
      },
    },
    async () => ({ status: 'ok' as const, store: app.platform.store.kind, now: app.platform.clock.now() }),
  );
};
export default health;
