// Applications: drafts, eligibility, materials, pledge, submit, resubmit, status and documents.
import multipart from '@fastify/multipart';
import type { FastifyPluginAsync } from 'fastify';
import { assertCanSee, isAdmin, isCommitteeOfficeOf, reachOfUser, viewerOf } from '../../auth/access-rules.js';
import { checkDefinitionBounds } from '../../domain/definitions/bounds.js';
import type { JsonObject } from '../../domain/json.js';
import { highlight } from '../../domain/workflow/state.js';
import { voteProgress } from '../../domain/workflow/vote-progress.js';
import type { LevelDefinition, WorkflowDefinition } from '../../domain/schema-types.gen.js';
import { compileRules } from '../../domain/rules/index.js';
import { createDraft } from '../../runtime/applications/create-draft.js';
import { campaignOf, chainOf, today } from '../../runtime/applications/deps.js';
import { addMaterial, removeMaterial, saveForm, signPledge } from '../../runtime/applications/edit-draft.js';
import { eligibilityOf } from '../../runtime/applications/eligibility-input.js';
import { renderApplicationDocument } from '../../runtime/applications/documents.js';
import { resubmit } from '../../runtime/applications/review.js';
import { timelineOf } from '../../runtime/applications/progress-timeline.js';
import { submit } from '../../runtime/applications/submit.js';
import { HttpError, httpFail, notFound } from '../errors.js';
import { idempotent } from '../idempotency.js';
import { idDocumentsOf, viewFor } from '../application-views.js';
import { applicationListSchema } from '../application-summary-schema.js';
import { unwrap } from '../result.js';
import { resolveLevelRules } from '../../runtime/rule-modules.js';
import { rulesBodySchema } from '../rules-body-schema.js';
import { requireUser } from './access.js';

const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 64 } } } as const;
const err = { $ref: 'Error#' } as const;
const errors = { 400: err, 401: err, 403: err, 404: err, 409: err, 422: err };
const applicant = ['applicant'] as const;

const applications: FastifyPluginAsync<{ uploadLimitBytes: number }> = async (app, opts) => {
  const p = app.platform;
  await app.register(multipart, { limits: { fileSize: opts.uploadLimitBytes, files: 1, fields: 5 } });

  app.post<{ Body: { campaignId: string; levelKey: string; channel?: string } }>(
    '/api/applications',
    {
      config: { policy: applicant },
      schema: {
        tags: ['applications'],
        summary: '创建申报草稿（钉住当前发布的层级定义版本）',
        body: {
          type: 'object',
          required: ['campaignId', 'levelKey'],
          additionalProperties: false,
          properties: { campaignId: { type: 'string', minLength: 1 }, levelKey: { type: 'string', minLength: 1 }, channel: { type: 'string' } },
        },
        response: { 201: { description: '新建的申报草稿', type: 'object', additionalProperties: true }, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(unwrap(await createDraft(p, requireUser(request), request.body))),
  );

  app.get<{ Querystring: { campaignId?: string; status?: string; offset?: number; after?: string; limit?: number } }>(
    '/api/applications',
    {
      config: { policy: 'user' },
      schema: {
        tags: ['applications'],
        summary: '申报列表（摘要，按更新时间倒序）：申报人看自己的，审核机构看流程已到达本机构的，专家看所参加表决的；翻页用 offset，或用上一页的 next 作 after',
        querystring: {
          type: 'object',
          properties: {
            campaignId: { type: 'string' },
            status: { type: 'string' },
            offset: { type: 'integer', minimum: 0, maximum: 1_000_000_000 },
            after: { type: 'string', minLength: 1, maxLength: 512 },
            limit: { type: 'integer', minimum: 1, maximum: 200 },
          },
        },
        response: { 200: applicationListSchema },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const q = { ...request.query };
      // summaries, never whole documents; shown as this user may see them by the response hook (application-views.ts)
      if (isAdmin(user)) return p.store.listApplicationSummaries(q);
      // filtered in the store: own applications, and those whose flow has reached the user's offices or ballots
      return p.store.listApplicationSummaries({ ...q, visibleTo: { applicantId: user.id, reachedBy: reachOfUser(user) } });
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/applications/:id',
    { config: { policy: 'user' }, schema: { tags: ['applications'], summary: '一份申报', params: idParams, response: { 404: err } } },
    async (request) => {
      // shown as this user may see it by the response hook (application-views.ts)
      return assertCanSee(requireUser(request), await p.store.getApplication(request.params.id));
    },
  );

  app.put<{ Params: { id: string }; Body: { form: JsonObject; version: number } }>(
    '/api/applications/:id/form',
    {
      config: { policy: applicant },
      schema: {
        tags: ['applications'],
        summary: '保存草稿（部分校验：已填写的内容须正确）',
        params: idParams,
        body: { type: 'object', required: ['form', 'version'], properties: { form: { type: 'object' }, version: { type: 'integer', minimum: 1 } } },
        response: errors,
      },
    },
    async (request) => unwrap(await saveForm(p, requireUser(request), request.params.id, request.body.form, request.body.version)),
  );

  app.post<{ Body: { levelKey: string; campaignId: string; form?: JsonObject; rules?: LevelDefinition['rules'] } }>(
    '/api/eligibility',
    {
      config: { policy: 'user' },
      schema: {
        tags: ['applications'],
        summary: '资格自测：能否申报、走哪条路径（列出每条路径未满足的条件）；管理员可带上编辑中的规则试算',
        body: {
          type: 'object',
          required: ['levelKey', 'campaignId'],
          properties: { levelKey: { type: 'string' }, campaignId: { type: 'string' }, form: { type: 'object' }, rules: rulesBodySchema },
        },
        response: errors,
      },
    },
    async (request) => {
      const user = requireUser(request);
      let level = unwrap(await p.levels.get(request.body.levelKey, 'latest'));
      if (request.body.rules) {
        // "try it on this applicant" in the designer: the rules being edited, never stored
        if (!isAdmin(user)) throw new HttpError(403, 'auth.forbidden', '只有管理员可以试算未发布的规则');
        // the rules being edited meet the same bounds as a stored level before anything parses them
        const bounded = checkDefinitionBounds('level', request.body.levelKey, { rules: request.body.rules });
        if (!bounded.ok) throw httpFail(bounded.error);
        // the policy modules it uses, as published now (what publishing the draft would pin)
        const expanded = unwrap(await resolveLevelRules(p.store, request.body.rules, 'latest'));
        const compiled = unwrap(compileRules(expanded.rules, { source: 'draft' }));
        level = { ...level, rules: compiled };
      }
      const c = unwrap(await campaignOf(p, request.body.campaignId));
      const res = unwrap(eligibilityOf({ level, campaign: c.campaign, form: request.body.form ?? {}, user, chain: await chainOf(p, user.orgId), today: today(p), counters: {}, calendars: await p.calendars.current() }));
      return res.eligibility;
    },
  );

  app.post<{ Params: { id: string; itemId: string } }>(
    '/api/applications/:id/materials/:itemId',
    {
      config: { policy: applicant },
      schema: {
        tags: ['applications'],
        summary: '上传材料（multipart，字段 file；类型与大小按材料清单）',
        consumes: ['multipart/form-data'],
        params: { type: 'object', required: ['id', 'itemId'], properties: { id: { type: 'string' }, itemId: { type: 'string' } } },
        response: { ...errors, 413: err, 415: err },
      },
    },
    async (request) => {
      const user = requireUser(request);
      if (!request.isMultipart()) throw new HttpError(415, 'request.unsupported_media_type', '请以 multipart/form-data 上传文件');
      const file = await request.file();
      if (!file) throw new HttpError(400, 'materials.no_file', '没有收到文件（字段名应为 file）');
      const bytes = await file.toBuffer();
      return unwrap(await addMaterial(p, user, request.params.id, request.params.itemId, { bytes, mime: file.mimetype, name: file.filename }));
    },
  );

  app.delete<{ Params: { id: string; itemId: string; hash: string } }>(
    '/api/applications/:id/materials/:itemId/:hash',
    {
      config: { policy: applicant },
      schema: { tags: ['applications'], summary: '删除一份材料', params: { type: 'object', required: ['id', 'itemId', 'hash'], properties: { id: { type: 'string' }, itemId: { type: 'string' }, hash: { type: 'string' } } }, response: errors },
    },
    async (request) => unwrap(await removeMaterial(p, requireUser(request), request.params.id, request.params.itemId, request.params.hash)),
  );

  app.get<{ Params: { id: string; hash: string }; Querystring: { inline?: '1' } }>(
    '/api/applications/:id/files/:hash',
    {
      config: { policy: 'user' },
      schema: {
        tags: ['applications'],
        summary: '下载一份材料（inline=1：图片和 PDF 在页面内预览）',
        params: { type: 'object', required: ['id', 'hash'], properties: { id: { type: 'string' }, hash: { type: 'string' } } },
        querystring: { type: 'object', properties: { inline: { type: 'string', enum: ['1'] } } },
        response: { 404: err },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const found = assertCanSee(user, await p.store.getApplication(request.params.id));
      // experts never get an ID document (it cannot be masked): the same 404 as a file that is not there
      const withheld = viewerOf(user, found) === 'expert' ? await idDocumentsOf(p, found) : new Set<string>();
      const m = found.materials.find((x) => x.hash === request.params.hash && !withheld.has(x.itemId));
      const file = m ? await p.store.getFile(m.hash) : null;
      if (!m || !file) throw notFound('材料');
      // only images and PDF are shown in the page (the workbench's preview); anything else is always a download
      const inline = request.query.inline === '1' && (m.mime === 'application/pdf' || /^image\/(png|jpeg|gif|webp)$/.test(m.mime));
      // shown inside the workbench's own page only: this response may be framed by the same origin, runs nothing
      if (inline) reply.header('content-security-policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'").header('x-frame-options', 'SAMEORIGIN');
      return reply.type(m.mime).header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(m.name)}`).send(file.bytes);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/applications/:id/pledge',
    { config: { policy: applicant }, schema: { tags: ['applications'], summary: '签署诚信承诺书', params: idParams, response: errors } },
    async (request) => unwrap(await signPledge(p, requireUser(request), request.params.id)),
  );

  app.post<{ Params: { id: string }; Body: { pathId?: string } | undefined }>(
    '/api/applications/:id/submit',
    {
      config: { policy: applicant },
      schema: {
        tags: ['applications'],
        summary: '提交申报：一次列出全部问题；通过后路由到评委会并启动评审流程。支持 Idempotency-Key 头',
        params: idParams,
        headers: { type: 'object', properties: { 'idempotency-key': { type: 'string', minLength: 1, maxLength: 128 } } },
        body: { type: 'object', nullable: true, properties: { pathId: { type: 'string' } } },
        response: errors,
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const run = async () => unwrap(await submit(p, user, request.params.id, request.body?.pathId ? { pathId: request.body.pathId } : {}));
      const key = request.headers['idempotency-key'];
      if (typeof key !== 'string') return run();
      // same key and same request: the first answer, status and body, however many arrive at once
      const answer = await idempotent(p.store, { userId: user.id, key, method: request.method, url: request.url, body: request.body ?? {} }, run);
      return reply.status(answer.status).send(answer.body);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/applications/:id/resubmit',
    { config: { policy: applicant }, schema: { tags: ['applications'], summary: '按一次性告知补正后重新提交（仅一次）', params: idParams, response: errors } },
    async (request) => unwrap(await resubmit(p, requireUser(request), request.params.id)),
  );

  app.get<{ Params: { id: string } }>(
    '/api/applications/:id/workflow',
    { config: { policy: 'user' }, schema: { tags: ['applications'], summary: '流程图与进度（已完成、进行中的元素，用于高亮）', params: idParams, response: { 404: err } } },
    async (request) => {
      const user = requireUser(request);
      const found = assertCanSee(user, await p.store.getApplication(request.params.id));
      if (!found.workflow || !found.pinned.workflowKey || !found.pinned.workflow) return { xml: null, active: [], finished: [], history: [], incidents: [], timeline: [] };
      const def = await p.store.getDefinition<WorkflowDefinition>('workflow', found.pinned.workflowKey, found.pinned.workflow);
      const { active, finished } = highlight(found.workflow);
      // secret ballot: how far a vote has got, as a count, for the committee office only
      const open = isCommitteeOfficeOf(user, found) ? voteProgress(found.workflow) : [];
      const votes = open.length > 0 ? { votes: open } : {};
      const timeline = await timelineOf(p, found);
      return { xml: def?.body.xml ?? null, status: found.workflow.status, active, finished, history: found.workflow.history, incidents: found.workflow.incidents, timeline, ...votes };
    },
  );

  app.get<{ Params: { id: string; name: string } }>(
    '/api/applications/:id/documents/:name',
    {
      config: { policy: 'user' },
      schema: { tags: ['applications'], summary: '文书（可打印 HTML）：评审表、送审表、一次性告知书、公示', params: { type: 'object', required: ['id', 'name'], properties: { id: { type: 'string' }, name: { type: 'string', pattern: '^[a-z0-9-]+$' } } }, response: { 404: err } },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const found = assertCanSee(user, await p.store.getApplication(request.params.id));
      // rendered from what this user may see of it (an expert's copy has the ID number masked)
      const html = unwrap(await renderApplicationDocument(p, await viewFor(p, user, found), request.params.name));
      return reply.type('text/html; charset=utf-8').send(html);
    },
  );
};

export default applications;
