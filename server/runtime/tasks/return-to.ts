// 退回到指定环节: the task ends and the flow goes back to an earlier review step the application has passed; the
// return and its opinion are recorded in 已办 and the audit trail.
import type { Result } from '../../domain/result.js';
import type { Application, User } from '../../domain/schema-types.gen.js';
import { returnTargets, type ReturnTarget } from '../../domain/workflow/task-ops/return-targets.js';
import type { AppDeps } from '../applications/deps.js';
import { applyOp, taskAt } from './task-op.js';

export async function returnTargetsOf(d: AppDeps, user: User, appId: string, taskId: string): Promise<Result<ReturnTarget[]>> {
  const at = await taskAt(d, user, appId, taskId, true);
  if (!at.ok) return at;
  const { app, task } = at.value;
  const model = await d.runtime.model(app.pinned.workflowKey ?? '', app.pinned.workflow ?? 0);
  if (!model.ok) return model;
  return { ok: true, value: app.workflow ? returnTargets(model.value, app.workflow, task.elementId) : [] };
}

export async function returnToStep(d: AppDeps, user: User, appId: string, taskId: string, elementId: string, opinion: string): Promise<Result<Application>> {
  const at = await taskAt(d, user, appId, taskId, true);
  if (!at.ok) return at;
  const { task } = at.value;
  const now = d.clock.now();
  return applyOp(d, user, appId, { type: 'returnToStep', taskId, userId: user.id, elementId, opinion, now }, 'task.return_to', { elementId: task.elementId, to: elementId, opinion }, (next) => ({
    ...next,
    doneTasks: [...(next.doneTasks ?? []), { taskId, elementId: task.elementId, name: task.name ?? task.elementId, userId: user.id, decision: 'returnTo', opinion, at: now }],
  }));
}
