// 加签答复: the co-reviewer answers with an opinion; the owner may then complete the task.
import type { Result } from '../../domain/result.js';
import type { Application, User } from '../../domain/schema-types.gen.js';
import type { AppDeps } from '../applications/deps.js';
import { applyOp, taskAt } from './task-op.js';

export async function answerCosign(d: AppDeps, user: User, appId: string, taskId: string, opinion: string): Promise<Result<Application>> {
  const at = await taskAt(d, user, appId, taskId, true);
  if (!at.ok) return at;
  return applyOp(d, user, appId, { type: 'answerCosign', taskId, userId: user.id, opinion, now: d.clock.now() }, 'task.cosign_answer', {
    elementId: at.value.task.elementId,
    of: at.value.task.cosignOf ?? null,
    opinion,
  });
}
