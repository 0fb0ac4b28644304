// The steps an application's flow has gone through, for the timeline beside its progress diagram:
// what people do or wait for (tasks, 公示 periods, the start and the end), never gateways. Who handles
// a step is the name of the org (or committee) its assignment routes to, never a person's.
import type { CompiledModel, ElementDef } from './model.js';
import type { WorkflowState } from './state.js';

export interface TimelineStep {
  elementId: string;
  name: string;
  /** done: the flow has left it; active: the flow waits there now */
  state: 'done' | 'active';
  enteredAt: string;
  leftAt?: string;
  /** deadline of an open step: a correction deadline, the end of a 公示 */
  dueAt?: string;
  /** the org or committee handling it, or the applicant */
  handler?: string;
}

const STEP_KINDS: ReadonlySet<ElementDef['kind']> = new Set([
  'startEvent',
  'endEvent',
  'userTask',
  'serviceTask',
  'timerCatch',
  'messageCatch',
  'boundaryTimer',
  'boundaryMessage',
]);

/** handlers: routing scope (unit, competent, committee, applicant …) → display name */
export function progressTimeline(model: CompiledModel, state: WorkflowState, handlers: Readonly<Record<string, string>>): TimelineStep[] {
  const steps: TimelineStep[] = [];
  const open = new Map<string, TimelineStep>();
  for (const h of state.history) {
    const el = model.elements[h.elementId];
    if (!el || !STEP_KINDS.has(el.kind)) continue;
    if (h.kind === 'enter') {
      // a vote enters once per flow token, not per expert; a step re-entered after leaving is a new one
      if (open.has(h.elementId)) continue;
      const handler = el.kind === 'userTask' ? handlers[el.assignment.scope] : undefined;
      const step: TimelineStep = { elementId: h.elementId, name: el.name ?? h.elementId, state: 'active', enteredAt: h.at, ...(handler ? { handler } : {}) };
      steps.push(step);
      open.set(h.elementId, step);
    } else {
      const step = open.get(h.elementId);
      if (!step) continue;
      step.state = 'done';
      step.leftAt = h.at;
      open.delete(h.elementId);
    }
  }
  const waiting = new Set(state.tokens.map((t) => t.elementId));
  for (const step of open.values()) {
    if (!waiting.has(step.elementId)) {
      // entered and never left, yet no token waits there (an end event, a terminated flow): it is over
      step.state = 'done';
      continue;
    }
    const dueAt = state.openTasks.find((t) => t.elementId === step.elementId && t.dueAt)?.dueAt ?? state.timers.find((t) => t.elementId === step.elementId)?.dueAt;
    if (dueAt) step.dueAt = dueAt;
  }
  return steps;
}
