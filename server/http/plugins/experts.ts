// 专家库 for committee offices (committeeClerk of the committee's office) and administrators: the pool of a committee,
// add / edit / years served / 回避 / 停用. A committee not run by the caller's office is a 404 (runtime/committees/experts.ts).
import type { FastifyPluginAsync } from 'fastify';
import {
  addExpert,
  conflictApplicants,
  declareConflict,
  editExpert,
  listExperts,
  managedCommittees,
  visibleCommittees,
  poolChoices,
  removeConflict,
  setExpertActive,
  type ConflictInput,
  type ExpertInput,
} from '../../runtime/committees/experts.js';
import { EXPERT_IMPORT_LIMITS, importExperts } from '../../runtime/committees/expert-import.js';
import { httpFail } from '../errors.js';
import { requireUser } from './access.js';
import { errorResponses } from './auth-schemas.js';

const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max, pattern: '\\S' }) as const;
const optText = (max: number) => ({ type: 'string', maxLength: max }) as const;
const id = text(120);
const expertFields = {
  name: text(50),
  specialties: { type: 'array', minItems: 1, maxItems: 20, items: id },
  title: text(50),
  unitName: text(100),
  unitOrgId: optText(120),
  region: optText(120),
  phone: { type: 'string', maxLength: 20, pattern: '^(|[0-9+\\- ]{5,20})$' },
  email: { type: 'string', maxLength: 100, pattern: '^(|[^@\\s]+@[^@\\s]+\\.[^@\\s]+)$' },
  userId: optText(120),
  serviceYears: { type: 'array', maxItems: 60, items: { type: 'integer', minimum: 1980, maximum: 2100 } },
} as const;
const expertBody = { type: 'object', additionalProperties: false, required: ['name', 'specialties', 'title', 'unitName'], properties: expertFields } as const;
const committeeParams = { type: 'object', required: ['id'], properties: { id } } as const;
const expertParams = { type: 'object', required: ['id', 'expertId'], properties: { id, expertId: id } } as const;
const written = { 200: { type: 'object', required: ['id', 'version'], properties: { id: { type: 'string' }, version: { type: 'integer' } } }, 404: { $ref: 'Error#' }, ...errorResponses } as const;
const anyObject = { type: 'object', additionalProperties: true } as const;

const experts: FastifyPluginAsync = async (app) => {
  const { store, clock } = app.platform;
  const deps = { store, clock };
  const policy = ['committeeClerk', 'admin'] as const;

  app.get('/api/committee-office/committees', {
    config: { policy: ['committeeClerk', 'admin', 'supervisor'] },
    schema: {
      tags: ['experts'],
      summary: '评委会工作可选的评委会：本人所在办事机构负责的；管理员与纪检监察：全部。canManage 表示可维护其专家库',
      response: { 200: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: { type: 'object', required: ['id', 'name'], properties: { id: { type: 'string' }, name: { type: 'string' }, selfReview: { type: 'boolean' }, canManage: { type: 'boolean' }, appointment: anyObject } } } } }, ...errorResponses },
    },
  }, async (request) => {
    const user = requireUser(request);
    const items = await visibleCommittees(deps, user);
    const managed = new Set((await managedCommittees(deps, user)).map((c) => c.id));
    return { items: items.map((c) => ({ id: c.id, name: c.name, selfReview: (c.scope.units?.length ?? 0) > 0, canManage: managed.has(c.id), appointment: c.appointment ?? {} })) };
  });

  app.get<{ Params: { id: string }; Querystring: { specialty?: string; q?: string; page?: number; year?: number } }>('/api/committees/:id/experts', {
    config: { policy },
    schema: {
      tags: ['experts'],
      summary: '评委会专家库（按专业、姓名或单位筛选，分页）；F4 按 year 年度判断，默认今年',
      params: committeeParams,
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: { specialty: optText(120), q: optText(50), page: { type: 'integer', minimum: 1, maximum: 1000 }, year: { type: 'integer', minimum: 1980, maximum: 2100 } },
      },
      response: {
        200: { type: 'object', required: ['total', 'page', 'pageSize', 'year', 'items'], properties: { total: { type: 'integer' }, page: { type: 'integer' }, pageSize: { type: 'integer' }, year: { type: 'integer' }, items: { type: 'array', items: anyObject } } },
        404: { $ref: 'Error#' },
        ...errorResponses,
      },
    },
  }, async (request) => {
    const res = await listExperts(deps, requireUser(request), request.params.id, request.query);
    if (!res.ok) throw httpFail(res.error);
    return res.value;
  });

  app.post<{ Params: { id: string }; Body: ExpertInput }>('/api/committees/:id/experts', {
    config: { policy },
    schema: { tags: ['experts'], summary: '新增专家到本评委会专家库', params: committeeParams, body: expertBody, response: { ...written, 201: written[200] } },
  }, async (request, reply) => {
    const res = await addExpert(deps, requireUser(request), request.params.id, request.body);
    if (!res.ok) throw httpFail(res.error);
    return reply.status(201).send(res.value);
  });

  app.put<{ Params: { id: string; expertId: string }; Body: ExpertInput & { version: number } }>('/api/committees/:id/experts/:expertId', {
    config: { policy },
    schema: {
      tags: ['experts'],
      summary: '修改专家信息及其在本评委会的任职年度；version 为读取时的版本',
      params: expertParams,
      body: { ...expertBody, required: [...expertBody.required, 'version'], properties: { ...expertFields, version: { type: 'integer', minimum: 1 } } },
      response: written,
    },
  }, async (request) => {
    const { version, ...input } = request.body;
    const res = await editExpert(deps, requireUser(request), request.params.id, request.params.expertId, input, version);
    if (!res.ok) throw httpFail(res.error);
    return res.value;
  });

  app.post<{ Params: { id: string; expertId: string }; Body: { reason: string } }>('/api/committees/:id/experts/:expertId/deactivate', {
    config: { policy },
    schema: { tags: ['experts'], summary: '停用专家（须说明原因）：保留历史，不再抽取', params: expertParams, body: { type: 'object', additionalProperties: false, required: ['reason'], properties: { reason: text(200) } }, response: written },
  }, async (request) => {
    const res = await setExpertActive(deps, requireUser(request), request.params.id, request.params.expertId, request.body.reason);
    if (!res.ok) throw httpFail(res.error);
    return res.value;
  });

  app.post<{ Params: { id: string; expertId: string } }>('/api/committees/:id/experts/:expertId/reactivate', {
    config: { policy },
    schema: { tags: ['experts'], summary: '重新启用专家', params: expertParams, response: written },
  }, async (request) => {
    const res = await setExpertActive(deps, requireUser(request), request.params.id, request.params.expertId, null);
    if (!res.ok) throw httpFail(res.error);
    return res.value;
  });

  app.post<{ Params: { id: string; expertId: string }; Body: ConflictInput }>('/api/committees/:id/experts/:expertId/conflicts', {
    config: { policy },
    schema: {
      tags: ['experts'],
      summary: '回避申报：选择一位申报人或一个单位，并说明原因',
      params: expertParams,
      body: { type: 'object', additionalProperties: false, required: ['reason'], properties: { applicationId: optText(120), orgId: optText(120), reason: text(200) } },
      response: written,
    },
  }, async (request) => {
    const res = await declareConflict(deps, requireUser(request), request.params.id, request.params.expertId, request.body);
    if (!res.ok) throw httpFail(res.error);
    return res.value;
  });

  app.delete<{ Params: { id: string; expertId: string; index: number } }>('/api/committees/:id/experts/:expertId/conflicts/:index', {
    config: { policy },
    schema: { tags: ['experts'], summary: '撤销一条回避申报', params: { type: 'object', required: ['id', 'expertId', 'index'], properties: { id, expertId: id, index: { type: 'integer', minimum: 0, maximum: 1000 } } }, response: written },
  }, async (request) => {
    const res = await removeConflict(deps, requireUser(request), request.params.id, request.params.expertId, request.params.index);
    if (!res.ok) throw httpFail(res.error);
    return res.value;
  });

  app.post<{ Params: { id: string }; Body: { file: string } }>('/api/committees/:id/experts/import', {
    config: { policy },
    // base64 of the largest accepted workbook, and a little room for the JSON around it
    bodyLimit: Math.ceil((EXPERT_IMPORT_LIMITS.bytes * 4) / 3) + 1024,
    schema: {
      tags: ['experts'],
      summary: '从 xlsx 导入专家（列：姓名、专业、职称、工作单位、所在盟市、手机、邮箱、担任评委年度）；任何一行有错则不导入，并逐行列出错误',
      params: committeeParams,
      body: { type: 'object', additionalProperties: false, required: ['file'], properties: { file: { type: 'string', minLength: 1, maxLength: Math.ceil((EXPERT_IMPORT_LIMITS.bytes * 4) / 3) + 4, pattern: '^[A-Za-z0-9+/=\\s]*$', description: 'xlsx 文件内容（base64）' } } },
      response: { 200: { type: 'object', required: ['created', 'updated'], properties: { created: { type: 'integer' }, updated: { type: 'integer' } } }, 404: { $ref: 'Error#' }, ...errorResponses },
    },
  }, async (request) => {
    const res = await importExperts(deps, requireUser(request), request.params.id, Buffer.from(request.body.file, 'base64'));
    if (!res.ok) throw httpFail(res.error);
    return res.value;
  });

  app.get<{ Params: { id: string } }>('/api/committees/:id/pool-choices', {
    config: { policy },
    schema: {
      tags: ['experts'],
      summary: '专家信息的可选项：本评委会的评审专业、机构（工作单位与盟市）、可关联的评审专家账号',
      params: committeeParams,
      response: {
        200: {
          type: 'object',
          required: ['specialties', 'orgs', 'accounts'],
          properties: {
            specialties: { type: 'array', items: { type: 'object', required: ['key', 'name'], properties: { key: { type: 'string' }, name: { type: 'string' } } } },
            orgs: { type: 'array', items: { type: 'object', required: ['id', 'name', 'kind'], properties: { id: { type: 'string' }, name: { type: 'string' }, kind: { type: 'string' }, parentId: { type: 'string' } } } },
            accounts: { type: 'array', items: { type: 'object', required: ['id', 'name'], properties: { id: { type: 'string' }, name: { type: 'string' } } } },
          },
        },
        404: { $ref: 'Error#' },
        ...errorResponses,
      },
    },
  }, async (request) => {
    const res = await poolChoices(deps, requireUser(request), request.params.id);
    if (!res.ok) throw httpFail(res.error);
    return res.value;
  });

  app.get<{ Params: { id: string }; Querystring: { q?: string } }>('/api/committees/:id/conflict-applicants', {
    config: { policy },
    schema: {
      tags: ['experts'],
      summary: '回避申报可选的申报人（本评委会的申报，按姓名查找）',
      params: committeeParams,
      querystring: { type: 'object', additionalProperties: false, properties: { q: optText(50) } },
      response: { 200: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: { type: 'object', required: ['applicationId', 'label'], properties: { applicationId: { type: 'string' }, label: { type: 'string' } } } } } }, 404: { $ref: 'Error#' }, ...errorResponses },
    },
  }, async (request) => {
    const res = await conflictApplicants(deps, requireUser(request), request.params.id, request.query.q ?? '');
    if (!res.ok) throw httpFail(res.error);
    return { items: res.value };
  });
};

export default experts;
