// 加签: the owner asks a colleague to review too before completing. The co-reviewer gets a task of their own
// (same step, same token, only theirs); the owner cannot complete until it is answered (completion-hold.ts).
// The owner keeps the task: it becomes theirs personally, so no colleague completes it meanwhile.
import { ok, type Result } from '../../result.js';
import type { OpenTask, TaskOpEvent } from '../state.js';
import type { Run } from '../step.js';
import { ownTask, refuse, replaceTask, stepName } from './own-task.js';

export function addCosigner(run: Run, e: Extract<TaskOpEvent, { type: 'addCosigner' }>): Result<void> {
  const own = ownTask(run, e.taskId, e.userId, 'cosign');
  if (!own.ok) return own;
  const { task, index, el } = own.value;
  if (e.cosignerId === e.userId) return refuse('task.cosign_self', '不能给自己加签', el.id);
  replaceTask(run, index, { ...task, assignee: e.userId, personal: true });
  const { opinions: _o, remindedAt: _r, ...base } = task;
  const cosign: OpenTask = { ...base, id: run.id('t'), name: `${stepName(el)}（加签）`, assignee: e.cosignerId, personal: true, cosignOf: task.id, decisions: [], createdAt: e.now };
  run.s.openTasks.push(cosign);
  run.emit({ type: 'createTask', task: cosign });
  return ok(undefined);
}
