// 并行分支: every branch runs at once; the flow goes on when all are done. A failure inside a branch ends
// the whole flow (terminate end events), so no branch waits for one that can no longer come.
import type { StepContext } from './context.js';
import type { Exit, Fragment } from './graph.js';
import { partId } from './part-ids.js';
import type { ParallelStep } from './types.js';

export function compileParallel(step: ParallelStep, ctx: StepContext): Fragment {
  const g = ctx.graph;
  const join = partId(step, 'join');
  g.add({ kind: 'parallelGateway', id: step.id, name: step.name });
  const exits: Exit[] = [];
  for (const b of step.branches) {
    const inner = ctx.chain(b.steps, { inParallel: true });
    if (!inner) {
      exits.push({ from: step.id, name: b.name });
      continue;
    }
    g.connect([{ from: step.id, name: b.name }], inner.entry);
    exits.push(...inner.exits);
  }
  g.add({ kind: 'parallelGateway', id: join });
  g.connect(exits, join);
  return { entry: step.id, exits: [{ from: join }] };
}
