// 消息中心: one's own notifications (newest first, unread count) and marking them read. Reading changes no case,
// so it writes no audit record (the read time is kept on the notification itself).
import type { FastifyPluginAsync } from 'fastify';
import { requireUser } from './access.js';

const err = { $ref: 'Error#' } as const;

const item = {
  type: 'object',
  required: ['id', 'event', 'title', 'body', 'createdAt'],
  properties: {
    id: { type: 'string' },
    event: { type: 'string' },
    applicationId: { type: 'string' },
    title: { type: 'string' },
    body: { type: 'string' },
    link: { type: 'string' },
    createdAt: { type: 'string' },
    readAt: { type: 'string' },
  },
} as const;

const notifications: FastifyPluginAsync = async (app) => {
  const p = app.platform;

  app.get<{ Querystring: { unreadOnly?: boolean; offset?: number; limit?: number } }>(
    '/api/notifications',
    {
      config: { policy: 'user' },
      schema: {
        tags: ['notifications'],
        summary: '消息中心：本人的通知（最新在前）、未读数',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            unreadOnly: { type: 'boolean', default: false },
            offset: { type: 'integer', minimum: 0, maximum: 100_000, default: 0 },
            limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
          },
        },
        response: {
          200: { type: 'object', required: ['total', 'unread', 'items'], properties: { total: { type: 'integer' }, unread: { type: 'integer' }, items: { type: 'array', items: item } } },
          401: err,
        },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { unreadOnly, offset, limit } = request.query;
      return p.store.listNotifications(user.id, { ...(unreadOnly !== undefined ? { unreadOnly } : {}), ...(offset !== undefined ? { offset } : {}), ...(limit !== undefined ? { limit } : {}) });
    },
  );

  app.post<{ Body: { ids?: string[]; all?: boolean } }>(
    '/api/notifications/read',
    {
      config: { policy: 'user' },
      schema: {
        tags: ['notifications'],
        summary: '标为已读：指定的通知，或全部（只改本人的）',
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            ids: { type: 'array', maxItems: 200, items: { type: 'string', minLength: 1, maxLength: 400 } },
            all: { type: 'boolean' },
          },
        },
        response: { 200: { type: 'object', required: ['marked'], properties: { marked: { type: 'integer' } } }, 400: err, 401: err, 403: err },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { ids, all } = request.body;
      const marked = await p.store.markNotificationsRead(user.id, all === true ? 'all' : (ids ?? []), p.clock.now());
      return { marked };
    },
  );
};

export default notifications;
