// 撤回: the author of the last decision takes it back while the next step has not acted (the engine keeps the
// state from before the decision until the flow moves on). A 退回补正 cannot be taken back: the 一次告知 has gone
// to the applicant, who must not be told twice. The withdrawn decision leaves 已办.
import { fail, type Result } from '../../domain/result.js';
import type { Application, User } from '../../domain/schema-types.gen.js';
import type { AppDeps } from '../applications/deps.js';
import { applyOp } from './task-op.js';
import { viewerOf } from '../../auth/access-rules.js';

const refuse = (code: string, message: string): Result<never> => fail(code, message, [{ code, message }]);

export async function withdrawDecision(d: AppDeps, user: User, appId: string): Promise<Result<Application>> {
  const app = await d.store.getApplication(appId);
  if (!app || !viewerOf(user, app)) return refuse('application.not_found', '申报不存在');
  const last = app.workflow?.lastDecision;
  if (!last || last.userId !== user.id) return refuse('withdraw.too_late', '没有可撤回的办理结果：下一环节已经办理或流程已继续');
  const task = last.before.openTasks.find((t) => t.id === last.taskId);
  if (!task || task.role === 'applicant') return refuse('withdraw.too_late', '没有可撤回的办理结果');
  if (app.status === 'returned') return refuse('withdraw.notice_sent', '退回补正的一次性告知已送达申报人，不能撤回');
  if (app.status !== 'submitted') return refuse('withdraw.too_late', '申报已有结论，不能撤回');
  return applyOp(d, user, appId, { type: 'withdrawDecision', taskId: last.taskId, userId: user.id, now: d.clock.now() }, 'task.withdraw', { elementId: last.elementId, decidedAt: last.at }, (next) => {
    const i = (next.doneTasks ?? []).map((t) => t.taskId).lastIndexOf(last.taskId);
    return i < 0 ? next : { ...next, doneTasks: (next.doneTasks ?? []).filter((_, j) => j !== i) };
  });
}
