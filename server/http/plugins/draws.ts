// 随机抽取评审专家: the committee office draws a session's experts and replaces one from the reserves; the office and
// 纪检监察 read the draws and 复核 them. Anyone else is told a draw does not exist (404), never that it is hidden.
import type { FastifyPluginAsync } from 'fastify';
import type { DrawRequest } from '../../domain/committee-work/draw.js';
import { drawOptions, getDrawView, listDrawViews, replayDraw } from '../../runtime/committees/draw-views.js';
import { committeePool, drawForSession, replaceFromReserve } from '../../runtime/committees/draws.js';
import { httpFail } from '../errors.js';
import { requireUser } from './access.js';
import { errorResponses } from './auth-schemas.js';

const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max }) as const;
const anyObject = { type: 'object', additionalProperties: true } as const;
const notFound = { 404: { $ref: 'Error#' } } as const;
const drawOut = { 200: { type: 'object', required: ['draw'], properties: { draw: anyObject } }, ...notFound, ...errorResponses } as const;
const status = (code: string) => (code.endsWith('not_found') ? 404 : /conflict|superseded|started|confirmed/.test(code) ? 409 : 422);
const policy = 'user' as const;

const draws: FastifyPluginAsync = async (app) => {
  const { store, clock, definitions } = app.platform;
  const deps = { store, clock, definitions };

  app.post<{ Params: { id: string }; Body: DrawRequest }>('/api/sessions/:id/draws', {
    config: { policy },
    schema: {
      tags: ['committee-work'],
      summary: '为评审会议随机抽取评审专家（评委会办事机构）：回避本单位与申报回避的专家、不得连任者和停用者；记录种子与结果',
      params: { type: 'object', required: ['id'], properties: { id: text(120) } },
      body: {
        type: 'object',
        additionalProperties: false,
        required: ['specialties', 'members', 'reserves'],
        properties: {
          specialties: { type: 'array', maxItems: 100, items: text(120), description: '评委会的专业；空：不限专业' },
          members: { type: 'integer', minimum: 1, maximum: 99 },
          reserves: { type: 'integer', minimum: 0, maximum: 99 },
        },
      },
      response: { 201: drawOut[200], ...notFound, ...errorResponses },
    },
  }, async (request, reply) => {
    const res = await drawForSession(deps, requireUser(request), request.params.id, request.body);
    if (!res.ok) throw httpFail(res.error, status(res.error.code));
    const shown = await getDrawView(deps, requireUser(request), res.value.id);
    if (!shown.ok) throw httpFail(shown.error, 404);
    return reply.status(201).send({ draw: shown.value });
  });

  app.post<{ Params: { id: string; drawId: string }; Body: { expertId: string; reason: string } }>('/api/sessions/:id/draws/:drawId/replace', {
    config: { policy },
    schema: {
      tags: ['committee-work'],
      summary: '评审专家不能参加（回避、请假、缺席）时由下一位备选专家替补，记录原因',
      params: { type: 'object', required: ['id', 'drawId'], properties: { id: text(120), drawId: text(120) } },
      body: { type: 'object', additionalProperties: false, required: ['expertId', 'reason'], properties: { expertId: text(120), reason: text(200) } },
      response: drawOut,
    },
  }, async (request) => {
    const user = requireUser(request);
    const res = await replaceFromReserve(deps, user, request.params.id, request.params.drawId, request.body);
    if (!res.ok) throw httpFail(res.error, status(res.error.code));
    const shown = await getDrawView(deps, user, res.value.id);
    if (!shown.ok) throw httpFail(shown.error, 404);
    return { draw: shown.value };
  });

  app.get<{ Querystring: { committee?: string; session?: string } }>('/api/draws', {
    config: { policy },
    schema: {
      tags: ['committee-work'],
      summary: '专家抽取记录（评委会办事机构与纪检监察可见），新的在前',
      querystring: { type: 'object', additionalProperties: false, properties: { committee: text(120), session: text(120) } },
      response: { 200: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: anyObject } } }, ...errorResponses },
    },
  }, async (request) => ({ items: await listDrawViews(deps, requireUser(request), request.query) }));

  const idParams = { type: 'object', required: ['id'], properties: { id: text(120) } } as const;
  app.get<{ Params: { id: string } }>('/api/draws/:id', {
    config: { policy },
    schema: { tags: ['committee-work'], summary: '一次专家抽取：种子、候选人数、抽中与备选专家、回避名单及原因、替补记录', params: idParams, response: drawOut },
  }, async (request) => {
    const res = await getDrawView(deps, requireUser(request), request.params.id);
    if (!res.ok) throw httpFail(res.error, 404);
    return { draw: res.value };
  });

  app.get<{ Params: { id: string } }>('/api/draws/:id/replay', {
    config: { policy },
    schema: {
      tags: ['committee-work'],
      summary: '复核：用记录的种子和候选名单重新抽取，与记录的结果比较（一致／不一致）',
      params: idParams,
      response: {
        200: {
          type: 'object',
          required: ['consistent', 'verdict', 'members', 'reserves'],
          properties: { consistent: { type: 'boolean' }, verdict: { type: 'string' }, members: { type: 'array', items: { type: 'string' } }, reserves: { type: 'array', items: { type: 'string' } } },
        },
        ...notFound,
        ...errorResponses,
      },
    },
  }, async (request) => {
    const res = await replayDraw(deps, requireUser(request), request.params.id);
    if (!res.ok) throw httpFail(res.error, 404);
    return res.value;
  });

  app.get<{ Params: { id: string } }>('/api/committees/:id/draw-options', {
    config: { policy },
    schema: {
      tags: ['committee-work'],
      summary: '抽取专家的选项：本评委会的专业（名称）、惯常的评委与备选人数、专家库人数（评委会办事机构）',
      params: idParams,
      response: {
        200: {
          type: 'object',
          required: ['specialties', 'members', 'reserves', 'poolSize'],
          properties: {
            specialties: { type: 'array', items: { type: 'object', properties: { key: { type: 'string' }, name: { type: 'string' } } } },
            members: { type: 'integer' },
            reserves: { type: 'integer' },
            poolSize: { type: 'integer' },
          },
        },
        ...notFound,
        ...errorResponses,
      },
    },
  }, async (request) => {
    const res = await drawOptions(deps, requireUser(request), request.params.id, async (id) => (await committeePool(deps, id)).length);
    if (!res.ok) throw httpFail(res.error, 404);
    return res.value;
  });
};

export default draws;
