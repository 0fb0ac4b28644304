// Rosters (花名册) of the applications the flow has brought to the caller's offices (E3): printable HTML, the Excel
// file HR bureaus file, and the rows for the roster page. All three list the same people, every one of them.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { isAdmin, ROUTED_ROLES, routedOrgsOf } from '../../auth/access-rules.js';
import { ROSTER_COLUMNS, rosterTitle, type RosterRow } from '../../domain/rosters/roster-columns.js';
import type { Application, Campaign, LevelDefinition, Series, User } from '../../domain/schema-types.gen.js';
import { renderRoster } from '../../runtime/applications/documents.js';
import { rosterApplications, rosterCount, rosterPage, type RosterQuery } from '../../runtime/rosters/roster-applications.js';
import { nextPage } from '../../runtime/next-page.js';
import { rosterRowMaker, seriesShortName } from '../../runtime/rosters/roster-rows.js';
import { unwrap } from '../result.js';
import { calendarDate, sendXlsx, type XlsxRow } from '../xlsx-reply.js';
import { requireUser } from './access.js';

const key = { type: 'string', minLength: 1, maxLength: 120 } as const;
const rosterQuery = {
  type: 'object',
  required: ['campaignId'],
  properties: { campaignId: key, seriesKey: key, levelKey: key },
} as const;
const policy = [...ROUTED_ROLES, 'admin'] as const;

const rowSchema = {
  type: 'object',
  properties: Object.fromEntries(ROSTER_COLUMNS.map((c) => [c.key, c.key === 'seq' ? { type: 'integer' } : { type: 'string' }])),
} as const;

type Query = { Querystring: RosterQuery };

/** dates as dates, so a bureau can sort and filter them; a text that is no date stays as it is */
function xlsxRow(r: RosterRow): XlsxRow {
  const out: XlsxRow = { ...r };
  for (const c of ROSTER_COLUMNS) {
    const v = r[c.key];
    if (c.date && typeof v === 'string') out[c.key] = calendarDate(v) ?? (v || undefined);
  }
  return out;
}

const rosters: FastifyPluginAsync = async (app) => {
  const p = app.platform;

  const listed = async (user: User, q: RosterQuery, signal?: AbortSignal): Promise<Application[]> => {
    const all: Application[] = [];
    for await (const a of rosterApplications(p.store, user, q, signal)) all.push(a);
    return all;
  };

  /** the roster's lines in the order people applied, made as the store's pages come: one page of documents at a time */
  async function* linesOf(user: User, q: RosterQuery, signal?: AbortSignal): AsyncGenerator<XlsxRow> {
    const make = rosterRowMaker(p);
    let seq = 0;
    for await (const a of rosterApplications(p.store, user, q, signal)) yield xlsxRow(await make(a, (seq += 1)));
  }

  const titleOf = async (q: RosterQuery): Promise<string> => {
    const campaign = (await p.store.getDefinition<Campaign>('campaign', q.campaignId, 'latest'))?.body;
    const level = q.levelKey ? (await p.store.getDefinition<LevelDefinition>('level', q.levelKey, 'latest'))?.body : undefined;
    const seriesKey = q.seriesKey ?? level?.seriesKey;
    const series = seriesKey ? (await p.store.getDefinition<Series>('series', seriesKey, 'latest'))?.body : undefined;
    return rosterTitle({ year: campaign?.year, series: series?.name ? seriesShortName(series.name) : undefined, grade: level?.grade });
  };

  const queryOf = (request: FastifyRequest<Query>): RosterQuery => {
    const { campaignId, seriesKey, levelKey } = request.query;
    return { campaignId, seriesKey, levelKey };
  };

  app.get<Query>(
    '/api/rosters',
    { config: { policy: [...policy] }, schema: { tags: ['tasks'], summary: '花名册：流程已到达本机构的申报人员（可打印 HTML）', querystring: rosterQuery } },
    async (request, reply) => {
      const user = requireUser(request);
      const q = queryOf(request);
      const campaign = (await p.store.getDefinition<Campaign>('campaign', q.campaignId, 'latest'))?.body ?? null;
      const names = await Promise.all(routedOrgsOf(user).map(async (id) => (await p.store.getOrg(id))?.name ?? id));
      const html = unwrap(await renderRoster(p, await listed(user, q, request.abandoned), campaign, isAdmin(user) ? '全区' : names.join('、')));
      return reply.type('text/html; charset=utf-8').send(html);
    },
  );

  app.get<Query & { Querystring: { offset?: number; limit?: number } }>(
    '/api/rosters/rows',
    {
      config: { policy: [...policy] },
      schema: {
        tags: ['tasks'],
        summary: '花名册的各行（与可打印花名册、Excel 相同的人员），供花名册页面分页显示',
        querystring: {
          ...rosterQuery,
          properties: { ...rosterQuery.properties, offset: { type: 'integer', minimum: 0, default: 0 }, limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 } },
        },
        response: { 200: { type: 'object', required: ['title', 'total', 'items'], properties: { title: { type: 'string' }, total: { type: 'integer' }, items: { type: 'array', items: rowSchema } } } },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const q = queryOf(request);
      // the count and one page from the store, in the order people applied: never the whole roster
      const offset = request.query.offset ?? 0;
      const page = await rosterPage(p.store, user, q, offset, request.query.limit ?? 50);
      const make = rosterRowMaker(p);
      const items: RosterRow[] = [];
      for (const [i, a] of page.items.entries()) items.push(await make(a, offset + i + 1));
      return { title: await titleOf(q), total: page.total, items };
    },
  );

  app.get<Query>(
    '/api/rosters.xlsx',
    {
      config: { policy: [...policy] },
      schema: { tags: ['tasks'], summary: '花名册 Excel（人社部门报送格式：标题行、序号、姓名、性别、出生年月、工作单位……），导出记入审计', querystring: rosterQuery },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const q = queryOf(request);
      const [rows, title] = await Promise.all([rosterCount(p.store, user, q), titleOf(q)]);
      // a client that left while we counted gets no export, and no export is audited (runtime/next-page.ts)
      await nextPage(request.abandoned);
      // personal data leaves the system: who exported which roster, and how many people were on it (when it began)
      await p.store.appendAudit([{ at: p.clock.now(), actor: user.id, action: 'roster.export', target: { type: 'campaign', id: q.campaignId }, after: { seriesKey: q.seriesKey, levelKey: q.levelKey, rows, format: 'xlsx' } }]);
      return sendXlsx(reply, {
        fileName: title,
        sheets: [
          {
            name: '花名册',
            title,
            columns: ROSTER_COLUMNS.map((c) => ({ header: c.header, key: c.key, ...(c.width ? { width: c.width } : {}), ...(c.date === 'month' ? { dateFormat: 'yyyy-mm' } : {}) })),
            // streamed: rows are made and written as the store's pages come (xlsx-reply.ts)
            rows: linesOf(user, q, request.abandoned),
          },
        ],
      });
    },
  );
};

export default rosters;
