// 已办: one entry per completed task, appended in the same write as the completion, so the reviewer's
// 已办 list is derived from the document like the open-task index. Ballots are not recorded: the entry would
// name who has voted, which nobody may learn (auth/application-view.ts).
import type { Application } from '../../domain/schema-types.gen.js';
import type { Variables } from '../../domain/workflow/state.js';

type OpenTaskEntry = Application['openTasks'][number];
export type DoneTask = NonNullable<Application['doneTasks']>[number];

/** the opinion a decision form carries (审核意见, 核查情况), if any */
function opinionOf(payload: Variables): string | undefined {
  for (const key of ['comment', 'opinion', 'finding']) {
    const v = payload[key];
    if (typeof v === 'string' && v.trim() !== '') return v;
  }
  return undefined;
}

export function withDoneTask(app: Application, task: OpenTaskEntry, userId: string, payload: Variables, at: string): Application {
  if (task.assignee !== undefined) return app;
  const decision = payload['decision'];
  const opinion = opinionOf(payload);
  const entry: DoneTask = {
    taskId: task.taskId,
    elementId: task.elementId,
    name: task.name,
    userId,
    ...(typeof decision === 'string' ? { decision } : {}),
    ...(opinion !== undefined ? { opinion } : {}),
    at,
  };
  return { ...app, doneTasks: [...(app.doneTasks ?? []), entry] };
}
