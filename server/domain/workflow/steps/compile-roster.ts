// 花名册公示: the roster of candidates is published for N working days; the flow waits.
import type { StepContext } from './context.js';
import type { Fragment } from './graph.js';
import type { RosterStep } from './types.js';

export function compileRoster(step: RosterStep, ctx: StepContext): Fragment {
  ctx.graph.add({ kind: 'timerCatch', id: step.id, name: `${step.name}（${step.days}个工作日）`, workingDays: step.days, countStartDay: step.countStartDay === true });
  return { entry: step.id, exits: [{ from: step.id }] };
}
