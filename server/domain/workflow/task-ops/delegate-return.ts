// 委派退回: the delegate gives the task back to the one who delegated it, with an opinion they then see.
import { ok, type Result } from '../../result.js';
import type { Run } from '../step.js';
import type { TaskOpEvent } from '../state.js';
import { ownTask, refuse, replaceTask } from './own-task.js';

export function returnDelegation(run: Run, e: Extract<TaskOpEvent, { type: 'returnDelegation' }>): Result<void> {
  const own = ownTask(run, e.taskId, e.userId, 'answerDelegation');
  if (!own.ok) return own;
  const { task, index, el } = own.value;
  if (e.opinion.trim() === '') return refuse('task.opinion_required', '请填写处理意见', el.id);
  const { delegatedBy, ...rest } = task;
  const next = { ...rest, assignee: delegatedBy ?? e.userId, personal: true as const, opinions: [...(task.opinions ?? []), { kind: 'delegate' as const, userId: e.userId, opinion: e.opinion.trim(), at: e.now }] };
  replaceTask(run, index, next);
  run.emit({ type: 'reassignTask', task: next });
  return ok(undefined);
}
