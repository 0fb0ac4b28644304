// "May I apply, and how?": every path with every failed condition, never stopping at
// the first, so the applicant sees all routes and all reasons at once.
import type { BlockOutcome, CompiledCondition, CompiledPath, CompiledRules, Eligibility, FailedCondition, PathOutcome } from './types.js';
import type { EvalContext } from './context.js';
import { evaluateCondition } from './feel.js';
import { fillMessage } from './message-facts.js';

const ONCE_ONLY_ID = 'onceOnly';

function usedPaths(context: EvalContext): readonly unknown[] {
  const history = context.history;
  if (typeof history !== 'object' || history === null) return [];
  const used = (history as { usedPaths?: unknown }).usedPaths;
  return Array.isArray(used) ? used : [];
}

/** D8: a group's one use is spent by any path of the group (recorded under the group's name or, before groups, a path id) */
function onceUsed(path: CompiledPath, all: readonly CompiledPath[], context: EvalContext): FailedCondition | undefined {
  if (!path.onceOnly) return undefined;
  const used = usedPaths(context);
  const group = path.onceGroup;
  if (group === undefined) return used.includes(path.id) ? { conditionId: ONCE_ONLY_ID, message: `「${path.name}」每人只能使用一次，此前已使用过` } : undefined;
  const spent = used.includes(group) || all.some((p) => p.onceGroup === group && used.includes(p.id));
  return spent ? { conditionId: ONCE_ONLY_ID, message: `「${group}」原则上只可享受一次，此前已使用过` } : undefined;
}

function evaluatePath(path: CompiledPath, all: readonly CompiledPath[], context: EvalContext): PathOutcome {
  const failed: FailedCondition[] = [];
  const once = onceUsed(path, all, context);
  if (once) failed.push(once);
  // conditions may refer to the path itself, e.g. `path.quotaExempt or counters.quota.used < counters.quota.allocated`
  const ctx = { ...context, path: { id: path.id, name: path.name, quotaExempt: path.quotaExempt, onceOnly: path.onceOnly } };
  for (const c of path.conditions) {
    const r = evaluateCondition(c.expr, ctx);
    if (r.ok && r.value) continue;
    const message = fillMessage(c.message, context);
    failed.push(r.ok ? { conditionId: c.id, message } : { conditionId: c.id, message, error: r.error.details[0] });
  }
  return { id: path.id, name: path.name, quotaExempt: path.quotaExempt, onceOnly: path.onceOnly, ...(path.onceGroup ? { onceGroup: path.onceGroup } : {}), passed: failed.length === 0, failed };
}

/** A block that cannot be decided also blocks: refusing on missing data is safer than letting it through. */
function evaluateBlock(block: CompiledCondition, context: EvalContext): BlockOutcome | undefined {
  const r = evaluateCondition(block.expr, context);
  const message = fillMessage(block.message, context);
  if (r.ok) return r.value ? { id: block.id, message } : undefined;
  return { id: block.id, message, error: r.error.details[0] };
}

export function evaluateEligibility(rules: CompiledRules, context: EvalContext): Eligibility {
  const paths = rules.paths.map((p) => evaluatePath(p, rules.paths, context));
  const blocked = rules.blocks.map((b) => evaluateBlock(b, context)).filter((b): b is BlockOutcome => b !== undefined);
  return { paths, blocked, eligible: blocked.length === 0 && paths.some((p) => p.passed) };
}
