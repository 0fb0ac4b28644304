// What every task operation does around the engine: the application and the task as this person may see and
// work them, then one guarded write of the engine's next state with the operation's audit record.
import { viewerOf } from '../../auth/access-rules.js';
import { fail, ok, type Result } from '../../domain/result.js';
import type { Application, User } from '../../domain/schema-types.gen.js';
import type { OpenTask, TaskOpEvent } from '../../domain/workflow/state.js';
import type { TransitionOptions } from '../workflow/runtime.js';
import type { AppDeps } from '../applications/deps.js';

export interface TaskAt {
  app: Application;
  task: OpenTask;
}

const notFound = (): Result<never> => fail('task.not_found', '任务不存在', [{ code: 'task.not_found', message: '任务不存在' }]);

/** a person works a task when it is addressed to their role at their org and, if it names one person, to them */
export const mayWork = (user: User, task: Pick<OpenTask, 'role' | 'orgId' | 'assignee'>): boolean =>
  (task.assignee === undefined || task.assignee === user.id) && user.roles.some((r) => r.role === task.role && r.orgId === task.orgId);

/** the open task when the user may see the application; `work`: and may work the task */
export async function taskAt(d: AppDeps, user: User, appId: string, taskId: string, work: boolean): Promise<Result<TaskAt>> {
  const app = await d.store.getApplication(appId);
  if (!app || !viewerOf(user, app)) return fail('application.not_found', '申报不存在', [{ code: 'application.not_found', message: '申报不存在' }]);
  const task = app.workflow?.openTasks.find((t) => t.id === taskId);
  if (!task) return fail('task.not_open', '该任务不存在或已办结，请刷新', [{ code: 'task.not_open', message: '该任务不存在或已办结，请刷新' }]);
  if (work && !mayWork(user, task)) return notFound();
  return ok({ app, task });
}

/** the engine applies the operation; the write carries the audit record `task.<op>` */
export function applyOp(d: AppDeps, user: User, appId: string, event: TaskOpEvent, action: string, detail: Record<string, unknown>, finish?: TransitionOptions['finish']): Promise<Result<Application>> {
  return d.runtime.apply(appId, () => ok(event), { actor: user.id, action, detail: { taskId: event.taskId, ...detail }, ...(finish ? { finish } : {}) });
}
