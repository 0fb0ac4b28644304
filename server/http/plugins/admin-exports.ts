// Administrators' lists as Excel: 账号与角色, 机构 (in the import template's layout, so it imports back) and 评委会.
// The same access as each list (administrators), and every export is audited: personal data leaves the system.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Series } from '../../domain/schema-types.gen.js';
import { listCommittees } from '../../runtime/committees/committee-admin.js';
import { ACCOUNT_COLUMNS, accountRows, staffMatching, type AccountFilter } from '../../runtime/exports/account-rows.js';
import { COMMITTEE_COLUMNS, committeeRows } from '../../runtime/exports/committee-rows.js';
import { ORG_STATE_HEADER, orgExportRows } from '../../runtime/exports/org-export-rows.js';
import { COLUMNS as ORG_COLUMNS } from '../../runtime/orgs/org-xlsx.js';
import { sendXlsx } from '../xlsx-reply.js';
import { requireUser } from './access.js';
import { errorResponses } from './auth-schemas.js';

const ROLES = ['unitReviewer', 'competentReviewer', 'leagueReviewer', 'centreClerk', 'committeeClerk', 'expert', 'admin', 'flowEditor', 'supervisor'] as const;
const noQuery = { type: 'object', additionalProperties: false, properties: {} } as const;
const xlsxResponse = { 200: { description: 'Excel 工作簿（.xlsx）', type: 'string', format: 'binary' }, ...errorResponses } as const;
const unknownName = '（未知）';

const adminExports: FastifyPluginAsync = async (app) => {
  const { store, clock, definitions } = app.platform;
  const policy = ['admin'] as const;

  /** who exported which list, and how many rows left the system */
  const audit = async (request: FastifyRequest, list: string, rows: number, filter?: object) =>
    store.appendAudit([{ at: clock.now(), actor: requireUser(request).id, action: `${list}.export`, target: { type: 'list', id: list }, after: { rows, format: 'xlsx', ...(filter ? { filter } : {}) } }]);

  const orgNames = async () => new Map((await store.listOrgs()).map((o) => [o.id, o.name]));

  app.get<{ Querystring: AccountFilter }>('/api/admin/accounts.xlsx', {
    config: { policy },
    schema: {
      tags: ['accounts'],
      summary: '导出工作人员账号与角色（Excel；与账号列表相同的搜索条件，不含身份证号），导出记入审计',
      querystring: { type: 'object', additionalProperties: false, properties: { q: { type: 'string', maxLength: 50 }, role: { type: 'string', enum: ROLES }, orgId: { type: 'string', maxLength: 120 } } },
      response: xlsxResponse,
    },
  }, async (request, reply) => {
    const staff = staffMatching(await store.listStaff(), request.query);
    const orgs = await orgNames();
    const committees = new Map((await listCommittees({ store, clock, definitions })).items.map((c) => [c.id, c.name]));
    const rows = accountRows(staff, (role, id) => (role === 'expert' ? committees.get(id) : orgs.get(id)) ?? unknownName);
    await audit(request, 'accounts', rows.length, request.query);
    return sendXlsx(reply, { fileName: '工作人员账号与角色', sheets: [{ name: '账号与角色', columns: [...ACCOUNT_COLUMNS], rows }] });
  });

  app.get('/api/admin/orgs.xlsx', {
    config: { policy },
    schema: { tags: ['orgs'], summary: '导出机构（Excel，与导入模板同一格式：修改后可直接导入），导出记入审计', querystring: noQuery, response: xlsxResponse },
  }, async (request, reply) => {
    const rows = orgExportRows(await store.listOrgs());
    await audit(request, 'orgs', rows.length);
    return sendXlsx(reply, {
      fileName: '机构',
      sheets: [{ name: '机构', columns: [...ORG_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width })), { header: ORG_STATE_HEADER, key: 'state', width: 16 }], rows }],
    });
  });

  app.get('/api/admin/committees.xlsx', {
    config: { policy },
    schema: { tags: ['committees'], summary: '导出评委会（Excel：系列、办事机构、评审范围、备案），导出记入审计', querystring: noQuery, response: xlsxResponse },
  }, async (request, reply) => {
    const list = await listCommittees({ store, clock, definitions });
    const orgs = await orgNames();
    const series = new Map<string, Series>();
    for (const s of await store.listDefinitions('series')) {
      const rec = await store.getDefinition<Series>('series', s.key, 'latest');
      if (rec) series.set(s.key, rec.body);
    }
    const rows = committeeRows(list.items, {
      org: (id) => orgs.get(id) ?? unknownName,
      series: (key) => series.get(key)?.name ?? unknownName,
      specialty: (seriesKey, key) => series.get(seriesKey)?.specialties?.find((s) => s.key === key)?.name ?? unknownName,
    });
    await audit(request, 'committees', rows.length);
    return sendXlsx(reply, { fileName: '评委会', sheets: [{ name: '评委会', columns: [...COMMITTEE_COLUMNS], rows }] });
  });
};

export default adminExports;
