// 统计看板: a campaign's figures (stages, 盟市, series, levels, quota use, overdue tasks, pass rates) as JSON and
// as a workbook with one sheet per figure. The administrator sees the region; a league/city reviewer their 盟市.
import type { FastifyPluginAsync } from 'fastify';
import { isAdmin } from '../../auth/access-rules.js';
import type { User } from '../../domain/schema-types.gen.js';
import { buildDashboard, type DashboardScope } from '../../runtime/dashboard/dashboard.js';
import { dashboardSheets } from '../../runtime/dashboard/dashboard-sheets.js';
import { unwrap } from '../result.js';
import { sendXlsx } from '../xlsx-reply.js';
import { requireUser } from './access.js';

const err = { $ref: 'Error#' } as const;
const str = { type: 'string' } as const;
const int = { type: 'integer' } as const;
const rate = { type: ['number', 'null'] } as const;
const obj = (properties: Record<string, unknown>) => ({ type: 'object', required: Object.keys(properties), properties }) as const;
const list = (item: unknown) => ({ type: 'array', items: item }) as const;

const outcome = obj({ name: str, count: int, passed: int, inProgress: int });
const passRate = obj({ name: str, passed: int, notPassed: int, inProgress: int, rate });
const dashboardSchema = obj({
  campaign: obj({ key: str, name: str }),
  scopeName: str,
  generatedAt: str,
  totals: obj({ submitted: int, inProgress: int, returned: int, passed: int, notPassed: int, drafts: int, overdue: int }),
  stages: list(obj({ statusName: str, step: str, count: int })),
  leagues: list(outcome),
  series: list(outcome),
  levels: list(outcome),
  quotas: list(obj({ quota: str, holder: str, limit: int, used: int, rate })),
  overdue: {
    type: 'object',
    required: ['count', 'oldest', 'byStep'],
    properties: {
      count: int,
      oldest: { anyOf: [{ type: 'null' }, obj({ step: str, handler: str, applicantName: str, level: str, dueAt: str })] },
      byStep: list(obj({ name: str, count: int })),
    },
  },
  committees: list(passRate),
  groups: obj({ basis: str, rows: list(passRate) }),
});

const querystring = { type: 'object', required: ['campaignId'], properties: { campaignId: { type: 'string', minLength: 1, maxLength: 64 } } } as const;

/** the whole region for an administrator, else the 盟市 the caller reviews for */
const scopeOf = (user: User): DashboardScope =>
  isAdmin(user) ? null : { leagues: [...new Set(user.roles.filter((r) => r.role === 'leagueReviewer').map((r) => r.orgId))] };

const dashboard: FastifyPluginAsync = async (app) => {
  const p = app.platform;
  const policy = ['admin', 'leagueReviewer'] as const;

  app.get<{ Querystring: { campaignId: string } }>(
    '/api/dashboard',
    {
      config: { policy: [...policy] },
      schema: {
        tags: ['dashboard'],
        summary: '统计看板：各环节、各盟市、各系列与层级申报数，指标使用，超期任务，评委会与分组通过率',
        querystring,
        response: { 200: dashboardSchema, 400: err, 401: err, 403: err, 404: err },
      },
    },
    async (request) => unwrap(await buildDashboard(p, request.query.campaignId, scopeOf(requireUser(request)), request.abandoned)),
  );

  app.get<{ Querystring: { campaignId: string } }>(
    '/api/dashboard.xlsx',
    {
      config: { policy: [...policy] },
      schema: {
        tags: ['dashboard'],
        summary: '统计看板导出为 Excel：每项统计一个工作表',
        querystring,
        response: { 400: err, 401: err, 403: err, 404: err },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const d = unwrap(await buildDashboard(p, request.query.campaignId, scopeOf(user), request.abandoned));
      // figures leave the platform (the oldest overdue task names its applicant): recorded like every export
      await p.store.appendAudit([{ at: p.clock.now(), actor: user.id, action: 'dashboard.export', target: { type: 'campaign', id: d.campaign.key }, after: { scope: d.scopeName, format: 'xlsx' } }]);
      return sendXlsx(reply, { fileName: `${d.campaign.name}统计看板（${d.scopeName}）`, sheets: dashboardSheets(d) });
    },
  );
};

export default dashboard;
