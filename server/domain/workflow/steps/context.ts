// What a step compiler is given: the graph being built, where it sits, and the chain compiler for the
// chains a branching step holds.
import type { ConditionGroup } from '../../rules/condition-model.js';
import type { Fragment, Graph } from './graph.js';
import type { Step } from './types.js';

export interface StepContext {
  graph: Graph;
  /** inside a parallel branch a failure must end the whole flow, not only its branch: terminate end events */
  inParallel: boolean;
  /** compiles a nested chain; undefined for an empty one */
  chain(steps: readonly Step[], opts: { inParallel: boolean }): Fragment | undefined;
  /** FEEL of a condition built with the condition builder (checked before compiling) */
  feel(group: ConditionGroup): string;
}

export type StepCompiler<S extends Step> = (step: S, ctx: StepContext) => Fragment;

/** A task that fails the application: a service task setting its status, then an end event. */
export function failure(ctx: StepContext, ids: { task: string; end: string }, names: { task: string; end: string }, action: string): string {
  ctx.graph.add({ kind: 'serviceTask', id: ids.task, name: names.task, action });
  ctx.graph.add({ kind: 'endEvent', id: ids.end, name: names.end, terminate: ctx.inParallel });
  ctx.graph.flow(ids.task, ids.end);
  return ids.task;
}

/** `decision = "approve"` */
export const decisionIs = (value: string, variable = 'decision'): string => `${variable} = "${value}"`;
