// Rendering's budget. The template text is bounded (LIMITS.templateChars) and partials are refused, so a
// template cannot recurse; but `{{#each}}` inside `{{#each}}` over the same list multiplies (ten lists of ten
// nested ten deep is 10¹⁰ rows), and no size limit on the text stops that. Two guards: a count of `each`
// iterations (deterministic: the same template and data are always cut off at the same place), and the wall
// clock (run-within.ts: Node's vm timeout interrupts whatever runs) as the backstop for anything the count
// misses. Neither is business logic: a real document iterates hundreds of times and renders in milliseconds.
import { DeadlineExceeded, runWithin } from '../run-within.js';
import { fail, ok, type Problem, type Result } from '../result.js';
import { hb } from './instance.js';

export const RENDER_BUDGET = {
  /**
   * `each` iterations in one rendering: a roster of thousands of rows with a few lists each stays below; on a
   * loaded 2-core machine 50,000 trivial iterations take about 0.3 s, so the count cuts off before the clock
   */
  iterations: 50_000,
  /** wall-clock budget of one rendering */
  ms: 1000,
} as const;

class TooManyIterations extends Error {}

let left = Number.POSITIVE_INFINITY; // iterations left in the rendering under way (rendering is synchronous)

type BlockFn = (context: unknown, options?: unknown) => string;
type EachOptions = { fn: BlockFn } & Record<string, unknown>;
const builtinEach = hb.helpers.each as (this: unknown, context: unknown, options: EachOptions) => string;

// the builtin `each`, with every iteration counted against the rendering's budget
hb.registerHelper('each', function (this: unknown, context: unknown, options: EachOptions) {
  const fn = options.fn;
  const counted: BlockFn = (ctx, opts) => {
    if (--left < 0) throw new TooManyIterations();
    return fn(ctx, opts);
  };
  return builtinEach.call(this, context, { ...options, fn: counted });
});

/** Runs one rendering within the budget; a runaway rendering is a problem, never a stalled server. */
export function withinRenderBudget(render: () => string, where: { pointer?: string; source?: string } = {}, budget: { iterations: number; ms: number } = RENDER_BUDGET): Result<string> {
  const outer = left;
  left = budget.iterations;
  try {
    return ok(runWithin(budget.ms, render));
  } catch (e) {
    const problem = (code: string, message: string): Result<string> => {
      const p: Problem = { code, message, ...where };
      return fail(code, message, [p]);
    };
    if (e instanceof TooManyIterations) return problem('documents.too_many_iterations', `文书生成已中止：{{#each}} 循环超过 ${budget.iterations} 次（循环套循环过多）`);
    if (e instanceof DeadlineExceeded) return problem('documents.render_timeout', `文书生成已中止：超过 ${budget.ms} 毫秒（模板过于复杂）`);
    if (e instanceof RangeError) return problem('documents.output_too_large', '文书生成已中止：输出过大或嵌套过深');
    throw e;
  } finally {
    left = outer;
  }
}
