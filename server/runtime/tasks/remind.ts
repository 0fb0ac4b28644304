// 催办: whoever may see the application reminds the people who hold a task now (at most once per task per
// working day, decided by the engine); they are notified in the same request.
import type { Result } from '../../domain/result.js';
import type { Application, User } from '../../domain/schema-types.gen.js';
import type { OpenTask } from '../../domain/workflow/state.js';
import type { AppDeps } from '../applications/deps.js';
import { notifyUsers } from '../notifications/notify-users.js';
import type { NotifyDeps } from '../notifications/compose.js';
import { applyOp, taskAt } from './task-op.js';

/** who holds the task now: the person it names, or everybody with its role at its org */
async function holdersOf(d: AppDeps, task: OpenTask): Promise<string[]> {
  if (task.assignee !== undefined) return [task.assignee];
  return (await d.store.listUsersByRole([{ role: task.role, orgId: task.orgId }])).map((u) => u.id);
}

export async function remindTask(d: AppDeps & NotifyDeps, user: User, appId: string, taskId: string, note?: string): Promise<Result<Application>> {
  const at = await taskAt(d, user, appId, taskId, false);
  if (!at.ok) return at;
  const holders = (await holdersOf(d, at.value.task)).filter((id) => id !== user.id);
  const now = d.clock.now();
  const done = await applyOp(d, user, appId, { type: 'remindTask', taskId, userId: user.id, now }, 'task.remind', { elementId: at.value.task.elementId, to: holders, ...(note ? { note } : {}) });
  if (!done.ok) return done;
  await notifyUsers(d, {
    event: 'task.reminded',
    userIds: holders,
    application: done.value,
    occasion: `remind:${taskId}:${now}`,
    data: { stepName: at.value.task.name ?? at.value.task.elementId, fromName: user.name, ...(note ? { note } : {}) },
    link: `/workbench/${appId}/${taskId}`,
  });
  return done;
}
