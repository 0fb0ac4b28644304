// 退回到指定环节: the task ends without a decision and the flow goes back to an earlier review step of the same
// application, which gets a new task; the steps between run again. Only on a single path: with branches in
// parallel a return would leave the other branch's work dangling.
import { ok, type Result } from '../../result.js';
import type { TaskOpEvent } from '../state.js';
import type { Run } from '../step.js';
import { ownTask, refuse } from './own-task.js';
import { returnTargets } from './return-targets.js';

export function returnToStep(run: Run, e: Extract<TaskOpEvent, { type: 'returnToStep' }>): Result<void> {
  const own = ownTask(run, e.taskId, e.userId, 'returnTo');
  if (!own.ok) return own;
  const { task, el } = own.value;
  const s = run.s;
  if (!returnTargets(run.model, s, el.id).some((t) => t.elementId === e.elementId)) {
    const message = '只能退回到本申报已经过的审核环节';
    return { ok: false, error: { code: 'task.bad_return_target', message, details: [{ code: 'task.bad_return_target', message, pointer: '/elementId' }] } };
  }
  if (e.opinion.trim() === '') {
    const message = '请填写退回意见';
    return { ok: false, error: { code: 'task.opinion_required', message, details: [{ code: 'task.opinion_required', message, pointer: '/opinion' }] } };
  }
  if (s.tokens.length > 1 || Object.keys(s.joins).length > 0) return refuse('task.return_in_parallel', '并行办理中的环节不能退回到指定环节', el.id);
  const token = s.tokens.find((t) => t.id === task.tokenId);
  if (!token) return refuse('task.not_open', '该任务的流程令牌已不存在', el.id);
  run.recordTask(el.id, { decision: 'returnTo', returnTo: e.elementId, opinion: e.opinion.trim(), userId: e.userId, at: e.now });
  run.disarm(token.id, true);
  run.dropToken(token.id);
  run.hist(el.id, 'leave');
  run.schedule({ id: run.id('k'), elementId: e.elementId, wait: 'task' });
  return ok(undefined);
}
