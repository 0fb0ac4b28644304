// The notification delivery queue for administrators: what is waiting, sent or dead (with the reason), and a retry.
import type { FastifyPluginAsync } from 'fastify';
import type { DeliveryRow } from '../../domain/notifications/types.js';
import { retryDelivery } from '../../runtime/notifications/retry-delivery.js';
import { httpFail } from '../errors.js';
import { requireUser } from './access.js';

const err = { $ref: 'Error#' } as const;
const errors = { 400: err, 401: err, 403: err, 404: err, 409: err } as const;
const STATUS = ['pending', 'sent', 'dead'] as const;

const CHANNEL_NAMES: Record<DeliveryRow['channel'], string> = { email: '电子邮件', sms: '短信' };
const STATUS_NAMES: Record<DeliveryRow['status'], string> = { pending: '待发送', sent: '已送达', dead: '发送失败' };

const deliveryView = {
  type: 'object',
  required: ['id', 'notificationId', 'channel', 'channelName', 'status', 'statusName', 'attempts', 'nextAttemptAt'],
  properties: {
    id: { type: 'string' },
    notificationId: { type: 'string' },
    channel: { type: 'string', enum: ['email', 'sms'] },
    channelName: { type: 'string', description: '渠道：电子邮件、短信' },
    status: { type: 'string', enum: STATUS },
    statusName: { type: 'string', description: '待发送、已送达、发送失败' },
    attempts: { type: 'integer', description: '已尝试次数' },
    nextAttemptAt: { type: 'string', description: '下次尝试时间（失败的为失败时间）' },
    lastError: { type: 'string', description: '最近一次失败的原因' },
    sentAt: { type: 'string' },
  },
} as const;

const view = (d: DeliveryRow) => ({ ...d, channelName: CHANNEL_NAMES[d.channel], statusName: STATUS_NAMES[d.status] });

const deliveries: FastifyPluginAsync = async (app) => {
  const { store, clock } = app.platform;
  const policy = ['admin'] as const;

  app.get<{ Querystring: { status?: DeliveryRow['status']; offset?: number; limit?: number } }>(
    '/api/admin/deliveries',
    {
      config: { policy },
      schema: {
        tags: ['admin'],
        summary: '通知的邮件、短信投递队列（可按状态筛选，如发送失败的）',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            status: { type: 'string', enum: STATUS },
            offset: { type: 'integer', minimum: 0, default: 0 },
            limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
          },
        },
        response: { 200: { type: 'object', required: ['total', 'items'], properties: { total: { type: 'integer' }, items: { type: 'array', items: deliveryView } } }, ...errors },
      },
    },
    async (request) => {
      const q = request.query;
      const page = await store.listDeliveries({ ...(q.status ? { status: q.status } : {}), offset: q.offset ?? 0, limit: q.limit ?? 50 });
      return { total: page.total, items: page.items.map(view) };
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/admin/deliveries/:id/retry',
    {
      config: { policy },
      schema: {
        tags: ['admin'],
        summary: '立即重发一条未送达的投递（记入审计）',
        params: { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 300 } } },
        response: { 200: deliveryView, ...errors },
      },
    },
    async (request) => {
      const res = await retryDelivery({ store, clock }, requireUser(request).id, request.params.id);
      if (!res.ok) throw httpFail(res.error);
      return view(res.value);
    },
  );
};

export default deliveries;
