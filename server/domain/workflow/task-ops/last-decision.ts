// 撤回 is possible while the flow has not moved on since a decision: a completion remembers the state just
// before it; the actions its own transition runs keep it (they are part of the decision), a reminder keeps it
// (nobody acted), and every other event forgets it — a timer, a message, the next step acting on its task.
import type { WorkflowEvent, WorkflowState } from '../state.js';
import type { Run } from '../step.js';

const KEEPS: ReadonlySet<WorkflowEvent['type']> = new Set(['actionCompleted', 'actionFailed', 'remindTask', 'withdrawDecision']);

export function rememberDecision(run: Run, input: WorkflowState, event: WorkflowEvent): void {
  if (KEEPS.has(event.type)) return;
  delete run.s.lastDecision;
  if (event.type !== 'completeTask') return;
  const task = input.openTasks.find((t) => t.id === event.taskId);
  const el = task ? run.model.elements[task.elementId] : undefined;
  if (!task || el?.kind !== 'userTask' || el.voting) return; // ballots are final
  const { lastDecision: _previous, ...before } = input;
  run.s.lastDecision = { taskId: task.id, elementId: task.elementId, userId: event.userId, at: event.now, before };
}
