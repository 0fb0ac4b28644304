// 备案材料 (F6, G2) of a review session: the committee office assembles and submits it, the administrator (自治区人社厅)
// approves (核准备案) or returns senior results; 纪检监察 read. A session of another office is a 404.
import multipart from '@fastify/multipart';
import type { FastifyPluginAsync } from 'fastify';
import type { DomainError, Result } from '../../domain/result.js';
import { approveFiling, createFiling, generateFilingDocuments, getFiling, listFilings, returnFiling, submitFiling, uploadFilingFile, viewOfFiling, type FilingRecord } from '../../runtime/committees/filing-package.js';
import { httpFail } from '../errors.js';
import { sendStoredFile, uploadedFile } from '../session-files.js';
import { requireUser } from './access.js';
import { errorResponses } from './auth-schemas.js';

const id = { type: 'string', minLength: 1, maxLength: 120, pattern: '\\S' } as const;
const idParams = { type: 'object', additionalProperties: false, required: ['id'], properties: { id } } as const;
const anyObject = { type: 'object', additionalProperties: true } as const;
const err = { $ref: 'Error#' } as const;
const responses = { 200: anyObject, 404: err, ...errorResponses } as const;
const ITEM_KEYS = ['report', 'roster', 'commitmentLetter', 'publicityRecord'] as const;

const CONFLICT = new Set(['filing.conflict', 'filing.locked', 'filing.not_submitted', 'filing.publicity_open', 'filing.no_results', 'filing.no_publicity']);
const statusOf = (e: DomainError): number =>
  e.code === 'session.not_found' || e.code === 'filing.not_found' ? 404 : CONFLICT.has(e.code) ? 409 : e.code.startsWith('materials.') ? 415 : 422;
function unwrap<T>(r: Result<T>): T {
  if (r.ok) return r.value;
  throw httpFail(r.error, statusOf(r.error));
}

const filingPackages: FastifyPluginAsync = async (app) => {
  const p = app.platform;
  const office = ['committeeClerk', 'admin'] as const;
  const readers = ['committeeClerk', 'admin', 'supervisor'] as const;
  await app.register(multipart, { limits: { fileSize: 20 * 1_048_576, files: 1, fields: 2 } });
  const view = (rec: FilingRecord) => viewOfFiling(p, rec);

  app.get<{ Querystring: { awaiting?: boolean } }>('/api/filing-packages', {
    config: { policy: readers },
    schema: {
      tags: ['filing'],
      summary: '备案材料列表；awaiting：只列待核准的备案（管理员）',
      querystring: { type: 'object', additionalProperties: false, properties: { awaiting: { type: 'boolean' } } },
      response: { 200: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: anyObject } } }, ...errorResponses },
    },
  }, async (request) => ({ items: await listFilings(p, requireUser(request), { awaiting: request.query.awaiting === true }) }));

  app.get<{ Params: { id: string } }>('/api/sessions/:id/filing', {
    config: { policy: readers },
    schema: { tags: ['filing'], summary: '评审会议的备案材料（尚未建立时 package 为 null）', params: idParams, response: responses },
  }, async (request) => {
    const rec = unwrap(await getFiling(p, requireUser(request), request.params.id));
    return { package: rec ? await view(rec) : null };
  });

  app.post<{ Params: { id: string } }>('/api/sessions/:id/filing', {
    config: { policy: office },
    schema: { tags: ['filing'], summary: '建立备案材料（结果公示期满后；期限为公示结束后一个月）', params: idParams, response: { ...responses, 201: anyObject } },
  }, async (request, reply) => reply.status(201).send(await view(unwrap(await createFiling(p, requireUser(request), request.params.id)))));

  app.post<{ Params: { id: string; key: string } }>('/api/sessions/:id/filing/files/:key', {
    config: { policy: office },
    schema: {
      tags: ['filing'],
      summary: '上传评审工作报告或承诺书（PDF、图片或 Word）',
      consumes: ['multipart/form-data'],
      params: { type: 'object', additionalProperties: false, required: ['id', 'key'], properties: { id, key: { type: 'string', enum: ['report', 'commitmentLetter'] } } },
      response: { ...responses, 413: err, 415: err },
    },
  }, async (request) => {
    const file = await uploadedFile(request);
    return view(unwrap(await uploadFilingFile(p, requireUser(request), request.params.id, request.params.key, file)));
  });

  app.post<{ Params: { id: string } }>('/api/sessions/:id/filing/generate', {
    config: { policy: office },
    schema: { tags: ['filing'], summary: '生成通过人员花名册与公示情况及投诉处理记录（xlsx）', params: idParams, response: responses },
  }, async (request) => view(unwrap(await generateFilingDocuments(p, requireUser(request), request.params.id))));

  app.get<{ Params: { id: string; key: string } }>('/api/sessions/:id/filing/files/:key', {
    config: { policy: readers },
    schema: {
      tags: ['filing'],
      summary: '下载备案材料的一项（通过人员花名册为 xlsx）',
      params: { type: 'object', additionalProperties: false, required: ['id', 'key'], properties: { id, key: { type: 'string', enum: [...ITEM_KEYS] } } },
      response: { 404: err },
    },
  }, async (request, reply) => {
    const rec = unwrap(await getFiling(p, requireUser(request), request.params.id));
    const hash = rec?.body.files[request.params.key as (typeof ITEM_KEYS)[number]];
    return sendStoredFile(p.store, reply, hash, { code: 'filing.file_missing', message: '该材料尚未上传或生成' });
  });

  app.post<{ Params: { id: string } }>('/api/sessions/:id/filing/submit', {
    config: { policy: office },
    schema: { tags: ['filing'], summary: '提交备案（四项材料齐全；中级及以下结果提交即备案）', params: idParams, response: responses },
  }, async (request) => view(unwrap(await submitFiling(p, requireUser(request), request.params.id))));

  app.post<{ Params: { id: string } }>('/api/sessions/:id/filing/approve', {
    config: { policy: ['admin'] },
    schema: { tags: ['filing'], summary: '核准备案（并推送数据交换）', params: idParams, response: responses },
  }, async (request) => view(unwrap(await approveFiling(p, requireUser(request), request.params.id))));

  app.post<{ Params: { id: string }; Body: { reason: string } }>('/api/sessions/:id/filing/return', {
    config: { policy: ['admin'] },
    schema: {
      tags: ['filing'],
      summary: '退回备案材料（须填写原因）',
      params: idParams,
      body: { type: 'object', additionalProperties: false, required: ['reason'], properties: { reason: { type: 'string', minLength: 1, maxLength: 500, pattern: '\\S' } } },
      response: responses,
    },
  }, async (request) => view(unwrap(await returnFiling(p, requireUser(request), request.params.id, request.body.reason))));
};

export default filingPackages;
