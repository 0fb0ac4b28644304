// 转办: the task is handed over to a colleague of the same role and org and belongs to them from now on.
// That the colleague has the task's role at its org is checked by the runtime, which knows the people.
import { ok, type Result } from '../../result.js';
import type { Run } from '../step.js';
import type { TaskOpEvent } from '../state.js';
import { ownTask, refuse, replaceTask } from './own-task.js';

export function transferTask(run: Run, e: Extract<TaskOpEvent, { type: 'transferTask' }>): Result<void> {
  const own = ownTask(run, e.taskId, e.userId, 'transfer');
  if (!own.ok) return own;
  if (e.toUserId === e.userId) return refuse('task.transfer_to_self', '不能转办给自己', own.value.el.id);
  const next = { ...own.value.task, assignee: e.toUserId, personal: true as const };
  replaceTask(run, own.value.index, next);
  run.emit({ type: 'reassignTask', task: next });
  return ok(undefined);
}
