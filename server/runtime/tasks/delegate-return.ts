// 委派退回: the delegate gives the task back, with an opinion, to the one who delegated it.
import type { Result } from '../../domain/result.js';
import type { Application, User } from '../../domain/schema-types.gen.js';
import type { AppDeps } from '../applications/deps.js';
import { applyOp, taskAt } from './task-op.js';

export async function returnDelegation(d: AppDeps, user: User, appId: string, taskId: string, opinion: string): Promise<Result<Application>> {
  const at = await taskAt(d, user, appId, taskId, true);
  if (!at.ok) return at;
  return applyOp(d, user, appId, { type: 'returnDelegation', taskId, userId: user.id, opinion, now: d.clock.now() }, 'task.delegate_return', {
    elementId: at.value.task.elementId,
    to: at.value.task.delegatedBy ?? null,
    opinion,
  });
}
