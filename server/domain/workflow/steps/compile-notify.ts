// 通知: a notification is sent; the flow goes on at once.
import type { StepContext } from './context.js';
import type { Fragment } from './graph.js';
import type { NotifyStep } from './types.js';

export function compileNotify(step: NotifyStep, ctx: StepContext): Fragment {
  ctx.graph.add({ kind: 'serviceTask', id: step.id, name: step.name, action: 'notify' });
  return { entry: step.id, exits: [{ from: step.id }] };
}
