// 委派: a colleague works on the task and gives it back with an opinion (delegate-return.ts).
import type { Result } from '../../domain/result.js';
import type { Application, User } from '../../domain/schema-types.gen.js';
import type { AppDeps } from '../applications/deps.js';
import { colleague } from './colleagues.js';
import { applyOp, taskAt } from './task-op.js';

export async function delegateTask(d: AppDeps, user: User, appId: string, taskId: string, toUserId: string, note?: string): Promise<Result<Application>> {
  const at = await taskAt(d, user, appId, taskId, true);
  if (!at.ok) return at;
  const to = await colleague(d, at.value.task, user, toUserId, '/toUserId');
  if (!to.ok) return to;
  return applyOp(d, user, appId, { type: 'delegateTask', taskId, userId: user.id, toUserId, now: d.clock.now() }, 'task.delegate', {
    elementId: at.value.task.elementId,
    to: toUserId,
    ...(note ? { note } : {}),
  });
}
