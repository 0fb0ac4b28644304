// One transition of an application's flow, in memory: step the engine, run the actions it asks
// for and feed their results back, until the flow waits again. Nothing is written here; the
// caller persists the result in one guarded write (and undoes counter moves if that fails).
import type { HolidayCalendar } from '../../domain/calendar/calendar.js';
import type { CompiledModel } from '../../domain/workflow/model.js';
import { step } from '../../domain/workflow/step.js';
import type { Effect, WorkflowEvent, WorkflowState } from '../../domain/workflow/state.js';
import type { Application } from '../../domain/schema-types.gen.js';
import { fail, ok, type Result } from '../../domain/result.js';
import type { Store } from '../../store/port.js';
import { runAction } from '../actions/run-action.js';

export interface Advanced {
  app: Application;
  effects: Effect[];
  undo: (() => Promise<void>)[];
}

/** the store's task and timer indexes are derived from the flow state */
export function withIndexes(app: Application, state: WorkflowState): Application {
  return {
    ...app,
    workflow: state,
    openTasks: state.openTasks.map((t) => ({
      taskId: t.id,
      elementId: t.elementId,
      name: t.name ?? t.elementId,
      role: t.role,
      orgId: t.orgId,
      createdAt: t.createdAt,
      ...(t.assignee !== undefined ? { assignee: t.assignee } : {}),
      ...(t.dueAt !== undefined ? { dueAt: t.dueAt } : {}),
    })),
    timers: state.timers.map((t) => ({ timerId: t.id, dueAt: t.dueAt })),
  };
}

export async function advance(
  model: CompiledModel,
  app: Application,
  event: WorkflowEvent,
  env: { calendars: readonly HolidayCalendar[]; store: Store },
): Promise<Result<Advanced>> {
  if (!app.workflow) return fail('instance.not_started', '该申报尚未进入评审流程');
  let current: Application = app;
  const effects: Effect[] = [];
  const undo: (() => Promise<void>)[] = [];
  const queue: WorkflowEvent[] = [event];
  for (let guard = 0; queue.length > 0; guard += 1) {
    if (guard > 1000) return fail('flow.runaway', '流程在一次处理中执行了过多动作，已停止');
    const ev = queue.shift()!;
    const res = step(model, current.workflow!, ev, { calendars: env.calendars });
    if (!res.ok) {
      if (ev === event) return res;
      return fail('flow.internal', `流程内部事件处理失败：${res.error.message}`, res.error.details);
    }
    current = withIndexes(current, res.value.state);
    for (const eff of res.value.effects) {
      effects.push(eff);
      if (eff.type !== 'runAction') continue;
      const out = await runAction(eff.name, { app: current, variables: current.workflow!.variables, now: event.now, store: env.store });
      if (out.ok) {
        if (out.undo) undo.push(out.undo);
        if (out.patch) current = { ...current, ...out.patch };
        queue.push({ type: 'actionCompleted', tokenId: eff.tokenId, output: out.output, now: event.now });
      } else {
        queue.push({ type: 'actionFailed', tokenId: eff.tokenId, reason: out.reason, now: event.now });
      }
    }
  }
  return ok({ app: current, effects, undo });
}
