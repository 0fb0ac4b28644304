// 转办: hand the task over to a colleague of the same role and org; it is theirs from now on.
import type { Result } from '../../domain/result.js';
import type { Application, User } from '../../domain/schema-types.gen.js';
import type { AppDeps } from '../applications/deps.js';
import { colleague } from './colleagues.js';
import { applyOp, taskAt } from './task-op.js';

export async function transferTask(d: AppDeps, user: User, appId: string, taskId: string, toUserId: string, opinion?: string): Promise<Result<Application>> {
  const at = await taskAt(d, user, appId, taskId, true);
  if (!at.ok) return at;
  const to = await colleague(d, at.value.task, user, toUserId, '/toUserId');
  if (!to.ok) return to;
  return applyOp(d, user, appId, { type: 'transferTask', taskId, userId: user.id, toUserId, now: d.clock.now() }, 'task.transfer', {
    elementId: at.value.task.elementId,
    to: toUserId,
    ...(opinion ? { opinion } : {}),
  });
}
