// The checks every task operation shares: the task is open, this person may act on it (a task handed to one
// person is theirs alone), it is not an expert's ballot, and the step allows the operation.
import { fail, ok, type Result } from '../../result.js';
import type { ElementDef } from '../model.js';
import type { OpenTask } from '../state.js';
import type { Run } from '../step.js';
import { OPERATION_LABELS, type TaskOperation } from './operations.js';

export type UserTaskDef = Extract<ElementDef, { kind: 'userTask' }>;

export interface OwnTask {
  task: OpenTask;
  index: number;
  el: UserTaskDef;
}

const refuse = (code: string, message: string, elementId?: string): Result<never> =>
  fail(code, message, [{ code, message, ...(elementId ? { elementId } : {}) }]);

export const stepName = (el: { id: string; name?: string | undefined }): string => el.name ?? el.id;

/** what is done to a task: an operation the step must allow, or an answer to a delegation or a co-review */
export type TaskAct = TaskOperation | 'answerDelegation' | 'answerCosign';

/** the open task `taskId` as `userId` may act on it */
export function ownTask(run: Run, taskId: string, userId: string, act: TaskAct): Result<OwnTask> {
  const index = run.s.openTasks.findIndex((t) => t.id === taskId);
  const task = run.s.openTasks[index];
  if (!task) return refuse('task.not_open', '该任务不存在或已办结，请刷新待办');
  if (task.assignee !== undefined && task.assignee !== userId) return refuse('task.not_yours', '该任务已交由他人办理，您不能操作', task.elementId);
  const el = run.el(task.elementId);
  if (el.kind !== 'userTask') return refuse('task.not_open', '该任务不是审核任务');
  if (el.voting) return refuse('task.op_not_allowed', '专家表决不能转办、委派、加签或撤回', el.id);
  if ((task.cosignOf !== undefined) !== (act === 'answerCosign')) {
    return task.cosignOf !== undefined ? refuse('task.is_cosign', '这是加签任务：请填写意见后答复', el.id) : refuse('task.not_cosign', '该任务不是加签任务', el.id);
  }
  if ((task.delegatedBy !== undefined) !== (act === 'answerDelegation')) {
    return task.delegatedBy !== undefined ? refuse('task.delegated', '该任务是委派给您的：请填写意见后退回委派人', el.id) : refuse('task.not_delegated', '该任务不是委派给您的任务', el.id);
  }
  if (act !== 'answerDelegation' && act !== 'answerCosign') {
    if (!(el.operations ?? []).includes(act)) return refuse('task.op_not_allowed', `“${stepName(el)}”环节不允许${OPERATION_LABELS[act]}`, el.id);
    if (act !== 'remind' && act !== 'copy' && pendingCosign(run, task.id)) return refuse('task.cosign_pending', '加签人尚未答复，答复后才能继续办理', el.id);
  }
  return ok({ task, index, el });
}

/** the open co-review task of a task, if any */
export const pendingCosign = (run: Run, taskId: string): OpenTask | undefined => run.s.openTasks.find((t) => t.cosignOf === taskId);

/** replaces the task at `index` (copy-on-write: the task object itself is never mutated) */
export function replaceTask(run: Run, index: number, next: OpenTask): void {
  run.s.openTasks[index] = next;
}

export { refuse };
