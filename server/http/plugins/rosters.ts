// Rosters (花名册) of the applications the flow has brought to the caller's offices, as printable HTML (E3).
import type { FastifyPluginAsync } from 'fastify';
import { isAdmin, officeReachOf, ROUTED_ROLES, routedOrgsOf } from '../../auth/access-rules.js';
import type { Application, Campaign } from '../../domain/schema-types.gen.js';
import { renderRoster } from '../../runtime/applications/documents.js';
import { unwrap } from '../result.js';
import { requireUser } from './access.js';

/** drafts and withdrawn applications are not on a roster */
const LISTED: ReadonlySet<Application['status']> = new Set(['submitted', 'returned', 'passed', 'failed', 'rejected', 'certified']);

const rosters: FastifyPluginAsync = async (app) => {
  const p = app.platform;
  app.get<{ Querystring: { campaignId: string; seriesKey?: string; levelKey?: string } }>(
    '/api/rosters',
    {
      config: { policy: [...ROUTED_ROLES, 'admin'] },
      schema: {
        tags: ['tasks'],
        summary: '花名册：流程已到达本机构的申报人员（可打印 HTML）',
        querystring: {
          type: 'object',
          required: ['campaignId'],
          properties: { campaignId: { type: 'string' }, seriesKey: { type: 'string' }, levelKey: { type: 'string' } },
        },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const orgs = routedOrgsOf(user);
      const { campaignId, seriesKey, levelKey } = request.query;
      const { items } = await p.store.listApplications({
        campaignId,
        ...(seriesKey ? { seriesKey } : {}),
        ...(levelKey ? { levelKey } : {}),
        // an office lists what reached it (it has or had a task on it), filtered in the store
        ...(isAdmin(user) ? {} : { visibleTo: { reachedBy: officeReachOf(user) } }),
        limit: 5000,
      });
      const listed = items.filter((a) => LISTED.has(a.status)).sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''));
      const campaign = (await p.store.getDefinition<Campaign>('campaign', campaignId, 'latest'))?.body ?? null;
      const names = await Promise.all(orgs.map(async (id) => (await p.store.getOrg(id))?.name ?? id));
      const html = unwrap(await renderRoster(p, listed, campaign, isAdmin(user) ? '全区' : names.join('、')));
      return reply.type('text/html; charset=utf-8').send(html);
    },
  );
};

export default rosters;
