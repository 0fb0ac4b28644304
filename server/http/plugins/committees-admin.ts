// Committees one at a time for administrators: list, create, edit, deactivate. Each change publishes the next
// version of the `committees` definition through the normal checks (runtime/committees/committee-admin.ts).
import type { FastifyPluginAsync } from 'fastify';
import { listCommittees, saveCommittee, setCommitteeActive, type CommitteeInput } from '../../runtime/committees/committee-admin.js';
import { httpFail } from '../errors.js';
import { requireUser } from './access.js';
import { errorResponses } from './auth-schemas.js';

const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max }) as const;
const date = { type: 'string', format: 'date' } as const;
const ids = { type: 'array', maxItems: 500, items: text(120) } as const;
const committeeFields = {
  name: text(200),
  seriesKey: text(120),
  specialties: { type: 'array', maxItems: 100, items: text(120) },
  highestGrade: { type: 'string', enum: ['正高级', '副高级', '中级', '助理级', '员级'] },
  scope: { type: 'object', additionalProperties: false, properties: { regions: ids, units: ids } },
  filing: { type: 'object', additionalProperties: false, required: ['validFrom', 'validTo'], properties: { validFrom: date, validTo: date, number: { type: 'string', maxLength: 100 } } },
  officeOrgId: text(120),
  expertPoolId: { type: 'string', maxLength: 120 },
  // F9: a socialised committee's certificates say 全区范围内有效
  socialised: { type: 'boolean' },
  // D4: the scoring sheet each present expert fills (items fill the scoring form's fields)
  scoringSheet: {
    type: 'object',
    additionalProperties: false,
    required: ['name', 'items'],
    properties: {
      name: text(100),
      items: {
        type: 'array',
        maxItems: 20,
        items: { type: 'object', additionalProperties: false, required: ['field', 'label', 'weight', 'min', 'max'], properties: { field: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_]*$', maxLength: 64 }, label: text(100), weight: { type: 'number', minimum: 0, maximum: 100 }, min: { type: 'number' }, max: { type: 'number' } } },
      },
      dropHighLow: { type: 'boolean' },
    },
  },
  // D6: the groups a session's agenda is split into, each with its pass-rate cap
  groups: {
    type: 'array',
    maxItems: 10,
    items: { type: 'object', additionalProperties: false, required: ['kind', 'name', 'passRate'], properties: { kind: { type: 'string', enum: ['regular', 'grassroots', 'nonPublic', 'specialised'] }, name: text(20), passRate: { type: 'number', minimum: 0.01, maximum: 1 } } },
  },
  // F4: consecutive years, the 自主评审 external share, the session size the draw uses
  appointment: {
    type: 'object',
    additionalProperties: false,
    properties: {
      maxConsecutiveYears: { type: 'integer', minimum: 1, maximum: 10 },
      minExternalShare: { type: 'number', minimum: 0, maximum: 1 },
      sessionSize: { type: 'object', additionalProperties: false, required: ['members', 'reserves'], properties: { members: { type: 'integer', minimum: 1, maximum: 99 }, reserves: { type: 'integer', minimum: 0, maximum: 99 } } },
    },
  },
} as const;
const committeeBody = { type: 'object', additionalProperties: false, required: ['name', 'seriesKey', 'highestGrade', 'scope', 'filing', 'officeOrgId'], properties: committeeFields } as const;
const committeeOut = { type: 'object', additionalProperties: true } as const;
const saved = { 200: { type: 'object', required: ['committee', 'version'], properties: { committee: committeeOut, version: { type: 'integer' } } }, 404: { $ref: 'Error#' }, ...errorResponses } as const;
const idParams = { type: 'object', required: ['id'], properties: { id: text(120) } } as const;

const committeesAdmin: FastifyPluginAsync = async (app) => {
  const { store, clock, definitions } = app.platform;
  const deps = { store, clock, definitions };
  const policy = ['admin'] as const;
  const status = (code: string) => (code === 'committee.not_found' ? 404 : code === 'committee.conflict' || code === 'committee.already_deactivated' ? 409 : 422);

  app.get('/api/admin/committees', {
    config: { policy },
    schema: {
      tags: ['committees'],
      summary: '评委会列表（最新发布版；version 为编辑时要带回的版本）',
      response: { 200: { type: 'object', required: ['version', 'items'], properties: { version: { type: 'integer' }, items: { type: 'array', items: committeeOut } } }, ...errorResponses },
    },
  }, async () => listCommittees(deps));

  app.post<{ Body: CommitteeInput }>('/api/admin/committees', {
    config: { policy },
    schema: { tags: ['committees'], summary: '新建一个评委会（发布评委会名单的新版本）', body: committeeBody, response: { ...saved, 201: saved[200] } },
  }, async (request, reply) => {
    const res = await saveCommittee(deps, requireUser(request), { ...request.body, id: undefined }, null);
    if (!res.ok) throw httpFail(res.error, status(res.error.code));
    return reply.status(201).send(res.value);
  });

  app.put<{ Params: { id: string }; Body: CommitteeInput & { baseVersion: number } }>('/api/admin/committees/:id', {
    config: { policy },
    schema: {
      tags: ['committees'],
      summary: '修改一个评委会；baseVersion 是读取时的名单版本：其后他人改过同一评委会则拒绝，并说明由谁、何时修改',
      params: idParams,
      body: { ...committeeBody, required: [...committeeBody.required, 'baseVersion'], properties: { ...committeeFields, baseVersion: { type: 'integer', minimum: 1 } } },
      response: saved,
    },
  }, async (request) => {
    const { baseVersion, ...input } = request.body;
    const res = await saveCommittee(deps, requireUser(request), { ...input, id: request.params.id }, baseVersion);
    if (!res.ok) throw httpFail(res.error, status(res.error.code));
    return res.value;
  });

  for (const [path, active, summary] of [['deactivate', false, '停用评委会：保留历史，不再受理新的申报'], ['reactivate', true, '重新启用评委会']] as const) {
    app.post<{ Params: { id: string } }>(`/api/admin/committees/:id/${path}`, {
      config: { policy },
      schema: { tags: ['committees'], summary, params: idParams, response: saved },
    }, async (request) => {
      const res = await setCommitteeActive(deps, requireUser(request), request.params.id, active);
      if (!res.ok) throw httpFail(res.error, status(res.error.code));
      return res.value;
    });
  }
};

export default committeesAdmin;
