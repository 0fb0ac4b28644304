// 催办: whoever may see the application reminds the current handler(s) of a task; at most once per task per
// working day (a reminder on a Saturday counts for the Monday). Ballots are never reminded one by one.
import { shanghaiDate } from '../../calendar/due.js';
import { addWorkingDays } from '../../calendar/working-days.js';
import { ok, type Result } from '../../result.js';
import type { TaskOpEvent } from '../state.js';
import type { Run } from '../step.js';
import { OPERATION_LABELS } from './operations.js';
import { refuse, stepName } from './own-task.js';

/** the working day an instant counts for: its own date when that is a working day, else the next one */
function workingDayOf(run: Run, instant: string): string | null {
  const date = shanghaiDate(instant);
  if (!date) return null;
  const r = addWorkingDays(date, 1, run.env.calendars, { countStartDay: true });
  return r.ok ? r.value : date;
}

export function remindTask(run: Run, e: Extract<TaskOpEvent, { type: 'remindTask' }>): Result<void> {
  const index = run.s.openTasks.findIndex((t) => t.id === e.taskId);
  const task = run.s.openTasks[index];
  if (!task) return refuse('task.not_open', '该任务不存在或已办结，请刷新');
  const el = run.el(task.elementId);
  if (el.kind !== 'userTask' || el.voting) return refuse('task.op_not_allowed', '专家表决不能催办', task.elementId);
  if (!(el.operations ?? []).includes('remind')) return refuse('task.op_not_allowed', `“${stepName(el)}”环节不允许${OPERATION_LABELS.remind}`, el.id);
  if (task.assignee === e.userId || task.delegatedBy === e.userId) return refuse('task.remind_self', '不能催办自己的任务', el.id);
  if (task.remindedAt && workingDayOf(run, task.remindedAt) === workingDayOf(run, e.now)) {
    return refuse('task.already_reminded', '今天已经催办过该任务，每个工作日最多催办一次', el.id);
  }
  run.s.openTasks[index] = { ...task, remindedAt: e.now };
  return ok(undefined);
}
