// Every FEEL expression parses (and reads no clock), so a typo is refused at publish, not at run time.
import type { Problem } from '../../result.js';
import { checkFeelStatically } from '../../rules/feel-static.js';
import type { FeelNames } from '../../rules/feel-types.js';
import { parseFeel } from '../feel.js';
import { ext, label, ref, str, type ModdleElement } from '../moddle.js';
import { problem, type CheckContext } from './context.js';

/** a flow's variables come from its tasks and messages at run time: names are open, functions are FEEL's own */
const FLOW_NAMES: FeelNames = { variables: new Map(), functions: new Set(), open: true };

function check(el: ModdleElement, what: string, source: string | undefined, out: Problem[], condition = false): void {
  if (source === undefined || source.trim() === '') return; // absence is reported by the owning check
  const r = parseFeel(source);
  if (!r.ok) {
    out.push(problem(r.error.code, `${label(el)} 的${what}：${r.error.message}`, el.id));
    return;
  }
  for (const f of checkFeelStatically(source, FLOW_NAMES, { expectBoolean: condition })) out.push(problem(f.code, `${label(el)} 的${what}：${f.message}`, el.id));
}

export function checkFeelExpressions(ctx: CheckContext): Problem[] {
  const out: Problem[] = [];
  for (const f of ctx.flows) {
    const cond = ref(f, 'conditionExpression');
    if (cond) check(f, '条件', str(cond, 'body'), out, true);
  }
  for (const t of ctx.nodes) {
    const v = ext(t, 'zc:Voting');
    if (!v) continue;
    check(t, '参会专家表达式', str(v, 'attendees'), out);
    check(t, '通过条件', str(v, 'completionCondition'), out, true);
  }
  return out;
}
