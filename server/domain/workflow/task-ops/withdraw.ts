// 撤回: the author of the last decision takes it back while the flow has not moved on (last-decision.ts): the
// state returns to just before the decision, the task is open again for the same person, and whatever the
// decision opened (the next step's tasks, its timers) disappears. Refused when the decision's transition ran an
// action that cannot be undone by restoring the flow (a quota counter, a certificate, a final status).
import { ok, type Result } from '../../result.js';
import type { TaskOpEvent } from '../state.js';
import type { Run } from '../step.js';
import { OPERATION_LABELS } from './operations.js';
import { refuse, stepName } from './own-task.js';

const IRREVERSIBLE: ReadonlySet<string> = new Set(['quota.reserve', 'quota.release', 'certificate.issue', 'application.withdraw', 'application.reject', 'application.pass', 'application.fail']);

export function withdrawDecision(run: Run, e: Extract<TaskOpEvent, { type: 'withdrawDecision' }>): Result<void> {
  const s = run.s;
  const last = s.lastDecision;
  if (!last || last.taskId !== e.taskId) return refuse('withdraw.too_late', '下一环节已经办理或流程已继续，不能撤回');
  if (last.userId !== e.userId) return refuse('withdraw.not_yours', '只能撤回本人的办理结果', last.elementId);
  const el = run.el(last.elementId);
  if (el.kind !== 'userTask' || !(el.operations ?? []).includes('withdraw')) {
    return refuse('task.op_not_allowed', `“${stepName(el)}”环节不允许${OPERATION_LABELS.withdraw}`, el.id);
  }
  for (const h of s.history.slice(last.before.history.length)) {
    const passed = run.model.elements[h.elementId];
    if (h.kind === 'enter' && passed?.kind === 'serviceTask' && IRREVERSIBLE.has(passed.action)) {
      return refuse('withdraw.irreversible', `办理后已执行“${stepName(passed)}”，不能撤回`, el.id);
    }
  }
  const before = last.before;
  const task = before.openTasks.find((t) => t.id === last.taskId);
  if (!task) return refuse('withdraw.too_late', '原任务已不存在，不能撤回', el.id);
  const reopened = { ...task, assignee: e.userId, personal: true as const };
  for (const t of s.openTasks) if (!before.openTasks.some((b) => b.id === t.id)) run.emit({ type: 'cancelTask', taskId: t.id, elementId: t.elementId });
  for (const t of s.timers) if (!before.timers.some((b) => b.id === t.id)) run.emit({ type: 'cancelTimer', timerId: t.id });
  for (const t of before.timers) if (!s.timers.some((x) => x.id === t.id)) run.emit({ type: 'scheduleTimer', timerId: t.id, elementId: t.elementId, dueAt: t.dueAt });
  s.status = before.status;
  s.variables = { ...before.variables };
  s.tokens = [...before.tokens];
  s.openTasks = before.openTasks.map((t) => (t.id === task.id ? reopened : t));
  s.timers = [...before.timers];
  s.messageWaits = [...before.messageWaits];
  s.incidents = [...before.incidents];
  s.joins = { ...before.joins };
  s.votes = { ...before.votes };
  // the history keeps what happened (the progress view shows the step entered again); ids keep counting up
  s.history.push({ elementId: el.id, kind: 'enter', at: e.now });
  delete s.lastDecision;
  run.emit({ type: 'reassignTask', task: reopened });
  return ok(undefined);
}
