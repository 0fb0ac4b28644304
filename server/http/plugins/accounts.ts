// Staff accounts and their roles for administrators: search (never an ID number), grant and revoke one
// org- or committee-scoped role. Creating an account and disabling/enabling it are in admin.ts and
// admin-sessions.ts. Every change writes an audit record; it holds from the user's next request.
import type { FastifyPluginAsync } from 'fastify';
import { publicUser } from '../../auth/user-views.js';
import { grantRole, revokeRole, type GrantableRole } from '../../runtime/accounts/role-grants.js';
import { httpFail } from '../errors.js';
import { requireUser } from './access.js';
import { errorResponses, publicUserSchema } from './auth-schemas.js';

const GRANTABLE: GrantableRole[] = ['unitReviewer', 'competentReviewer', 'leagueReviewer', 'centreClerk', 'committeeClerk', 'expert', 'admin', 'flowEditor', 'supervisor'];
const grantBody = {
  type: 'object',
  additionalProperties: false,
  required: ['role', 'orgId'],
  properties: { role: { type: 'string', enum: GRANTABLE }, orgId: { type: 'string', minLength: 1, maxLength: 120, description: '机构 id；评审专家为评委会 id' } },
} as const;
const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 120 } } } as const;
const oneUser = { 200: { type: 'object', required: ['user'], properties: { user: publicUserSchema } }, 404: { $ref: 'Error#' }, ...errorResponses } as const;

const accounts: FastifyPluginAsync = async (app) => {
  const { store, clock, definitions } = app.platform;
  const deps = { store, clock, definitions };
  const policy = ['admin'] as const;
  const status = (code: string) => (code.endsWith('not_found') ? 404 : /conflict|already|not_granted/.test(code) ? 409 : 422);

  app.get<{ Querystring: { q?: string; role?: GrantableRole; orgId?: string; offset: number; limit: number } }>('/api/admin/accounts', {
    config: { policy },
    schema: {
      tags: ['accounts'],
      summary: '工作人员账号：按姓名或登录名搜索，按角色或任职机构筛选（不含身份证号）',
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: {
          q: { type: 'string', maxLength: 50 },
          role: { type: 'string', enum: GRANTABLE },
          orgId: { type: 'string', maxLength: 120 },
          offset: { type: 'integer', minimum: 0, default: 0 },
          limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
        },
      },
      response: { 200: { type: 'object', required: ['items', 'total'], properties: { items: { type: 'array', items: publicUserSchema }, total: { type: 'integer' } } }, ...errorResponses },
    },
  }, async (request) => {
    const { q, role, orgId, offset, limit } = request.query;
    const needle = q?.trim().toLowerCase() ?? '';
    const staff = (await store.listStaff())
      .filter((u) => u.kind === 'staff')
      .filter((u) => !needle || u.name.toLowerCase().includes(needle) || u.login.toLowerCase().includes(needle))
      .filter((u) => u.roles.some((r) => (!role || r.role === role) && (!orgId || r.orgId === orgId)) || (!role && !orgId))
      .sort((a, b) => a.login.localeCompare(b.login));
    return { items: staff.slice(offset, offset + limit).map(publicUser), total: staff.length };
  });

  app.post<{ Params: { id: string }; Body: { role: GrantableRole; orgId: string } }>('/api/admin/accounts/:id/roles', {
    config: { policy },
    schema: { tags: ['accounts'], summary: '授予一个角色（单位审核人、部门流程编辑、评审专家、评委会办事机构经办人、管理员等），从该用户的下一次请求起生效', params: idParams, body: grantBody, response: oneUser },
  }, async (request) => {
    const res = await grantRole(deps, requireUser(request), request.params.id, request.body);
    if (!res.ok) throw httpFail(res.error, status(res.error.code));
    return { user: publicUser(res.value) };
  });

  app.post<{ Params: { id: string }; Body: { role: GrantableRole; orgId: string } }>('/api/admin/accounts/:id/roles/revoke', {
    config: { policy },
    schema: { tags: ['accounts'], summary: '撤销一个角色，从该用户的下一次请求起生效（不能撤销自己的管理员角色）', params: idParams, body: grantBody, response: oneUser },
  }, async (request) => {
    const res = await revokeRole(deps, requireUser(request), request.params.id, request.body);
    if (!res.ok) throw httpFail(res.error, status(res.error.code));
    return { user: publicUser(res.value) };
  });
};

export default accounts;
