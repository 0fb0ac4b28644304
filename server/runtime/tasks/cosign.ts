// 加签: ask a colleague to review too; the owner completes once they have answered (cosign-answer.ts).
import type { Result } from '../../domain/result.js';
import type { Application, User } from '../../domain/schema-types.gen.js';
import type { AppDeps } from '../applications/deps.js';
import { colleague } from './colleagues.js';
import { applyOp, taskAt } from './task-op.js';

export async function addCosigner(d: AppDeps, user: User, appId: string, taskId: string, cosignerId: string, note?: string): Promise<Result<Application>> {
  const at = await taskAt(d, user, appId, taskId, true);
  if (!at.ok) return at;
  const to = await colleague(d, at.value.task, user, cosignerId, '/userId');
  if (!to.ok) return to;
  return applyOp(d, user, appId, { type: 'addCosigner', taskId, userId: user.id, cosignerId, now: d.clock.now() }, 'task.cosign', {
    elementId: at.value.task.elementId,
    to: cosignerId,
    ...(note ? { note } : {}),
  });
}
