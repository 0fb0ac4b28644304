// The org tree for administrators: list as a tree, create, rename, move, post counts (D13), deactivate,
// and import from an xlsx template. Every change writes an audit record with before and after.
import type { FastifyPluginAsync } from 'fastify';
import { ORG_KINDS } from '../../domain/orgs/org-kinds.js';
import { buildTree } from '../../domain/orgs/org-tree.js';
import { importOrgs } from '../../runtime/orgs/org-import.js';
import { changeOrg, createOrg, deactivateOrg, reactivateOrg, type OrgChange, type OrgInput } from '../../runtime/orgs/org-admin.js';
import { IMPORT_LIMITS, orgTemplate, XLSX_MIME } from '../../runtime/orgs/org-xlsx.js';
import { httpFail } from '../errors.js';
import { requireUser } from './access.js';
import { errorResponses } from './auth-schemas.js';

const grades = { type: 'object', additionalProperties: false, properties: { 正高级: { type: 'integer', minimum: 0, maximum: 1000000 }, 副高级: { type: 'integer', minimum: 0, maximum: 1000000 }, 中级: { type: 'integer', minimum: 0, maximum: 1000000 }, 初级: { type: 'integer', minimum: 0, maximum: 1000000 } } } as const;
const ratio = { type: 'object', additionalProperties: false, properties: { 正高级: { type: 'number', minimum: 0, maximum: 100 }, 副高级: { type: 'number', minimum: 0, maximum: 100 }, 中级: { type: 'number', minimum: 0, maximum: 100 }, 初级: { type: 'number', minimum: 0, maximum: 100 } } } as const;
const posts = {
  type: 'object',
  additionalProperties: false,
  description: '岗位设置（D13）',
  properties: { year: { type: 'integer', minimum: 2000, maximum: 2100 }, total: { type: 'integer', minimum: 0, maximum: 1000000 }, byGrade: grades, ratio },
} as const;
const name = { type: 'string', minLength: 1, maxLength: 100 } as const;
const orgRef = { type: 'string', minLength: 1, maxLength: 120 } as const;
const code = { type: 'string', maxLength: 20 } as const;
// an org as stored (with its children in the tree): every field passes through
const orgOut = { type: 'object', additionalProperties: true } as const;
const idParams = { type: 'object', required: ['id'], properties: { id: orgRef } } as const;
const oneOrg = { 200: { type: 'object', required: ['org'], properties: { org: orgOut } }, 404: { $ref: 'Error#' }, ...errorResponses } as const;

const orgs: FastifyPluginAsync = async (app) => {
  const deps = { store: app.platform.store, clock: app.platform.clock };
  const policy = ['admin'] as const;

  app.get('/api/admin/orgs', {
    config: { policy },
    schema: { tags: ['orgs'], summary: '机构树（含已停用机构，标明停用）', response: { 200: { type: 'object', required: ['tree', 'count'], properties: { tree: { type: 'array', items: orgOut }, count: { type: 'integer' } } }, ...errorResponses } },
  }, async () => {
    const all = await deps.store.listOrgs();
    return { tree: buildTree(all), count: all.length };
  });

  app.post<{ Body: OrgInput }>('/api/admin/orgs', {
    config: { policy },
    schema: {
      tags: ['orgs'],
      summary: '新建机构',
      body: { type: 'object', additionalProperties: false, required: ['name', 'kind', 'parentId'], properties: { name, kind: { type: 'string', enum: ORG_KINDS }, parentId: orgRef, code, posts } },
      response: { 201: { type: 'object', required: ['org'], properties: { org: orgOut } }, ...errorResponses },
    },
  }, async (request, reply) => {
    const res = await createOrg(deps, requireUser(request), request.body);
    if (!res.ok) throw httpFail(res.error);
    return reply.status(201).send({ org: res.value });
  });

  app.put<{ Params: { id: string }; Body: OrgChange }>('/api/admin/orgs/:id', {
    config: { policy },
    schema: {
      tags: ['orgs'],
      summary: '修改机构：改名、移动到另一上级（不能移到自己的下级之下）、行政区划代码、岗位数',
      params: idParams,
      body: { type: 'object', additionalProperties: false, minProperties: 1, properties: { name, parentId: orgRef, code, posts } },
      response: oneOrg,
    },
  }, async (request) => {
    const res = await changeOrg(deps, requireUser(request), request.params.id, request.body);
    if (!res.ok) throw httpFail(res.error, res.error.code === 'org.cycle' ? 409 : undefined);
    return { org: res.value };
  });

  app.post<{ Params: { id: string }; Body: { reason?: string } }>('/api/admin/orgs/:id/deactivate', {
    config: { policy },
    schema: {
      tags: ['orgs'],
      summary: '停用机构：保留历史，不再供新申报选择；有未停用的下级机构或未办结的申报时拒绝',
      params: idParams,
      body: { type: 'object', additionalProperties: false, properties: { reason: { type: 'string', maxLength: 200 } } },
      response: oneOrg,
    },
  }, async (request) => {
    const res = await deactivateOrg(deps, requireUser(request), request.params.id, request.body?.reason?.trim());
    if (!res.ok) throw httpFail(res.error, res.error.code.startsWith('org.has_') || res.error.code === 'org.already_deactivated' ? 409 : undefined);
    return { org: res.value };
  });

  app.post<{ Params: { id: string } }>('/api/admin/orgs/:id/reactivate', {
    config: { policy },
    schema: { tags: ['orgs'], summary: '重新启用已停用的机构', params: idParams, response: oneOrg },
  }, async (request) => {
    const res = await reactivateOrg(deps, requireUser(request), request.params.id);
    if (!res.ok) throw httpFail(res.error);
    return { org: res.value };
  });

  app.get('/api/admin/orgs/template.xlsx', {
    config: { policy },
    schema: { tags: ['orgs'], summary: '下载机构导入模板（中文表头，机构类型为下拉列表）', response: { 200: { type: 'string', format: 'binary' }, ...errorResponses } },
  }, async (_request, reply) => {
    const bytes = await orgTemplate();
    return reply.type(XLSX_MIME).header('content-disposition', `attachment; filename="org-template.xlsx"; filename*=UTF-8''${encodeURIComponent('机构导入模板.xlsx')}`).send(bytes);
  });

  app.post<{ Body: { file: string } }>('/api/admin/orgs/import', {
    config: { policy },
    // base64 of the largest accepted workbook, and a little room for the JSON around it
    bodyLimit: Math.ceil((IMPORT_LIMITS.bytes * 4) / 3) + 1024,
    schema: {
      tags: ['orgs'],
      summary: '从 xlsx 导入机构（全部成功才导入；任何一行有错则不导入，并逐行列出错误）',
      body: { type: 'object', additionalProperties: false, required: ['file'], properties: { file: { type: 'string', minLength: 1, maxLength: Math.ceil((IMPORT_LIMITS.bytes * 4) / 3) + 4, pattern: '^[A-Za-z0-9+/=\\s]*$', description: 'xlsx 文件内容（base64）' } } },
      response: {
        200: { type: 'object', required: ['created', 'updated'], properties: { created: { type: 'integer' }, updated: { type: 'integer' } } },
        ...errorResponses,
      },
    },
  }, async (request) => {
    const res = await importOrgs(deps, requireUser(request), Buffer.from(request.body.file, 'base64'));
    if (!res.ok) throw httpFail(res.error);
    return { created: res.value.created.length, updated: res.value.updated.length };
  });
};

export default orgs;
