// What holds a completion back: a co-review task is answered, not completed; a delegated task goes back to the
// one who delegated it first; and the owner completes only once every co-reviewer has answered.
import { ok, type Result } from '../../result.js';
import type { OpenTask } from '../state.js';
import type { Run } from '../step.js';
import { pendingCosign, refuse } from './own-task.js';

export function completionHold(run: Run, task: OpenTask): Result<void> {
  if (task.cosignOf !== undefined) return refuse('task.is_cosign', '这是加签任务：请填写意见后答复', task.elementId);
  if (task.delegatedBy !== undefined) return refuse('task.delegated', '该任务是委派给您的：请填写意见后退回委派人办理', task.elementId);
  if (pendingCosign(run, task.id)) return refuse('task.cosign_pending', '加签人尚未答复，答复后才能办理', task.elementId);
  return ok(undefined);
}
