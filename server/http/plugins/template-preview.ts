// The template editor's server side: preview a template being edited on a real application (one the admin may
// read, shown as the admin sees it) or on a sample of a level, with every error at its line and column; the
// fields and facts a template may use, with their Chinese labels; and whom a preview can be run on. Nothing is
// stored here.
import type { FastifyPluginAsync } from 'fastify';
import { assertCanSee } from '../../auth/access-rules.js';
import { LIMITS } from '../../domain/definitions/limits.js';
import { labelsFromSchema } from '../../domain/documents/labels.js';
import { previewBody, previewTemplate } from '../../domain/documents/preview.js';
import { notificationPreviewPage } from '../../domain/notifications/preview-page.js';
import { NOTIFICATION_FACT_GROUPS, sampleNotificationFacts } from '../../domain/notifications/template-facts.js';
import { splitTitleBody } from '../../runtime/notifications/template-text.js';
import { sampleDocumentData } from '../../domain/documents/sample-context.js';
import { TEMPLATE_HELPERS, templateFields } from '../../domain/documents/context-fields.js';
import type { LevelDefinition, Series } from '../../domain/schema-types.gen.js';
import { documentDataOf } from '../../runtime/applications/documents.js';
import { viewFor } from '../application-views.js';
import { HttpError, httpFail } from '../errors.js';
import { requireUser } from './access.js';

const policy = ['admin'] as const;
/** the helpers that make sense on a notification's facts (no form, no pointers) */
const NOTIFICATION_HELPERS = new Set(['date', 'eq', 'if', 'unless', 'each']);
const err = { $ref: 'Error#' } as const;
const KEY = { type: 'string', minLength: 1, maxLength: 120, pattern: '^[A-Za-z0-9_.-]+$' } as const;

interface PreviewBody {
  source: string;
  applicationId?: string;
  sampleLevel?: string;
  /** the document's name, for the page title */
  title?: string;
  /** a notification template (notify-*): previewed with sample facts, as its message would look */
  purpose?: 'notification';
}

const PURPOSE = { type: 'string', enum: ['notification'], description: 'notification：通知模板（第一行是标题，其余是正文），用样例事实预览、列出通知可用的事实' } as const;

const FIELD = {
  type: 'object',
  required: ['label', 'path', 'kind', 'insert'],
  properties: {
    label: { type: 'string' },
    path: { type: 'string' },
    kind: { type: 'string', enum: ['value', 'date', 'flag', 'choices', 'list'] },
    insert: { type: 'string' },
    children: { type: 'array', items: { type: 'object', additionalProperties: true } },
  },
} as const;

type LevelBody = Pick<LevelDefinition, 'title' | 'grade' | 'seriesKey' | 'form' | 'uiSchema'> & { rules?: { paths?: readonly unknown[] } };

const templatePreview: FastifyPluginAsync = async (app) => {
  const p = app.platform;

  /** the level as the designer edits it: its draft, else its latest published version */
  async function levelOf(key: string): Promise<LevelBody> {
    const rec = (await p.store.getDefinition<LevelBody>('level', key, 'draft')) ?? (await p.store.getDefinition<LevelBody>('level', key, 'latest'));
    if (!rec) throw new HttpError(404, 'level.not_found', `层级“${key}”不存在`);
    return rec.body;
  }

  app.post<{ Body: PreviewBody }>(
    '/api/admin/templates/preview',
    {
      config: { policy },
      schema: {
        tags: ['definitions'],
        summary: '文书模板预览：在一份申报或某层级的样例申报上生成 HTML；模板有错时逐条给出行号与列号（不保存）',
        body: {
          type: 'object',
          required: ['source'],
          additionalProperties: false,
          properties: {
            source: { type: 'string', maxLength: LIMITS.templateChars, description: 'Handlebars 源文本' },
            applicationId: { type: 'string', minLength: 1, maxLength: 64, description: '在这份申报上预览' },
            sampleLevel: { ...KEY, description: '在这一层级的样例申报上预览' },
            title: { type: 'string', maxLength: 200 },
            purpose: PURPOSE,
          },
          // a notification template runs on sample facts only: no application, no level
          oneOf: [{ required: ['applicationId'] }, { required: ['sampleLevel'] }, { required: ['purpose'], not: { anyOf: [{ required: ['applicationId'] }, { required: ['sampleLevel'] }] } }],
        },
        response: {
          200: { type: 'object', required: ['html'], properties: { html: { type: 'string', description: '生成的完整 HTML 页面' } } },
          404: err,
          422: err,
        },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { source, applicationId, sampleLevel } = request.body;
      if (request.body.purpose === 'notification') {
        const out = previewBody({ source, data: sampleNotificationFacts(p.clock.now()) });
        if (!out.ok) throw httpFail(out.error, 422);
        return { html: notificationPreviewPage(`${request.body.title ?? '通知预览'} · 样例`, splitTitleBody(out.value)) };
      }
      let data: unknown;
      let form: unknown;
      let who: string;
      if (applicationId !== undefined) {
        const found = assertCanSee(user, await p.store.getApplication(applicationId));
        // as this admin may see it, like the document itself
        const shown = await viewFor(p, user, found);
        const level = await p.levels.get(shown.levelKey, shown.pinned.level);
        form = level.ok ? level.value.def.form : undefined;
        data = await documentDataOf(p, shown);
        who = shown.applicantName;
      } else {
        const key = sampleLevel ?? '';
        const level = await levelOf(key);
        const paths = (level.rules?.paths ?? []).filter((x): x is { id: string; name: string } => typeof x === 'object' && x !== null && typeof (x as { name?: unknown }).name === 'string');
        // the sample prints labels like a real document: the series' specialty names for a stored key
        const series = await p.store.getDefinition<Series>('series', level.seriesKey, 'latest');
        const specialties = Object.fromEntries((series?.body.specialties ?? []).map((x) => [x.key, x.name]));
        data = sampleDocumentData({ key, title: level.title, grade: level.grade, seriesKey: level.seriesKey, form: level.form, uiSchema: level.uiSchema, paths, specialties }, p.clock.now());
        form = level.form;
        who = '样例';
      }
      const html = previewTemplate({ source, data, title: `${request.body.title ?? '文书预览'} · ${who}`, labels: labelsFromSchema(form) });
      if (!html.ok) throw httpFail(html.error, 422);
      return { html: html.value };
    },
  );

  app.get<{ Querystring: { levelKey?: string; purpose?: 'notification' } }>(
    '/api/admin/templates/fields',
    {
      config: { policy },
      schema: {
        tags: ['definitions'],
        summary: '模板可用的栏目与事实（中文名称、Handlebars 路径、插入文本）及模板函数',
        querystring: { type: 'object', additionalProperties: false, properties: { levelKey: KEY, purpose: PURPOSE } },
        response: {
          200: {
            type: 'object',
            required: ['groups', 'helpers'],
            properties: {
              groups: { type: 'array', items: { type: 'object', required: ['key', 'label', 'fields'], properties: { key: { type: 'string' }, label: { type: 'string' }, fields: { type: 'array', items: FIELD } } } },
              helpers: { type: 'array', items: { type: 'object', required: ['name', 'label', 'example'], properties: { name: { type: 'string' }, label: { type: 'string' }, example: { type: 'string' } } } },
            },
          },
          404: err,
        },
      },
    },
    async (request) => {
      if (request.query.purpose === 'notification') return { groups: NOTIFICATION_FACT_GROUPS, helpers: TEMPLATE_HELPERS.filter((x) => NOTIFICATION_HELPERS.has(x.name)) };
      const form = request.query.levelKey === undefined ? undefined : (await levelOf(request.query.levelKey)).form;
      return { groups: templateFields(form), helpers: TEMPLATE_HELPERS };
    },
  );

  app.get(
    '/api/admin/templates/preview-targets',
    {
      config: { policy },
      schema: {
        tags: ['definitions'],
        summary: '可用于预览的申报（按申报人姓名与层级）与层级（样例）',
        response: {
          200: {
            type: 'object',
            required: ['applications', 'levels'],
            properties: {
              applications: { type: 'array', items: { type: 'object', required: ['id', 'applicantName', 'levelKey', 'levelTitle', 'status'], properties: { id: { type: 'string' }, applicantName: { type: 'string' }, levelKey: { type: 'string' }, levelTitle: { type: 'string' }, status: { type: 'string' } } } },
              levels: { type: 'array', items: { type: 'object', required: ['key', 'title'], properties: { key: { type: 'string' }, title: { type: 'string' } } } },
            },
          },
        },
      },
    },
    async () => {
      const levels: { key: string; title: string }[] = [];
      for (const s of await p.store.listDefinitions('level')) {
        const rec = (await p.store.getDefinition<LevelBody>('level', s.key, 'draft')) ?? (await p.store.getDefinition<LevelBody>('level', s.key, 'latest'));
        levels.push({ key: s.key, title: rec?.body.title ?? s.key });
      }
      const titles = new Map(levels.map((l) => [l.key, l.title]));
      const { items } = await p.store.listApplicationSummaries({ limit: 200 });
      const applications = items.map((a) => ({ id: a.id, applicantName: a.applicantName, levelKey: a.levelKey, levelTitle: titles.get(a.levelKey) ?? a.levelKey, status: a.status }));
      return { applications, levels };
    },
  );
};

export default templatePreview;
