// 任务操作: 转办, 委派 (and its return), 加签 (and its answer), 抄送, 催办, 退回到指定环节 on an open task, 撤回 of
// one's last decision; the pickers they need (colleagues, people to copy to, earlier steps) by name. Each is allowed
// per step in the flow definition, checked by the engine, written in one guarded write with its audit record.
import type { FastifyPluginAsync } from 'fastify';
import type { Result } from '../../domain/result.js';
import type { Application, User } from '../../domain/schema-types.gen.js';
import { colleaguesOf } from '../../runtime/tasks/colleagues.js';
import { copyCandidates, copyTask } from '../../runtime/tasks/copy.js';
import { answerCosign } from '../../runtime/tasks/cosign-answer.js';
import { addCosigner } from '../../runtime/tasks/cosign.js';
import { returnDelegation } from '../../runtime/tasks/delegate-return.js';
import { delegateTask } from '../../runtime/tasks/delegate.js';
import { remindTask } from '../../runtime/tasks/remind.js';
import { returnTargetsOf, returnToStep } from '../../runtime/tasks/return-to.js';
import { taskAt } from '../../runtime/tasks/task-op.js';
import { transferTask } from '../../runtime/tasks/transfer.js';
import { withdrawDecision } from '../../runtime/tasks/withdraw.js';
import { httpFail } from '../errors.js';
import { requireUser } from './access.js';

const err = { $ref: 'Error#' } as const;
const errors = { 400: err, 401: err, 403: err, 404: err, 409: err, 422: err };
const taskParams = { type: 'object', required: ['applicationId', 'taskId'], properties: { applicationId: { type: 'string', maxLength: 200 }, taskId: { type: 'string', maxLength: 200 } } } as const;
const staff = ['unitReviewer', 'competentReviewer', 'leagueReviewer', 'centreClerk', 'committeeClerk', 'admin'] as const;
const text = (maxLength: number) => ({ type: 'string', maxLength }) as const;
const id = { type: 'string', minLength: 1, maxLength: 200 } as const;
const done = { type: 'object', required: ['message'], properties: { message: { type: 'string' }, applicationId: { type: 'string' } } } as const;
const people = { type: 'object', required: ['items'], properties: { items: { type: 'array', items: { type: 'object', required: ['id', 'name', 'orgName'], properties: { id: { type: 'string' }, name: { type: 'string' }, orgName: { type: 'string' } } } } } } as const;

/** refusals the engine gives, with the status that says what they are */
const STATUS: Record<string, number> = {
  'task.op_not_allowed': 403,
  'task.not_yours': 403,
  'task.not_open': 409,
  'task.delegated': 409,
  'task.not_delegated': 409,
  'task.is_cosign': 409,
  'task.not_cosign': 409,
  'task.cosign_pending': 409,
  'task.return_in_parallel': 409,
  'withdraw.too_late': 409,
  'withdraw.not_yours': 403,
  'withdraw.notice_sent': 409,
  'withdraw.irreversible': 409,
};

const answer = (r: Result<Application>, message: string): { message: string; applicationId: string } => {
  if (!r.ok) throw httpFail(r.error, STATUS[r.error.code]);
  return { message, applicationId: r.value.id };
};

type TaskReq = { Params: { applicationId: string; taskId: string } };

const taskOperations: FastifyPluginAsync = async (app) => {
  const p = app.platform;
  const nameOf = async (userId: string): Promise<string> => (await p.store.getUser(userId))?.name ?? '同事';
  const post = <B>(path: string, summary: string, body: object, policy: readonly string[] | 'user', run: (user: User, a: string, t: string, body: B) => Promise<{ message: string; applicationId: string }>) =>
    app.post<TaskReq & { Body: B }>(`/api/tasks/:applicationId/:taskId/${path}`, { config: { policy: policy as never }, schema: { tags: ['tasks'], summary, params: taskParams, body, response: { 200: done, ...errors } } }, async (request) =>
      run(requireUser(request), request.params.applicationId, request.params.taskId, request.body as B),
    );

  post<{ toUserId: string; opinion?: string }>('transfer', '转办：交给同一机构、同一角色的同事，此后由其办理', { type: 'object', additionalProperties: false, required: ['toUserId'], properties: { toUserId: id, opinion: text(2000) } }, staff, async (user, a, t, b) =>
    answer(await transferTask(p, user, a, t, b.toUserId, b.opinion), `已转办给${await nameOf(b.toUserId)}`),
  );
  post<{ toUserId: string; note?: string }>('delegate', '委派：同事办理后退回，由本人完成', { type: 'object', additionalProperties: false, required: ['toUserId'], properties: { toUserId: id, note: text(2000) } }, staff, async (user, a, t, b) =>
    answer(await delegateTask(p, user, a, t, b.toUserId, b.note), `已委派给${await nameOf(b.toUserId)}，待其退回后由您完成`),
  );
  post<{ opinion: string }>('delegate/return', '委派退回：填写意见后交还委派人', { type: 'object', additionalProperties: false, required: ['opinion'], properties: { opinion: text(2000) } }, staff, async (user, a, t, b) =>
    answer(await returnDelegation(p, user, a, t, b.opinion), '已退回委派人'),
  );
  post<{ userId: string; note?: string }>('cosign', '加签：请同事先行审核，答复后本人才能办理', { type: 'object', additionalProperties: false, required: ['userId'], properties: { userId: id, note: text(2000) } }, staff, async (user, a, t, b) =>
    answer(await addCosigner(p, user, a, t, b.userId, b.note), `已加签${await nameOf(b.userId)}，待其答复后再办理`),
  );
  post<{ opinion: string }>('cosign/answer', '加签答复：填写意见', { type: 'object', additionalProperties: false, required: ['opinion'], properties: { opinion: text(2000) } }, staff, async (user, a, t, b) =>
    answer(await answerCosign(p, user, a, t, b.opinion), '已答复加签意见'),
  );
  post<{ userIds: string[]; note?: string }>('copy', '抄送：供已经办理或正在办理本申报的人员知悉', { type: 'object', additionalProperties: false, required: ['userIds'], properties: { userIds: { type: 'array', maxItems: 50, items: id }, note: text(2000) } }, staff, async (user, a, t, b) =>
    answer(await copyTask(p, user, a, t, b.userIds, b.note), `已抄送${b.userIds.length}人`),
  );
  post<{ note?: string }>('remind', '催办：提醒当前办理人（每个任务每个工作日一次）', { type: 'object', additionalProperties: false, properties: { note: text(500) } }, 'user', async (user, a, t, b) =>
    answer(await remindTask(p, user, a, t, b.note), '已催办'),
  );
  post<{ elementId: string; opinion: string }>('return-to', '退回到指定环节：本申报已经过的审核环节', { type: 'object', additionalProperties: false, required: ['elementId', 'opinion'], properties: { elementId: id, opinion: text(2000) } }, staff, async (user, a, t, b) =>
    answer(await returnToStep(p, user, a, t, b.elementId, b.opinion), '已退回到指定环节'),
  );

  app.post<{ Params: { id: string } }>(
    '/api/applications/:id/withdraw-decision',
    { config: { policy: staff as never }, schema: { tags: ['tasks'], summary: '撤回：下一环节尚未办理时，撤回本人最近一次办理结果', params: { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 200 } } }, response: { 200: done, ...errors } } },
    async (request) => answer(await withdrawDecision(p, requireUser(request), request.params.id), '已撤回，任务重新回到您的待办'),
  );

  app.get<{ Params: { id: string } }>(
    '/api/applications/:id/withdrawable',
    { config: { policy: staff as never }, schema: { tags: ['tasks'], summary: '本人最近一次办理结果能否撤回', params: { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 200 } } }, response: { 404: err } } },
    async (request) => {
      const user = requireUser(request);
      const found = await p.store.getApplication(request.params.id);
      const last = found?.workflow?.lastDecision;
      const mine = last !== undefined && last.userId === user.id && found?.status === 'submitted';
      return { withdrawable: mine, ...(mine && last ? { taskId: last.taskId, taskName: last.before.openTasks.find((t) => t.id === last.taskId)?.name ?? '', decidedAt: last.at } : {}) };
    },
  );

  const pick = (path: string, summary: string, list: (user: User, a: string, t: string) => Promise<unknown>, shape: object = people) =>
    app.get<TaskReq>(`/api/tasks/:applicationId/:taskId/${path}`, { config: { policy: staff as never }, schema: { tags: ['tasks'], summary, params: taskParams, response: { 200: shape, 404: err, 409: err } } }, async (request) =>
      list(requireUser(request), request.params.applicationId, request.params.taskId),
    );
  const at = async (user: User, a: string, t: string) => {
    const r = await taskAt(p, user, a, t, true);
    if (!r.ok) throw httpFail(r.error, STATUS[r.error.code]);
    return r.value;
  };
  pick('colleagues', '同一机构、同一角色的同事（转办、委派、加签）', async (user, a, t) => ({ items: await colleaguesOf(p, (await at(user, a, t)).task, user.id) }));
  pick('copy-candidates', '可抄送的人员：已经办理或正在办理本申报的机构人员', async (user, a, t) => {
    const { app: found } = await at(user, a, t);
    const orgs = new Map((await p.store.listOrgs()).map((o) => [o.id, o.name]));
    const items = (await copyCandidates(p, found, user.id)).map((u) => ({ id: u.id, name: u.name, orgName: orgs.get(u.roles.find((r) => orgs.has(r.orgId))?.orgId ?? '') ?? '' }));
    return { items };
  });
  pick('return-targets', '可退回的环节：本申报已经过的审核环节', async (user, a, t) => {
    const r = await returnTargetsOf(p, user, a, t);
    if (!r.ok) throw httpFail(r.error, STATUS[r.error.code]);
    return { items: r.value };
  }, { type: 'object', required: ['items'], properties: { items: { type: 'array', items: { type: 'object', required: ['elementId', 'name'], properties: { elementId: { type: 'string' }, name: { type: 'string' } } } } } });
};

export default taskOperations;
