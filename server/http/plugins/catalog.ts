// Public catalogue: the published series with their levels, and the campaigns.
// What an applicant browses before signing in, and what the README's first check lists.
import type { FastifyPluginAsync } from 'fastify';
import type { Campaign, LevelDefinition, Series } from '../../domain/schema-types.gen.js';
import { notFound } from '../errors.js';
import { withOptionNames } from '../../domain/forms/option-names.js';

const catalog: FastifyPluginAsync = async (app) => {
  const { store } = app.platform;

  app.get(
    '/api/series',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['catalog'],
        summary: '已发布的职称系列及其层级',
        response: {
          200: {
            type: 'object',
            properties: {
              items: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    key: { type: 'string' },
                    name: { type: 'string' },
                    version: { type: 'integer' },
                    specialties: { type: 'array', items: { type: 'object', properties: { key: { type: 'string' }, name: { type: 'string' } } } },
                    levels: {
                      type: 'array',
                      items: { type: 'object', properties: { levelKey: { type: 'string' }, grade: { type: 'string' }, title: { type: 'string' }, definition: { type: 'string' } } },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
    async () => {
      const summaries = await store.listDefinitions('series');
      const items = [];
      for (const s of summaries) {
        const rec = await store.getDefinition<Series>('series', s.key, 'latest');
        if (rec) items.push({ ...rec.body, version: rec.version });
      }
      return { items };
    },
  );

  app.get(
    '/api/campaigns',
    { config: { policy: 'public' }, schema: { tags: ['catalog'], summary: '评审年度（阶段与截止日期）' } },
    async () => {
      const items = [];
      for (const s of await store.listDefinitions('campaign')) {
        const rec = await store.getDefinition<Campaign>('campaign', s.key, 'latest');
        if (rec) items.push({ ...rec.body, version: rec.version });
      }
      return { items: items.sort((a, b) => b.year - a.year) };
    },
  );

  // the orgs an applicant can belong to, for the registration form: names only, nothing personal
  app.get(
    '/api/units',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['catalog'],
        summary: '可选择的工作单位（用人单位、园区、人才服务机构）',
        response: {
          200: {
            type: 'object',
            properties: {
              items: {
                type: 'array',
                items: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, kind: { type: 'string' }, parentName: { type: 'string' } } },
              },
            },
          },
        },
      },
    },
    async () => {
      const orgs = await store.listOrgs();
      const names = new Map(orgs.map((o) => [o.id, o.name]));
      const items = orgs
        // a deactivated org is kept for history but offered to no new application
        .filter((o) => !o.deactivated && (o.kind === 'unit' || o.kind === 'park' || o.kind === 'agency'))
        .map((o) => ({ id: o.id, name: o.name, kind: o.kind, ...(o.parentId && names.get(o.parentId) ? { parentName: names.get(o.parentId) } : {}) }));
      return { items };
    },
  );

  app.get<{ Params: { key: string } }>(
    '/api/levels/:key',
    {
      config: { policy: 'public' },
      schema: { tags: ['catalog'], summary: '某层级的申报表单、界面提示与材料清单（最新发布版）', params: { type: 'object', properties: { key: { type: 'string' } } } },
    },
    async (request) => {
      const rec = await store.getDefinition<Record<string, unknown>>('level', request.params.key, 'latest');
      if (!rec) throw notFound(`层级定义 ${request.params.key} `);
      const { form, uiSchema, materials, title, grade, seriesKey, levelKey, rules } = rec.body;
      // paths by name, those from policy modules included (the compiled level has them expanded)
      const compiled = await app.platform.levels.get(rec.key, rec.version);
      const allPaths = compiled.ok ? compiled.value.def.rules.paths : ((rules as { paths?: { id: string; name: string }[] } | undefined)?.paths ?? []);
      const paths = (allPaths as { id?: string; name?: string }[]).filter((p) => typeof p.id === 'string').map((p) => ({ id: p.id, name: p.name ?? p.id }));
      // a specialty stored as the series' key is offered by the series' name
      const specialtyField = (rec.body.committee as LevelDefinition['committee'] | undefined)?.specialtyField ?? '/specialty';
      const series = typeof seriesKey === 'string' ? await store.getDefinition<Series>('series', seriesKey, 'latest') : null;
      const names = Object.fromEntries((series?.body.specialties ?? []).map((x) => [x.key, x.name]));
      return { key: rec.key, version: rec.version, seriesKey, levelKey, title, grade, form, uiSchema: withOptionNames(form, uiSchema, specialtyField, names), materials, paths };
    },
  );
};

export default catalog;
