// For the people who edit a flow (an administrator or the owning department's flow editor): how many applications
// in flight stay on each version, what changed between two versions, and the lists the modeler's dropdowns offer.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { CommitteeList, LevelDefinition, TemplateDefinition } from '../../domain/schema-types.gen.js';
import { diffFlows } from '../../domain/workflow/diff.js';
import { HttpError, notFound } from '../errors.js';
import { currentOwner, mayEditFlow } from '../flow-ownership.js';
import { requireUser } from './access.js';

const editors = ['admin', 'flowEditor'] as const;
const keyParams = {
  type: 'object',
  required: ['key'],
  properties: { key: { type: 'string', minLength: 1, maxLength: 120, pattern: '^[A-Za-z0-9_.-]+$' } },
} as const;
const errors = { 401: { $ref: 'Error#' }, 403: { $ref: 'Error#' }, 404: { $ref: 'Error#' } };

/** the in-flight counts of one flow: GET /api/workflows/:key/in-flight */
export const inFlightSchema = {
  $id: 'WorkflowInFlight',
  title: 'WorkflowInFlight',
  description: '某评审流程各版本上仍在办理的申报数（发布新版本后，它们保持原版本）',
  type: 'object',
  additionalProperties: false,
  required: ['key', 'items', 'total'],
  properties: {
    key: { type: 'string' },
    latestVersion: { type: 'integer', minimum: 1, description: '最新发布版本；未发布时没有' },
    total: { type: 'integer', minimum: 0 },
    items: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['version', 'count'],
        properties: { version: { type: 'integer', minimum: 1 }, count: { type: 'integer', minimum: 0 } },
      },
    },
  },
} as const;

const elementDiff = {
  type: 'object',
  required: ['id', 'name', 'type', 'typeLabel'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    type: { type: 'string' },
    typeLabel: { type: 'string' },
    changes: {
      type: 'array',
      items: { type: 'object', required: ['field', 'label'], properties: { field: { type: 'string' }, label: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } } },
    },
  },
} as const;

async function assertOwnsFlow(request: FastifyRequest, key: string): Promise<void> {
  const user = requireUser(request);
  const { store } = request.server.platform;
  const exists = (await store.getDefinition('workflow', key, 'latest')) ?? (await store.getDefinition('workflow', key, 'draft'));
  if (!exists) throw notFound(`评审流程 ${key} `);
  if (!mayEditFlow(user, await currentOwner(request, key))) throw new HttpError(403, 'auth.forbidden', '只能查看本部门的评审流程');
}

interface JsonSchemaLike {
  title?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchemaLike>;
}

/** the conclusions a decision form offers: the enum (or const) of its decision field */
function conclusionsOf(form: JsonSchemaLike): { value: string; label?: string }[] {
  for (const field of ['decision', 'vote']) {
    const p = form.properties?.[field];
    if (!p) continue;
    if (Array.isArray(p.enum)) return p.enum.map((v) => ({ value: String(v) }));
    if (p.const !== undefined) return [{ value: String(p.const), ...(p.title ? { label: p.title } : {}) }];
  }
  return [];
}

const flowVersions: FastifyPluginAsync = async (app) => {
  const { store } = app.platform;

  app.get<{ Params: { key: string } }>(
    '/api/workflows/:key/in-flight',
    {
      config: { policy: editors },
      schema: { tags: ['definitions'], summary: '各版本在途申报数（管理员与负责部门的流程编辑）', params: keyParams, response: { 200: inFlightSchema, ...errors } },
    },
    async (request) => {
      const { key } = request.params;
      await assertOwnsFlow(request, key);
      const [items, latest] = await Promise.all([store.countInFlight(key), store.getDefinition('workflow', key, 'latest')]);
      return { key, ...(latest ? { latestVersion: latest.version } : {}), total: items.reduce((n, i) => n + i.count, 0), items };
    },
  );

  app.get<{ Params: { key: string }; Querystring: { from: number; to: number } }>(
    '/api/workflows/:key/diff',
    {
      config: { policy: editors },
      schema: {
        tags: ['definitions'],
        summary: '两个版本之间的差异：新增、删除、修改的元素（to=0 为当前草稿）',
        params: keyParams,
        querystring: {
          type: 'object',
          required: ['from', 'to'],
          properties: { from: { type: 'integer', minimum: 0 }, to: { type: 'integer', minimum: 0 } },
        },
        response: {
          200: {
            type: 'object',
            required: ['from', 'to', 'added', 'removed', 'changed'],
            properties: {
              from: { type: 'integer' },
              to: { type: 'integer' },
              added: { type: 'array', items: elementDiff },
              removed: { type: 'array', items: elementDiff },
              changed: { type: 'array', items: elementDiff },
            },
          },
          ...errors,
          422: { $ref: 'Error#' },
        },
      },
    },
    async (request) => {
      const { key } = request.params;
      const { from, to } = request.query;
      await assertOwnsFlow(request, key);
      const xmlOf = async (v: number) => {
        const rec = await app.platform.definitions.get<{ xml?: string }>('workflow', key, v === 0 ? 'draft' : v);
        if (typeof rec?.body?.xml !== 'string') throw notFound(v === 0 ? `评审流程 ${key} 的草稿` : `评审流程 ${key} 第 ${v} 版`);
        return rec.body.xml;
      };
      const [a, b] = await Promise.all([xmlOf(from), xmlOf(to)]);
      try {
        return { from, to, ...(await diffFlows(a, b)) };
      } catch {
        throw new HttpError(422, 'bpmn.parse_error', '流程图无法解析，不能比较：请先校验草稿');
      }
    },
  );

  app.get<{ Params: { key: string } }>(
    '/api/workflows/:key/catalog',
    {
      config: { policy: editors },
      schema: { tags: ['definitions'], summary: '流程设计器的下拉选项：机构（按名称）、评委会、使用此流程的层级的决定表单与结论', params: keyParams, response: errors },
    },
    async (request) => {
      const { key } = request.params;
      const user = requireUser(request);
      // a new flow has no owner yet: its editor may still fill its dropdowns
      const owner = await currentOwner(request, key);
      if (owner !== undefined && !mayEditFlow(user, owner)) throw new HttpError(403, 'auth.forbidden', '只能查看本部门的评审流程');
      const orgs = await store.listOrgs();
      const names = new Map(orgs.map((o) => [o.id, o.name]));
      const committees = (await store.getDefinition<CommitteeList>('committees', 'committees', 'latest'))?.body.committees ?? [];
      // the decision forms of the levels that use this flow (of every level while none does yet)
      const levels: { title: string; uses: boolean; decisions: Record<string, JsonSchemaLike> }[] = [];
      for (const s of await store.listDefinitions('level')) {
        const rec = await store.getDefinition<LevelDefinition>('level', s.key, 'latest');
        if (!rec) continue;
        const wf = rec.body.workflow;
        const uses = wf.key === key || Object.values(wf.byChannel ?? {}).includes(key);
        levels.push({ title: rec.body.title, uses, decisions: (rec.body.decisions ?? {}) as Record<string, JsonSchemaLike> });
      }
      const using = levels.filter((l) => l.uses);
      const forms = new Map<string, { key: string; title: string; conclusions: { value: string; label?: string }[]; levels: string[] }>();
      for (const l of using.length ? using : levels) {
        for (const [formKey, schema] of Object.entries(l.decisions)) {
          const f = forms.get(formKey) ?? { key: formKey, title: schema.title ?? schema.properties?.decision?.title ?? formKey, conclusions: conclusionsOf(schema), levels: [] };
          if (!f.levels.includes(l.title)) f.levels.push(l.title);
          forms.set(formKey, f);
        }
      }
      // 发送通知 picks its words from the notification templates (notify-*), by name
      const notifyTemplates: { key: string; name: string }[] = [];
      for (const s of await store.listDefinitions('template')) {
        if (!s.key.startsWith('notify-')) continue;
        const rec = await store.getDefinition<TemplateDefinition>('template', s.key, 'latest');
        if (rec?.body.name) notifyTemplates.push({ key: s.key, name: rec.body.name });
      }
      return {
        orgs: orgs.map((o) => ({ id: o.id, name: o.name, ...(o.parentId && names.get(o.parentId) ? { parentName: names.get(o.parentId) } : {}) })),
        committees: committees.map((c) => ({ id: c.id, name: c.name })),
        levelsUsingFlow: using.map((l) => l.title),
        decisionForms: [...forms.values()],
        notifyTemplates,
      };
    },
  );
};

export default flowVersions;
