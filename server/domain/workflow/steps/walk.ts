// Every step of a flow, depth first in the order shown, with its JSON pointer in the workflow body.
import type { Step, StepFlow } from './types.js';

export interface Located {
  step: Step;
  /** e.g. /steps/chain/2/branches/0/steps/1 */
  pointer: string;
}

export function* walkSteps(flow: StepFlow, base = '/steps/chain'): Generator<Located> {
  yield* walkChain(flow.chain, base);
}

function* walkChain(chain: readonly Step[], base: string): Generator<Located> {
  for (const [i, step] of chain.entries()) {
    const pointer = `${base}/${i}`;
    yield { step, pointer };
    if (step.type === 'condition' || step.type === 'parallel') {
      for (const [j, b] of step.branches.entries()) yield* walkChain(b.steps, `${pointer}/branches/${j}/steps`);
    }
  }
}
