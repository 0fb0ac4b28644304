// Versioned definitions: list, read, save a draft, check, publish.
// Administrators manage every kind; a department flow editor only its own department's flows.
import type { FastifyPluginAsync } from 'fastify';
import { DEFINITION_KINDS, type DefinitionKind } from '../../store/port.js';
import { diffDefinition } from '../../domain/definitions/diff.js';
import { HttpError, httpFail, notFound } from '../errors.js';
import { assertMayEdit, assertMayRead, isAdmin, mayEditFlow } from '../flow-ownership.js';
import { requireUser } from './access.js';

const kindParam = { type: 'string', enum: [...DEFINITION_KINDS] } as const;
const params = {
  type: 'object',
  required: ['kind', 'key'],
  properties: { kind: kindParam, key: { type: 'string', minLength: 1, maxLength: 120, pattern: '^[A-Za-z0-9_.-]+$' } },
} as const;
const recordSchema = {
  type: 'object',
  properties: {
    kind: { type: 'string' },
    key: { type: 'string' },
    version: { type: 'integer' },
    status: { type: 'string' },
    body: {},
    hash: { type: 'string' },
    createdAt: { type: 'string' },
    createdBy: { type: 'string' },
  },
} as const;
const errors = { 401: { $ref: 'Error#' }, 403: { $ref: 'Error#' }, 404: { $ref: 'Error#' }, 422: { $ref: 'Error#' } };

interface KindKey {
  kind: DefinitionKind;
  key: string;
}

const definitions: FastifyPluginAsync = async (app) => {
  const editors = ['admin', 'flowEditor'] as const;
  const { definitions: defs, store } = app.platform;
  const definitionName = async (kind: DefinitionKind, key: string): Promise<{ name?: string }> => {
    const rec = (await store.getDefinition<{ name?: unknown; title?: unknown }>(kind, key, 'draft')) ?? (await store.getDefinition<{ name?: unknown; title?: unknown }>(kind, key, 'latest'));
    const name = rec?.body?.name ?? rec?.body?.title;
    return typeof name === 'string' && name ? { name } : {};
  };

  app.get<{ Querystring: { kind?: DefinitionKind } }>(
    '/api/definitions',
    {
      config: { policy: editors },
      schema: {
        tags: ['definitions'],
        summary: '定义列表（最新发布版本与是否有草稿）',
        querystring: { type: 'object', properties: { kind: kindParam } },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const admin = isAdmin(user);
      // a flow editor sees only workflows, and only its department's
      if (!admin && request.query.kind !== undefined && request.query.kind !== 'workflow') return { items: [] };
      const items = await store.listDefinitions(admin ? request.query.kind : 'workflow');
      // the designer lists and picks definitions by their Chinese names (a level by its title)
      if (admin && request.query.kind !== 'workflow') return { items: await Promise.all(items.map(async (item) => ({ ...item, ...(await definitionName(item.kind, item.key)) }))) };
      const orgNames = new Map((await store.listOrgs()).map((o) => [o.id, o.name]));
      const out = [];
      for (const item of items) {
        const rec = (await store.getDefinition<{ name?: string; ownerOrgId?: string }>('workflow', item.key, 'draft')) ?? (await store.getDefinition<{ name?: string; ownerOrgId?: string }>('workflow', item.key, 'latest'));
        const owner = rec?.body?.ownerOrgId;
        if (!mayEditFlow(user, owner)) continue;
        out.push({ ...item, ...(rec?.body?.name ? { name: rec.body.name } : {}), ...(owner ? { ownerOrgId: owner, ownerName: orgNames.get(owner) ?? owner } : {}) });
      }
      return { items: out };
    },
  );

  app.get<{ Params: KindKey }>(
    '/api/definitions/:kind/:key',
    { config: { policy: editors }, schema: { tags: ['definitions'], summary: '某定义的最新版本、草稿与版本历史', params, response: { 404: { $ref: 'Error#' } } } },
    async (request) => {
      const { kind, key } = request.params;
      await assertMayRead(request, requireUser(request), kind, key);
      const [latest, draft, versions] = await Promise.all([defs.get(kind, key, 'latest'), defs.get(kind, key, 'draft'), store.listVersions(kind, key)]);
      if (!latest && !draft) throw notFound(`定义 ${kind}/${key} `);
      // who published each version, by name (the seeds have no account)
      const names = new Map<string, string>();
      for (const by of new Set(versions.map((v) => v.createdBy))) {
        names.set(by, by.startsWith('system:') ? '初始配置' : ((await store.getUser(by))?.name ?? by));
      }
      const draftBy = draft?.createdBy;
      if (draftBy && !names.has(draftBy)) names.set(draftBy, draftBy.startsWith('system:') ? '初始配置' : ((await store.getUser(draftBy))?.name ?? draftBy));
      return {
        latest,
        draft,
        ...(draftBy ? { draftByName: names.get(draftBy) } : {}),
        versions: versions.map((v) => ({ version: v.version, hash: v.hash, createdAt: v.createdAt, createdBy: v.createdBy, createdByName: names.get(v.createdBy) })),
      };
    },
  );

  app.get<{ Params: KindKey & { version: number } }>(
    '/api/definitions/:kind/:key/versions/:version',
    {
      config: { policy: editors },
      schema: {
        tags: ['definitions'],
        summary: '某个已发布版本（不可变）',
        params: { ...params, required: [...params.required, 'version'], properties: { ...params.properties, version: { type: 'integer', minimum: 1 } } },
        response: { 200: recordSchema, 404: { $ref: 'Error#' } },
      },
    },
    async (request) => {
      const { kind, key, version } = request.params;
      await assertMayRead(request, requireUser(request), kind, key);
      const rec = await defs.get(kind, key, version);
      if (!rec) throw notFound(`${kind}/${key} 第 ${version} 版`);
      return rec;
    },
  );

  const versionRef = { type: 'string', pattern: '^([1-9][0-9]{0,8}|draft)$', description: '版本号，或 draft（当前草稿）' } as const;
  app.get<{ Params: KindKey; Querystring: { from: string; to: string } }>(
    '/api/definitions/:kind/:key/diff',
    {
      config: { policy: editors },
      schema: {
        tags: ['definitions'],
        summary: '两个版本（或版本与草稿）之间改了什么：逐条中文说明，如「申报表单 · 字段「学历」：必填 → 选填」',
        params,
        querystring: { type: 'object', required: ['from', 'to'], properties: { from: versionRef, to: versionRef } },
        response: {
          200: {
            type: 'object',
            required: ['from', 'to', 'lines'],
            properties: {
              from: { type: 'string' },
              to: { type: 'string' },
              lines: {
                type: 'array',
                items: { type: 'object', required: ['change', 'text'], properties: { change: { type: 'string', enum: ['added', 'removed', 'changed', 'moved'] }, text: { type: 'string' } } },
              },
            },
          },
          ...errors,
        },
      },
    },
    async (request) => {
      const { kind, key } = request.params;
      const { from, to } = request.query;
      await assertMayRead(request, requireUser(request), kind, key);
      const bodyOf = async (v: string) => {
        const rec = await defs.get(kind, key, v === 'draft' ? 'draft' : Number(v));
        if (!rec) throw notFound(v === 'draft' ? `${kind}/${key} 的草稿` : `${kind}/${key} 第 ${v} 版`);
        return rec.body;
      };
      const [a, b] = await Promise.all([bodyOf(from), bodyOf(to)]);
      try {
        return { from, to, lines: await diffDefinition(kind, a, b) };
      } catch {
        // only a flow's BPMN is parsed to compare it
        throw new HttpError(422, 'bpmn.parse_error', '流程图无法解析，不能比较：请先校验草稿');
      }
    },
  );

  app.put<{ Params: KindKey; Body: { body: unknown; baseHash?: string | null } }>(
    '/api/definitions/:kind/:key/draft',
    {
      config: { policy: editors },
      schema: {
        tags: ['definitions'],
        summary: '保存草稿（带 baseHash 时，若他人已保存了更新的草稿则拒绝：409，说明是谁、何时保存的）',
        params,
        body: {
          type: 'object',
          required: ['body'],
          properties: {
            body: { type: 'object' },
            baseHash: {
              type: ['string', 'null'],
              maxLength: 128,
              description:
                '编辑开始时的内容：草稿的 hash，没有草稿时为最新版本的 hash，全新定义为 null。与当前存储的不同（他人已保存更新的草稿或发布了新版本）时拒绝保存（409 definition.draft_conflict），存储不变。不带此字段时直接保存（后保存者覆盖，供脚本与旧客户端使用）',
            },
          },
        },
        response: { 200: recordSchema, ...errors, 409: { $ref: 'Error#' } },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { kind, key } = request.params;
      await assertMayEdit(request, user, kind, key, request.body.body);
      const res = await defs.saveDraft(kind, key, request.body.body, user.id, request.body.baseHash);
      if (!res.ok) throw httpFail(res.error);
      return res.value;
    },
  );

  app.post<{ Params: KindKey; Body: { body?: unknown } }>(
    '/api/definitions/:kind/:key/check',
    {
      config: { policy: editors },
      schema: { tags: ['definitions'], summary: '检查（不保存）：列出全部问题', params, body: { type: 'object', properties: { body: {} } } },
    },
    async (request) => {
      const { kind, key } = request.params;
      const body = request.body.body ?? (await defs.get(kind, key, 'draft'))?.body;
      await assertMayEdit(request, requireUser(request), kind, key, body);
      if (body === undefined) throw notFound(`${kind}/${key} 的草稿`);
      // over the size bounds the body is refused, not checked (nothing else may parse it)
      const bounded = defs.bounds(kind, key, body);
      if (!bounded.ok) throw httpFail(bounded.error);
      const problems = await defs.check(kind, key, body);
      return { ok: problems.length === 0, problems };
    },
  );

  app.post<{ Params: KindKey; Querystring: { baseHash?: string } }>(
    '/api/definitions/:kind/:key/publish',
    {
      config: { policy: editors },
      schema: {
        tags: ['definitions'],
        summary: '发布草稿为新版本（全部校验通过才保存）',
        params,
        // in the query: a publish has no body, and older clients send none
        querystring: {
          type: 'object',
          properties: {
            baseHash: { type: 'string', maxLength: 128, description: '客户端最后一次保存的草稿 hash：草稿此后被他人改过则拒绝发布（409 definition.draft_conflict）；不带时不比较' },
          },
        },
        response: { 200: recordSchema, ...errors, 409: { $ref: 'Error#' } },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { kind, key } = request.params;
      await assertMayEdit(request, user, kind, key, (await defs.get(kind, key, 'draft'))?.body);
      const { baseHash } = request.query;
      if (baseHash !== undefined) {
        const unchanged = await defs.draftChangedSince(kind, key, baseHash, user.id);
        if (!unchanged.ok) throw httpFail(unchanged.error);
      }
      const res = await defs.publish(kind, key, user.id);
      if (!res.ok) throw httpFail(res.error, res.error.code === 'definition.no_draft' ? 404 : undefined);
      return res.value;
    },
  );
};

export default definitions;
