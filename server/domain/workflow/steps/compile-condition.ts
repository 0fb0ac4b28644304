// 条件分支: an exclusive gateway tries the branches' conditions in order; none true, the 其他情况 branch
// (its default flow) is taken. The branches meet again at a merging gateway. An empty branch skips ahead.
import type { StepContext } from './context.js';
import type { Exit, Fragment } from './graph.js';
import { partId } from './part-ids.js';
import type { ConditionStep } from './types.js';

export function compileCondition(step: ConditionStep, ctx: StepContext): Fragment {
  const g = ctx.graph;
  const join = partId(step, 'join');
  g.add({ kind: 'exclusiveGateway', id: step.id, name: step.name });
  const exits: Exit[] = [];
  // the default branch last, whatever its place in the list: conditions are tried in the order shown
  for (const b of [...step.branches.filter((b) => !b.otherwise), ...step.branches.filter((b) => b.otherwise)]) {
    const into: Exit = b.otherwise || !b.condition ? { from: step.id, name: b.name, isDefault: true } : { from: step.id, name: b.name, condition: ctx.feel(b.condition) };
    const inner = ctx.chain(b.steps, { inParallel: ctx.inParallel });
    if (!inner) {
      exits.push(into);
      continue;
    }
    g.connect([into], inner.entry);
    exits.push(...inner.exits);
  }
  g.add({ kind: 'exclusiveGateway', id: join });
  g.connect(exits, join);
  return { entry: step.id, exits: [{ from: join }] };
}
