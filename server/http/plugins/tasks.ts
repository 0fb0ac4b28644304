// The reviewer workbench: inbox from the open-task index, task detail, completion, messages,
// incidents and retry.
import type { FastifyPluginAsync } from 'fastify';
import { assertCanSee, assignmentsOf } from '../../auth/access-rules.js';
import type { Variables } from '../../domain/workflow/state.js';
import { completeTask, sendMessage } from '../../runtime/applications/review.js';
import { notFound } from '../errors.js';
import { unwrap } from '../result.js';
import { taskOpsView } from '../../runtime/tasks/task-view.js';
import { requireUser } from './access.js';
import { withDue } from './workbench-rows.js';

const err = { $ref: 'Error#' } as const;
const errors = { 400: err, 401: err, 403: err, 404: err, 409: err, 422: err };
const taskParams = { type: 'object', required: ['applicationId', 'taskId'], properties: { applicationId: { type: 'string' }, taskId: { type: 'string' } } } as const;
const reviewers = ['unitReviewer', 'competentReviewer', 'leagueReviewer', 'centreClerk', 'committeeClerk', 'expert', 'admin', 'applicant'] as const;
const incidentPage = {
  type: 'object',
  required: ['total', 'items'],
  properties: {
    total: { type: 'integer' },
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['applicationId', 'applicantName', 'id', 'elementId', 'code', 'reason', 'at'],
        properties: {
          applicationId: { type: 'string' },
          applicantName: { type: 'string' },
          id: { type: 'string' },
          elementId: { type: 'string' },
          code: { type: 'string' },
          reason: { type: 'string' },
          at: { type: 'string' },
        },
      },
    },
  },
} as const;

const tasks: FastifyPluginAsync = async (app) => {
  const p = app.platform;

  app.get<{
    Querystring: { campaignId?: string; seriesKey?: string; levelKey?: string; elementId?: string; applicantName?: string; overdue?: boolean; sort?: 'arrived' | 'due'; offset?: number; limit?: number };
  }>(
    '/api/tasks',
    {
      config: { policy: 'user' },
      schema: {
        tags: ['tasks'],
        summary: '待办：按本人角色与机构，可筛选（批次、系列、层级、环节、申报人、仅看逾期）、排序（到达时间、办理期限）、分页，含总数；有办理期限的附北京日期、剩余工作日与是否逾期',
        querystring: {
          type: 'object',
          properties: {
            campaignId: { type: 'string' },
            seriesKey: { type: 'string' },
            levelKey: { type: 'string' },
            elementId: { type: 'string' },
            applicantName: { type: 'string', maxLength: 50 },
            overdue: { type: 'boolean' },
            sort: { type: 'string', enum: ['arrived', 'due'] },
            offset: { type: 'integer', minimum: 0, maximum: 1_000_000_000, default: 0 },
            limit: { type: 'integer', minimum: 1, maximum: 200, default: 20 },
          },
        },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { overdue, ...q } = request.query;
      const now = p.clock.now();
      const page = await p.store.queryTasks({ ...q, ...(overdue ? { overdueAt: now } : {}), assignments: assignmentsOf(user), userId: user.id });
      return { total: page.total, items: await withDue(p, page.items, now) };
    },
  );

  app.get<{ Params: { applicationId: string; taskId: string } }>(
    '/api/tasks/:applicationId/:taskId',
    { config: { policy: 'user' }, schema: { tags: ['tasks'], summary: '任务详情：申报内容与审核表单', params: taskParams, response: { 404: err } } },
    async (request) => {
      const user = requireUser(request);
      const found = assertCanSee(user, await p.store.getApplication(request.params.applicationId));
      const task = found.openTasks.find((t) => t.taskId === request.params.taskId);
      const mine = task && (task.assignee === undefined || task.assignee === user.id) && assignmentsOf(user).some((a) => a.role === task.role && a.orgId === task.orgId);
      if (!task || !mine) throw notFound('任务');
      const flowTask = found.workflow?.openTasks.find((t) => t.id === task.taskId);
      const level = unwrap(await p.levels.get(found.levelKey, found.pinned.level));
      const decisionSchema = flowTask?.formKey ? (level.def.decisions?.[flowTask.formKey] ?? null) : null;
      const { workflow: _hidden, ...application } = found;
      // 办理期限 in words, as the inbox shows it
      const [due] = task.dueAt ? await withDue(p, [{ ...task, applicationId: found.id, campaignId: found.campaignId, seriesKey: found.seriesKey, levelKey: found.levelKey, applicantName: found.applicantName }], p.clock.now()) : [];
      return { task: { ...task, ...(due?.due ? { due: due.due } : {}), decisions: flowTask?.decisions ?? [], ...(await taskOpsView(p, found, flowTask)) }, application, decisionSchema, form: level.def.form, uiSchema: level.def.uiSchema ?? {} };
    },
  );

  app.post<{ Params: { applicationId: string; taskId: string }; Body: { payload: Variables } }>(
    '/api/tasks/:applicationId/:taskId/complete',
    {
      config: { policy: reviewers },
      schema: {
        tags: ['tasks'],
        summary: '办理任务：同意、退回补正（一次告知）、不同意，或专家表决',
        params: taskParams,
        body: { type: 'object', required: ['payload'], properties: { payload: { type: 'object' } } },
        response: errors,
      },
    },
    async (request) => unwrap(await completeTask(p, requireUser(request), request.params.applicationId, request.params.taskId, request.body.payload)),
  );

  app.post<{ Params: { id: string; name: string }; Body: { payload?: Variables } }>(
    '/api/applications/:id/messages/:name',
    {
      config: { policy: ['centreClerk', 'committeeClerk', 'leagueReviewer', 'competentReviewer', 'unitReviewer', 'admin'] },
      schema: {
        tags: ['tasks'],
        summary: '向流程发送消息（如公示期间收到投诉 complaint）',
        params: { type: 'object', required: ['id', 'name'], properties: { id: { type: 'string' }, name: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_.-]*$' } } },
        body: { type: 'object', properties: { payload: { type: 'object' } } },
        response: errors,
      },
    },
    async (request) => {
      const user = requireUser(request);
      assertCanSee(user, await p.store.getApplication(request.params.id));
      return unwrap(await sendMessage(p, user, request.params.id, request.params.name, request.body.payload ?? {}));
    },
  );

  app.get<{ Querystring: { offset: number; limit: number } }>(
    '/api/admin/incidents',
    {
      config: { policy: ['admin'] },
      schema: {
        tags: ['admin'],
        summary: '流程故障列表（可重试）：按申报分页，total 为有未处理故障的申报数，items 为本页申报的全部故障，最近更新的在前',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            offset: { type: 'integer', minimum: 0, maximum: 1_000_000_000, default: 0 },
            limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
          },
        },
        response: { 200: incidentPage, 400: err, 401: err, 403: err },
      },
    },
    async (request) => {
      // flows run while an application is submitted or returned for correction; the summaries carry the
      // incidents, and only applications that have some are read (a partial index on incidents > 0, migrate.ts)
      const page = await p.store.listApplicationSummaries({ hasIncidents: true, statusIn: ['submitted', 'returned'], ...request.query });
      return {
        total: page.total,
        items: page.items.flatMap((a) => a.incidents.map((i) => ({ applicationId: a.id, applicantName: a.applicantName, ...i }))),
      };
    },
  );

  app.post<{ Params: { applicationId: string; incidentId: string } }>(
    '/api/admin/incidents/:applicationId/:incidentId/retry',
    {
      config: { policy: ['admin'] },
      schema: { tags: ['admin'], summary: '重试故障', params: { type: 'object', required: ['applicationId', 'incidentId'], properties: { applicationId: { type: 'string' }, incidentId: { type: 'string' } } }, response: errors },
    },
    async (request) => unwrap(await p.runtime.retryIncident(request.params.applicationId, request.params.incidentId, requireUser(request).id)),
  );
};

export default tasks;
