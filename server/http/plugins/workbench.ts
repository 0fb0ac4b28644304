// The reviewer's workbench beyond the inbox (tasks.ts): 已办, 抄送我的 (and marking one read), 批量同意, the compact
// read-only view of a task's application, and the 待办 / 已办 lists as Excel.
import type { FastifyPluginAsync } from 'fastify';
import { assertCanSee, assignmentsOf } from '../../auth/access-rules.js';
import { statusName } from '../../domain/applications/status-names.js';
import type { Variables } from '../../domain/workflow/state.js';
import { batchComplete } from '../../runtime/applications/batch-complete.js';
import { markCopyRead } from '../../runtime/applications/copies.js';
import { reviewView } from '../../runtime/applications/review-view.js';
import { pagedAll } from '../../store/paged.js';
import { viewFor } from '../application-views.js';
import { notFound } from '../errors.js';
import { unwrap } from '../result.js';
import { sendXlsx, type XlsxRow } from '../xlsx-reply.js';
import { requireUser } from './access.js';
import { catalogNames, decisionName, withDue } from './workbench-rows.js';

const err = { $ref: 'Error#' } as const;
const errors = { 400: err, 401: err, 403: err, 404: err, 409: err, 422: err };
const reviewers = ['unitReviewer', 'competentReviewer', 'leagueReviewer', 'centreClerk', 'committeeClerk', 'expert', 'admin'] as const;
const str = { type: 'string', maxLength: 200 } as const;
const paging = { offset: { type: 'integer', minimum: 0, maximum: 1_000_000_000, default: 0 }, limit: { type: 'integer', minimum: 1, maximum: 200, default: 20 } } as const;
const historyFilters = { campaignId: str, seriesKey: str, levelKey: str, elementId: str, applicantName: { type: 'string', maxLength: 50 } } as const;
type HistoryQuery = { campaignId?: string; seriesKey?: string; levelKey?: string; elementId?: string; applicantName?: string; unreadOnly?: boolean; offset?: number; limit?: number };
/** an export holds at most this many rows (the lists are one person's work) */
/** who, which title, which step: the first columns of both task exports */
const TASK_COLUMNS = [
  { header: '申报人', key: 'applicantName', width: 12 },
  { header: '职称系列', key: 'series', width: 18 },
  { header: '申报职称', key: 'level', width: 18 },
  { header: '办理环节', key: 'step', width: 28 },
] as const;

/** the values of TASK_COLUMNS for one row, names instead of keys */
const taskCells = (t: { applicantName: string; seriesKey: string; levelKey: string; name: string }, names: Awaited<ReturnType<typeof catalogNames>>): XlsxRow => ({
  applicantName: t.applicantName,
  series: names.series(t.seriesKey),
  level: names.level(t.levelKey),
  step: t.name,
});

/** rows of a paged list, as a spreadsheet wants them */
async function* mapRows<T>(rows: AsyncIterable<T>, fn: (t: T) => XlsxRow): AsyncGenerator<XlsxRow> {
  for await (const t of rows) yield fn(t);
}

const workbench: FastifyPluginAsync = async (app) => {
  const p = app.platform;

  app.get<{ Querystring: HistoryQuery }>(
    '/api/tasks/done',
    {
      config: { policy: 'user' },
      schema: { tags: ['tasks'], summary: '已办：本人办理过的任务（最近的在前），可筛选、分页', querystring: { type: 'object', additionalProperties: false, properties: { ...historyFilters, ...paging } } },
    },
    async (request) => p.store.queryDoneTasks({ ...request.query, userId: requireUser(request).id }),
  );

  app.get<{ Querystring: HistoryQuery }>(
    '/api/tasks/copies',
    {
      config: { policy: 'user' },
      schema: {
        tags: ['tasks'],
        summary: '抄送我的：抄送给本人知悉的申报（最近的在前），可只看未读',
        querystring: { type: 'object', additionalProperties: false, properties: { ...historyFilters, unreadOnly: { type: 'boolean' }, ...paging } },
      },
    },
    async (request) => {
      const page = await p.store.queryCopies({ ...request.query, userId: requireUser(request).id });
      // who copied it, by name: people never read an account id
      const names = new Map<string, string>();
      for (const by of new Set(page.items.map((c) => c.by))) names.set(by, (await p.store.getUser(by))?.name ?? '—');
      return { total: page.total, items: page.items.map((c) => ({ ...c, byName: names.get(c.by) ?? '—' })) };
    },
  );

  app.post<{ Params: { applicationId: string; copyId: string } }>(
    '/api/tasks/copies/:applicationId/:copyId/read',
    {
      config: { policy: 'user' },
      schema: {
        tags: ['tasks'],
        summary: '将一条抄送标记为已读',
        params: { type: 'object', required: ['applicationId', 'copyId'], properties: { applicationId: { type: 'string' }, copyId: { type: 'string' } } },
        response: errors,
      },
    },
    async (request) => unwrap(await markCopyRead(p, requireUser(request), request.params.applicationId, request.params.copyId)),
  );

  app.post<{ Body: { items: { applicationId: string; taskId: string }[]; payload: Variables } }>(
    '/api/tasks/batch-complete',
    {
      config: { policy: reviewers },
      schema: {
        tags: ['tasks'],
        summary: '批量办理（批量同意）：同一结论和意见办理多件待办，逐件写入并留痕，返回每件的结果',
        body: {
          type: 'object',
          required: ['items', 'payload'],
          additionalProperties: false,
          properties: {
            items: {
              type: 'array',
              minItems: 1,
              maxItems: 100,
              items: { type: 'object', required: ['applicationId', 'taskId'], additionalProperties: false, properties: { applicationId: str, taskId: str } },
            },
            payload: { type: 'object' },
          },
        },
        response: errors,
      },
    },
    async (request) => batchComplete(p, requireUser(request), request.body.items, request.body.payload),
  );

  app.get<{ Params: { applicationId: string; taskId: string } }>(
    '/api/tasks/:applicationId/:taskId/view',
    {
      config: { policy: 'user' },
      schema: {
        tags: ['tasks'],
        summary: '办理页的申报内容：按评审表分栏（名称取自定义）、材料、所选申报路径的资格核验结果',
        params: { type: 'object', required: ['applicationId', 'taskId'], properties: { applicationId: { type: 'string' }, taskId: { type: 'string' } } },
        response: { 404: err },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const found = assertCanSee(user, await p.store.getApplication(request.params.applicationId));
      // the task's handler, as the detail route: someone else's task is not found
      const task = found.openTasks.find((t) => t.taskId === request.params.taskId);
      const mine = task && (task.assignee === undefined || task.assignee === user.id) && assignmentsOf(user).some((a) => a.role === task.role && a.orgId === task.orgId);
      if (!mine) throw notFound('任务');
      return unwrap(await reviewView(p, found, await viewFor(p, user, found)));
    },
  );

  app.get<{ Querystring: { seriesKey?: string; levelKey?: string; elementId?: string; applicantName?: string; overdue?: boolean; sort?: 'arrived' | 'due' } }>(
    '/api/tasks/export.xlsx',
    {
      config: { policy: 'user' },
      schema: {
        tags: ['tasks'],
        summary: '导出待办（Excel），筛选条件同待办列表',
        querystring: { type: 'object', additionalProperties: false, properties: { campaignId: str, seriesKey: str, levelKey: str, elementId: str, applicantName: { type: 'string', maxLength: 50 }, overdue: { type: 'boolean' }, sort: { type: 'string', enum: ['arrived', 'due'] } } },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const { overdue, ...q } = request.query;
      const now = p.clock.now();
      // the whole list, page by page (store/paged.ts): an export is never cut short
      const page = await pagedAll(async (offset, limit) => {
        const got = await p.store.queryTasks({ ...q, ...(overdue ? { overdueAt: now } : {}), assignments: assignmentsOf(user), userId: user.id, offset, limit });
        return { total: got.total, items: await withDue(p, got.items, now) };
      });
      const names = await catalogNames(p);
      // personal data leaving the platform: who exported what
      await p.store.appendAudit([{ at: now, actor: user.id, action: 'tasks.export', target: { type: 'user', id: user.id }, after: { list: 'todo', ...request.query, rows: page.total, format: 'xlsx' } }]);
      return sendXlsx(reply, {
        fileName: '待办事项',
        sheets: [
          {
            name: '待办',
            title: `待办事项（共 ${page.total} 件）`,
            columns: [
              ...TASK_COLUMNS,
              { header: '到达时间', key: 'arrived', width: 18, dateFormat: 'yyyy-mm-dd hh:mm' },
              { header: '办理期限', key: 'deadline', width: 14 },
              { header: '剩余工作日', key: 'left', width: 10 },
              { header: '是否逾期', key: 'overdue', width: 8 },
            ],
            rows: mapRows(
              page.rows,
              (t): XlsxRow => ({
                ...taskCells(t, names),
                arrived: new Date(t.createdAt),
                deadline: t.due?.deadline,
                left: t.due?.workingDaysLeft ?? undefined,
                overdue: t.due ? (t.due.overdue ? '逾期' : '否') : undefined,
              }),
            ),
          },
        ],
      });
    },
  );

  app.get<{ Querystring: HistoryQuery }>(
    '/api/tasks/done/export.xlsx',
    {
      config: { policy: 'user' },
      schema: { tags: ['tasks'], summary: '导出已办（Excel），筛选条件同已办列表', querystring: { type: 'object', additionalProperties: false, properties: historyFilters } },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const page = await pagedAll((offset, limit) => p.store.queryDoneTasks({ ...request.query, userId: user.id, offset, limit }));
      const names = await catalogNames(p);
      await p.store.appendAudit([{ at: p.clock.now(), actor: user.id, action: 'tasks.export', target: { type: 'user', id: user.id }, after: { list: 'done', ...request.query, rows: page.total, format: 'xlsx' } }]);
      return sendXlsx(reply, {
        fileName: '已办事项',
        sheets: [
          {
            name: '已办',
            title: `已办事项（共 ${page.total} 件）`,
            columns: [
              ...TASK_COLUMNS,
              { header: '办理结论', key: 'decision', width: 12 },
              { header: '审批意见', key: 'opinion', width: 40 },
              { header: '办理时间', key: 'at', width: 18, dateFormat: 'yyyy-mm-dd hh:mm' },
              { header: '申报状态', key: 'status', width: 12 },
            ],
            rows: mapRows(
              page.rows,
              (t): XlsxRow => ({
                ...taskCells(t, names),
                decision: decisionName(t.decision),
                opinion: t.opinion,
                at: new Date(t.at),
                status: statusName(t.status),
              }),
            ),
          },
        ],
      });
    },
  );
};

export default workbench;
