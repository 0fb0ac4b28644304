// 评分表 (D4, D5): experts (role expert) read their running sessions' candidates and fill their own sheets; the
// committee office sees per candidate only how many sheets are in and clicks 汇总. Another person's sheet is a 404.
import type { FastifyPluginAsync } from 'fastify';
import type { DomainError, Result } from '../../domain/result.js';
import { getSheet, myScoring, saveSheet, scoringProgress, summarise } from '../../runtime/committees/score-sheets.js';
import { scoringFields } from '../../runtime/committees/scoring-fields.js';
import { httpFail } from '../errors.js';
import { requireUser } from './access.js';
import { errorResponses } from './auth-schemas.js';

const id = { type: 'string', minLength: 1, maxLength: 300, pattern: '\\S' } as const;
const anyObject = { type: 'object', additionalProperties: true } as const;
const err = { $ref: 'Error#' } as const;
const responses = { 200: anyObject, 404: err, ...errorResponses } as const;
const scores = { type: 'object', maxProperties: 40, propertyNames: { pattern: '^[A-Za-z][A-Za-z0-9_]*$', maxLength: 64 }, additionalProperties: { type: ['number', 'null'] } } as const;

const NOT_FOUND = new Set(['scoreSheet.not_found', 'session.not_found', 'application.not_found', 'task.not_found']);
const CONFLICT = new Set(['scoreSheet.closed', 'scoreSheet.submitted', 'scoreSheet.conflict', 'scoreSheet.incomplete', 'scoreSheet.none', 'task.conflict', 'committee.filing_expired', 'campaign.ended']);
const statusOf = (e: DomainError): number => (NOT_FOUND.has(e.code) ? 404 : CONFLICT.has(e.code) ? 409 : 422);
function unwrap<T>(r: Result<T>): T {
  if (r.ok) return r.value;
  throw httpFail(r.error, statusOf(r.error));
}

const scoreSheets: FastifyPluginAsync = async (app) => {
  const p = app.platform;
  const office = ['committeeClerk', 'admin'] as const;

  app.get<{ Querystring: { seriesKey: string } }>('/api/score-sheets/fields', {
    config: { policy: office },
    schema: {
      tags: ['score-sheets'],
      summary: '评分表可填入的评分项：该系列评分环节表单中的数值字段（标题、分值范围）',
      querystring: { type: 'object', additionalProperties: false, required: ['seriesKey'], properties: { seriesKey: id } },
      response: { 200: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: anyObject } } }, ...errorResponses },
    },
  }, async (request) => ({ items: await scoringFields(p, request.query.seriesKey) }));

  app.get('/api/score-sheets/mine', {
    config: { policy: ['expert'] },
    schema: {
      tags: ['score-sheets'],
      summary: '我的评分：本人作为出席专家参加、正在评审中的会议，评分表与待评分的申报（申报人、申报职称、本人的评分）',
      response: { 200: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: anyObject } } }, ...errorResponses },
    },
  }, async (request) => ({ items: await myScoring(p, requireUser(request)) }));

  app.get<{ Params: { id: string } }>('/api/score-sheets/:id', {
    config: { policy: ['expert'] },
    schema: { tags: ['score-sheets'], summary: '本人的一份评分表（他人的评分表：不存在）', params: { type: 'object', required: ['id'], properties: { id } }, response: responses },
  }, async (request) => unwrap(await getSheet(p, requireUser(request), request.params.id)));

  app.put<{ Params: { id: string; applicationId: string }; Body: { scores: Record<string, unknown>; submit?: boolean } }>('/api/sessions/:id/score-sheets/:applicationId', {
    config: { policy: ['expert'] },
    schema: {
      tags: ['score-sheets'],
      summary: '保存或提交本人对一位申报人的评分表（提交后不能修改）',
      params: { type: 'object', required: ['id', 'applicationId'], properties: { id, applicationId: id } },
      body: { type: 'object', additionalProperties: false, required: ['scores'], properties: { scores, submit: { type: 'boolean' } } },
      response: responses,
    },
  }, async (request) => unwrap(await saveSheet(p, requireUser(request), request.params.id, request.params.applicationId, { scores: request.body.scores, submit: request.body.submit === true })));

  app.get<{ Params: { id: string } }>('/api/sessions/:id/scoring', {
    config: { policy: office },
    schema: {
      tags: ['score-sheets'],
      summary: '评分进度（评委会办事机构）：每位申报人已提交的评分表份数与出席专家人数，不含任何分数',
      params: { type: 'object', required: ['id'], properties: { id } },
      response: responses,
    },
  }, async (request) => unwrap(await scoringProgress(p, requireUser(request), request.params.id)));

  app.post<{ Params: { id: string; applicationId: string }; Body: { close?: boolean; fields?: Record<string, number> } }>('/api/sessions/:id/scoring/:applicationId/summarise', {
    config: { policy: office },
    schema: {
      tags: ['score-sheets'],
      summary: '汇总：各项平均分（按评分表去掉最高分和最低分）填入该申报的评分环节；close：未全部提交时结束评分并汇总；fields：评分表以外的评分项（如民主测评）',
      params: { type: 'object', required: ['id', 'applicationId'], properties: { id, applicationId: id } },
      body: { type: 'object', additionalProperties: false, properties: { close: { type: 'boolean' }, fields: { type: 'object', maxProperties: 40, propertyNames: { pattern: '^[A-Za-z][A-Za-z0-9_]*$', maxLength: 64 }, additionalProperties: { type: 'number' } } } },
      response: responses,
    },
  }, async (request) => unwrap(await summarise(p, requireUser(request), request.params.id, request.params.applicationId, { close: request.body?.close === true, fields: request.body?.fields ?? {} })));
};

export default scoreSheets;
