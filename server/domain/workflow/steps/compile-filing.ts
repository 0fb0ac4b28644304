// 核准备案: the filing office approves (核准) or refuses (不予核准: the application fails).
import { decisionIs, failure, type StepContext } from './context.js';
import type { Fragment } from './graph.js';
import { partId } from './part-ids.js';
import type { FilingStep } from './types.js';

export function compileFiling(step: FilingStep, ctx: StepContext): Fragment {
  const g = ctx.graph;
  const gw = partId(step, 'gateway');
  g.add({ kind: 'userTask', id: step.id, name: step.name, assignment: { role: step.role, scope: step.scope }, formKey: 'filing', decisions: ['approve', 'reject'] });
  g.add({ kind: 'exclusiveGateway', id: gw, name: '备案结论' });
  g.flow(step.id, gw);
  const reject = failure(ctx, { task: partId(step, 'reject'), end: partId(step, 'rejected') }, { task: '不予核准备案', end: '未核准' }, 'application.fail');
  g.connect([{ from: gw, name: '不予核准', isDefault: true }], reject);
  return { entry: step.id, exits: [{ from: gw, name: '核准', condition: decisionIs('approve') }] };
}
