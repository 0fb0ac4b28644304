// Impact preview: one applicant's eligibility under the published rules and under a draft, compared. Pure:
// two outcomes in, what changed out — whether they may apply (gains / loses), which paths flipped, and the
// conditions behind it in the words the applicant would read, each at its place in the draft's rules.
import type { CompiledRules, Eligibility } from './types.js';

export type ImpactChange = 'gains' | 'loses' | 'paths' | 'unchanged';

export interface PathFlip {
  id: string;
  name: string;
  before: boolean;
  after: boolean;
}

export interface ImpactReason {
  message: string;
  /** where the condition sits in the draft's (loses) or the published (gains) rules */
  pointer?: string;
}

export interface ImpactComparison {
  change: ImpactChange;
  /** paths whose result differs (a path only one side has counts as failed on the other) */
  paths: PathFlip[];
  /** loses: why the draft refuses; gains: what the published rules refused and the draft no longer does */
  reasons: ImpactReason[];
}

/** the pointer of a condition or block, by its id, in compiled rules (each expression keeps its pointer) */
function pointerOf(rules: CompiledRules, pathId: string | undefined, conditionId: string): string | undefined {
  if (pathId === undefined) return rules.blocks.find((b) => b.id === conditionId)?.expr.pointer;
  const path = rules.paths.find((p) => p.id === pathId);
  // 'onceOnly' (used before) has no expression: no pointer
  return path?.conditions.find((c) => c.id === conditionId)?.expr.pointer;
}

/** why `e` refuses: its blocks, else the failed conditions of the given paths (all paths when none is given) */
function refusals(e: Eligibility, rules: CompiledRules, pathIds: ReadonlySet<string> | null): ImpactReason[] {
  const out: ImpactReason[] = [];
  const seen = new Set<string>();
  const add = (r: ImpactReason): void => {
    const k = `${r.pointer ?? ''}|${r.message}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push(r);
  };
  for (const b of e.blocked) add({ message: b.message, ...opt(pointerOf(rules, undefined, b.id)) });
  if (e.blocked.length > 0) return out;
  for (const p of e.paths) {
    if (pathIds !== null && !pathIds.has(p.id)) continue;
    for (const f of p.failed) add({ message: `【${p.name}】${f.message}`, ...opt(pointerOf(rules, p.id, f.conditionId)) });
  }
  return out;
}

const opt = (pointer: string | undefined): { pointer?: string } => (pointer === undefined ? {} : { pointer });

export function compareEligibility(before: Eligibility, beforeRules: CompiledRules, after: Eligibility, afterRules: CompiledRules): ImpactComparison {
  const passedBefore = new Map(before.paths.map((p) => [p.id, p.passed && before.blocked.length === 0]));
  const passedAfter = new Map(after.paths.map((p) => [p.id, p.passed && after.blocked.length === 0]));
  const names = new Map([...before.paths, ...after.paths].map((p) => [p.id, p.name]));
  const paths: PathFlip[] = [];
  for (const [id, name] of names) {
    const b = passedBefore.get(id) ?? false;
    const a = passedAfter.get(id) ?? false;
    if (a !== b) paths.push({ id, name, before: b, after: a });
  }
  if (before.eligible && !after.eligible) {
    // the paths that let them apply before, and why each fails now
    const lost = new Set(paths.filter((p) => p.before).map((p) => p.id));
    return { change: 'loses', paths, reasons: refusals(after, afterRules, lost.size > 0 ? lost : null) };
  }
  if (!before.eligible && after.eligible) {
    const gained = new Set(paths.filter((p) => p.after).map((p) => p.id));
    return { change: 'gains', paths, reasons: refusals(before, beforeRules, gained.size > 0 ? gained : null) };
  }
  if (paths.length > 0) {
    const lost = new Set(paths.filter((p) => p.before).map((p) => p.id));
    return { change: 'paths', paths, reasons: lost.size > 0 ? refusals(after, afterRules, lost) : [] };
  }
  return { change: 'unchanged', paths: [], reasons: [] };
}
