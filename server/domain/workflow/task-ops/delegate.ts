// 委派: a colleague works on the task and gives it back with an opinion (delegate-return.ts); meanwhile the
// task is theirs, and the one who delegated it completes it afterwards.
import { ok, type Result } from '../../result.js';
import type { Run } from '../step.js';
import type { TaskOpEvent } from '../state.js';
import { ownTask, refuse, replaceTask } from './own-task.js';

export function delegateTask(run: Run, e: Extract<TaskOpEvent, { type: 'delegateTask' }>): Result<void> {
  const own = ownTask(run, e.taskId, e.userId, 'delegate');
  if (!own.ok) return own;
  if (e.toUserId === e.userId) return refuse('task.delegate_to_self', '不能委派给自己', own.value.el.id);
  const next = { ...own.value.task, assignee: e.toUserId, personal: true as const, delegatedBy: e.userId };
  replaceTask(run, own.value.index, next);
  run.emit({ type: 'reassignTask', task: next });
  return ok(undefined);
}
