// 办结（审核通过）: the application passes (a flow that ends without a committee, such as a unit review).
import type { StepContext } from './context.js';
import type { Fragment } from './graph.js';
import type { PassStep } from './types.js';

export function compilePass(step: PassStep, ctx: StepContext): Fragment {
  ctx.graph.add({ kind: 'serviceTask', id: step.id, name: step.name, action: 'application.pass' });
  return { entry: step.id, exits: [{ from: step.id }] };
}
