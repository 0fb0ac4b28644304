// 超期任务: open tasks whose due instant has passed, how many, the oldest, and how many per step.
import type { AppSummary } from './app-summary.js';
import { countBy, type Count } from './count-by.js';

export interface OverdueTask {
  step: string;
  handler: string;
  applicantName: string;
  level: string;
  dueAt: string;
}

export interface Overdue {
  count: number;
  oldest: OverdueTask | null;
  byStep: Count[];
}

export function overdueTasks(apps: readonly AppSummary[], now: string): Overdue {
  const late: OverdueTask[] = [];
  for (const a of apps) {
    for (const t of a.openTasks) {
      if (t.dueAt !== undefined && Date.parse(t.dueAt) < Date.parse(now)) {
        late.push({ step: t.name, handler: t.handler, applicantName: a.applicantName, level: a.level, dueAt: t.dueAt });
      }
    }
  }
  late.sort((x, y) => Date.parse(x.dueAt) - Date.parse(y.dueAt));
  return { count: late.length, oldest: late[0] ?? null, byStep: countBy(late, (t) => t.step) };
}
