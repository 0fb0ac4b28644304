// A chain of steps -> one fragment: each step's exits are drawn to the next step's entry.
import { compileCertificate } from './compile-certificate.js';
import { compileCondition } from './compile-condition.js';
import { compileExpertReview } from './compile-expert-review.js';
import { compileFiling } from './compile-filing.js';
import { compileNotify } from './compile-notify.js';
import { compileParallel } from './compile-parallel.js';
import { compilePass } from './compile-pass.js';
import { compilePublicity } from './compile-publicity.js';
import { compileReview } from './compile-review.js';
import { compileRoster } from './compile-roster.js';
import { compileSend } from './compile-send.js';
import type { StepContext } from './context.js';
import type { Fragment } from './graph.js';
import type { Step } from './types.js';

export function compileStep(step: Step, ctx: StepContext): Fragment {
  switch (step.type) {
    case 'review':
      return compileReview(step, ctx);
    case 'publicity':
    case 'resultPublicity':
      return compilePublicity(step, ctx);
    case 'roster':
      return compileRoster(step, ctx);
    case 'send':
      return compileSend(step, ctx);
    case 'expertReview':
      return compileExpertReview(step, ctx);
    case 'filing':
      return compileFiling(step, ctx);
    case 'certificate':
      return compileCertificate(step, ctx);
    case 'notify':
      return compileNotify(step, ctx);
    case 'pass':
      return compilePass(step, ctx);
    case 'condition':
      return compileCondition(step, ctx);
    case 'parallel':
      return compileParallel(step, ctx);
  }
}

/**
 * Compiles the steps in order. `within(stepId, f)` runs f with the step as the owner of the elements
 * it adds (so a problem on an element can be shown on its step card).
 */
export function compileChain(steps: readonly Step[], ctx: StepContext, within: <T>(stepId: string, f: () => T) => T): Fragment | undefined {
  let first: Fragment | undefined;
  let exits: Fragment['exits'] = [];
  for (const step of steps) {
    const f = within(step.id, () => compileStep(step, ctx));
    if (!first) first = f;
    else ctx.graph.connect(exits, f.entry);
    exits = f.exits;
  }
  return first ? { entry: first.entry, exits } : undefined;
}
