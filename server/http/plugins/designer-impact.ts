// The designer's "try it before publishing": 试算 of the level body being edited (never published, never
// saved) on a sample applicant, and the impact preview of a draft over a campaign's real applications.
// Administrators only. Both read and store nothing, so neither writes an audit record.
import type { FastifyPluginAsync } from 'fastify';
import type { JsonObject } from '../../domain/json.js';
import { campaignOf, chainOf, today } from '../../runtime/applications/deps.js';
import { eligibilityOf } from '../../runtime/applications/eligibility-input.js';
import type { PolicyModuleBody } from '../../domain/rules/rule-modules.js';
import { compileDraftLevel } from '../../runtime/impact-draft-level.js';
import { levelsWithDraftModule, type ImpactLevel } from '../../runtime/impact-policy.js';
import { IMPACT_MAX_LIMIT, previewImpact } from '../../runtime/impact-preview.js';
import { HttpError, httpFail } from '../errors.js';
import { unwrap } from '../result.js';
import { rulesBodySchema } from '../rules-body-schema.js';
import { requireUser } from './access.js';

const err = { $ref: 'Error#' } as const;
const errors = { 400: err, 401: err, 403: err, 404: err, 422: err };
const KEY = { type: 'string', minLength: 1, maxLength: 120, pattern: '^[A-Za-z0-9_.-]+$' } as const;
/** a level body being edited: its rules must have the level schema's shape, the rest is work in progress */
const levelDraftSchema = { type: 'object', required: ['form', 'rules'], properties: { form: { type: 'object' }, rules: rulesBodySchema } } as const;

interface TryBody {
  key: string;
  campaignId: string;
  body: JsonObject;
  form?: JsonObject;
}

interface ImpactBody {
  kind: 'level' | 'policy';
  key: string;
  campaignId: string;
  body: JsonObject;
  cursor?: string;
  limit?: number;
}

const designerImpact: FastifyPluginAsync = async (app) => {
  const p = app.platform;

  app.post<{ Body: TryBody }>(
    '/api/designer/try-level',
    {
      config: { policy: ['admin'] },
      schema: {
        tags: ['definitions'],
        summary: '试算：用编辑中的层级定义（无需保存或发布，包括从未发布的层级）判断一位样例申报人能否申报（不保存）',
        body: {
          type: 'object',
          required: ['key', 'campaignId', 'body'],
          additionalProperties: false,
          properties: { key: KEY, campaignId: { type: 'string', minLength: 1, maxLength: 64 }, body: levelDraftSchema, form: { type: 'object' } },
        },
        response: errors,
      },
    },
    async (request) => {
      const user = requireUser(request);
      // measured by the stored level's bounds, then compiled; problems come back at their pointers
      const draft = await compileDraftLevel(p.store, request.body.key, request.body.body);
      if (!draft.ok) throw httpFail(draft.error);
      const level = draft.value;
      const c = unwrap(await campaignOf(p, request.body.campaignId));
      const res = unwrap(
        eligibilityOf({ level: level.level, campaign: c.campaign, form: request.body.form ?? {}, user, chain: await chainOf(p, user.orgId), today: today(p), counters: {}, calendars: await p.calendars.current() }),
      );
      return res.eligibility;
    },
  );

  app.post<{ Body: ImpactBody }>(
    '/api/designer/impact',
    {
      config: { policy: ['admin'] },
      schema: {
        tags: ['definitions'],
        summary: '影响预览：层级或政策规则模块的草稿对本年度已有申报（草稿与已提交）的影响，按层级列出资格有变化的申报人（姓名、单位；不保存）',
        body: {
          type: 'object',
          required: ['kind', 'key', 'campaignId', 'body'],
          additionalProperties: false,
          properties: {
            kind: { type: 'string', enum: ['level', 'policy'] },
            key: KEY,
            campaignId: { type: 'string', minLength: 1, maxLength: 64 },
            body: { type: 'object' },
            cursor: { type: 'string', pattern: '^[0-9]{1,9}$' },
            limit: { type: 'integer', minimum: 1, maximum: IMPACT_MAX_LIMIT },
          },
          // a level draft's rules have the level schema's shape before anything compiles them
          if: { properties: { kind: { const: 'level' } } },
          then: { properties: { body: levelDraftSchema } },
        },
        response: errors,
      },
    },
    async (request) => {
      const { kind, key, campaignId, body, cursor, limit } = request.body;
      let levels: ImpactLevel[];
      if (kind === 'level') {
        const draft = await compileDraftLevel(p.store, key, body);
        if (!draft.ok) throw httpFail(draft.error);
        levels = [{ key, draft: draft.value }];
      } else {
        // a module's draft: measured and checked against the policy schema before any level expands it
        const bounded = p.definitions.bounds('policy', key, body);
        if (!bounded.ok) throw httpFail(bounded.error);
        const problems = p.meta.validate('policy', body);
        if (problems.length > 0) throw new HttpError(422, 'definition.invalid', `政策规则模块有 ${problems.length} 处问题`, problems);
        levels = await levelsWithDraftModule(p, key, body as unknown as PolicyModuleBody);
      }
      const res = await previewImpact(p, { campaignId, levels, side: kind === 'level' ? 'level' : 'module', limit: limit ?? IMPACT_MAX_LIMIT, ...(cursor === undefined ? {} : { cursor }) });
      return unwrap(res);
    },
  );
};

export default designerImpact;
