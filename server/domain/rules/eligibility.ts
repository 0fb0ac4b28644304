// "May I apply, and how?": every path with every failed condition, never stopping at
// the first, so the applicant sees all routes and all reasons at once.
import type { BlockOutcome, CompiledCondition, CompiledPath, CompiledRules, Eligibility, FailedCondition, PathOutcome } from './types.js';
import type { EvalContext } from './context.js';
import { evaluateCondition } from './feel.js';

const ONCE_ONLY_ID = 'onceOnly';

function usedPaths(context: EvalContext): readonly unknown[] {
  const history = context.history;
  if (typeof history !== 'object' || history === null) return [];
  const used = (history as { usedPaths?: unknown }).usedPaths;
  return Array.isArray(used) ? used : [];
}

function evaluatePath(path: CompiledPath, context: EvalContext): PathOutcome {
  const failed: FailedCondition[] = [];
  if (path.onceOnly && usedPaths(context).includes(path.id)) {
    failed.push({ conditionId: ONCE_ONLY_ID, message: `「${path.name}」每人只能使用一次，此前已使用过` });
  }
  // conditions may refer to the path itself, e.g. `path.quotaExempt or counters.quota.used < counters.quota.allocated`
  const ctx = { ...context, path: { id: path.id, name: path.name, quotaExempt: path.quotaExempt, onceOnly: path.onceOnly } };
  for (const c of path.conditions) {
    const r = evaluateCondition(c.expr, ctx);
    if (r.ok && r.value) continue;
    failed.push(r.ok ? { conditionId: c.id, message: c.message } : { conditionId: c.id, message: c.message, error: r.error.details[0] });
  }
  return { id: path.id, name: path.name, quotaExempt: path.quotaExempt, onceOnly: path.onceOnly, passed: failed.length === 0, failed };
}

/** A block that cannot be decided also blocks: refusing on missing data is safer than letting it through. */
function evaluateBlock(block: CompiledCondition, context: EvalContext): BlockOutcome | undefined {
  const r = evaluateCondition(block.expr, context);
  if (r.ok) return r.value ? { id: block.id, message: block.message } : undefined;
  return { id: block.id, message: block.message, error: r.error.details[0] };
}

export function evaluateEligibility(rules: CompiledRules, context: EvalContext): Eligibility {
  const paths = rules.paths.map((p) => evaluatePath(p, context));
  const blocked = rules.blocks.map((b) => evaluateBlock(b, context)).filter((b): b is BlockOutcome => b !== undefined);
  return { paths, blocked, eligible: blocked.length === 0 && paths.some((p) => p.passed) };
}
