// 数据交换 for administrators: what was pushed to the national and region platforms, what failed and why, and a
// retry of a failed record (audited).
import type { FastifyPluginAsync } from 'fastify';
import { retryExchange } from '../../runtime/exchange/retry.js';
import { EVENT_NAMES, exchangeSummary } from '../../runtime/exchange/summary.js';
import { EXCHANGE_EVENTS, EXCHANGE_STATES, type ExchangeItem, type ExchangeState } from '../../runtime/exchange/types.js';
import { httpFail } from '../errors.js';
import { requireUser } from './access.js';

const err = { $ref: 'Error#' } as const;
const errors = { 400: err, 401: err, 403: err, 404: err, 409: err } as const;

const summaryView = {
  type: 'object',
  required: ['id', 'endpointId', 'endpointName', 'event', 'eventName', 'number', 'revision', 'state', 'stateName', 'attempts', 'queuedAt', 'nextAttemptAt', 'updatedAt'],
  properties: {
    id: { type: 'string' },
    endpointId: { type: 'string' },
    endpointName: { type: 'string', description: '接收平台' },
    event: { type: 'string', enum: EXCHANGE_EVENTS },
    eventName: { type: 'string', description: '事项：证书签发、证书撤销、评审备案' },
    number: { type: 'string', description: '证书编号（评审备案为备案编号）' },
    revision: { type: 'integer', description: '证书文件的版次' },
    holder: { type: 'string', description: '持证人' },
    state: { type: 'string', enum: EXCHANGE_STATES },
    stateName: { type: 'string', description: '待推送、已推送、推送失败' },
    attempts: { type: 'integer', description: '已尝试次数' },
    lastError: { type: 'string', description: '最近一次失败的原因' },
    queuedAt: { type: 'string' },
    nextAttemptAt: { type: 'string', description: '下次推送时间（待推送的）' },
    sentAt: { type: 'string' },
    updatedAt: { type: 'string', description: '最近一次变化的时间（推送失败的即失败时间）' },
  },
} as const;

const exchange: FastifyPluginAsync = async (app) => {
  const platform = app.platform;
  const policy = ['admin'] as const;
  const endpoints = () => platform.exchangeEndpoints ?? [];

  app.get<{ Querystring: { state?: ExchangeState; offset?: number; limit?: number } }>(
    '/api/admin/exchange',
    {
      config: { policy },
      schema: {
        tags: ['admin'],
        summary: '推送到全国和自治区平台的数据交换记录（可按状态筛选，如推送失败的）',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            state: { type: 'string', enum: EXCHANGE_STATES },
            offset: { type: 'integer', minimum: 0, default: 0 },
            limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
          },
        },
        response: {
          200: {
            type: 'object',
            required: ['endpoints', 'total', 'items'],
            properties: {
              endpoints: {
                type: 'array',
                description: '已配置的接收平台（为空时不推送任何数据）',
                items: { type: 'object', required: ['id', 'name', 'eventNames'], properties: { id: { type: 'string' }, name: { type: 'string' }, eventNames: { type: 'array', items: { type: 'string' } } } },
              },
              total: { type: 'integer' },
              items: { type: 'array', items: summaryView },
            },
          },
          ...errors,
        },
      },
    },
    async (request) => {
      const q = request.query;
      const page = await platform.store.listRecords<ExchangeItem>({ kind: 'exchange', keys: q.state ? [`state:${q.state}`] : [], limit: q.limit ?? 50, offset: q.offset ?? 0 });
      const eps = endpoints();
      return {
        endpoints: eps.map((e) => ({ id: e.id, name: e.name, eventNames: e.events.map((ev) => EVENT_NAMES[ev]) })),
        total: page.total,
        items: page.items.map((r) => exchangeSummary(r, eps)),
      };
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/admin/exchange/:id/retry',
    {
      config: { policy },
      schema: {
        tags: ['admin'],
        summary: '重新推送一条推送失败的记录（记入审计）',
        params: { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 300 } } },
        response: { 200: summaryView, ...errors },
      },
    },
    async (request) => {
      const res = await retryExchange(platform, requireUser(request).id, request.params.id);
      if (!res.ok) throw httpFail(res.error);
      return exchangeSummary(res.value, endpoints());
    },
  );
};

export default exchange;
