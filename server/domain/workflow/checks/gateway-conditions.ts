// Every branch of an exclusive gateway has a FEEL condition or is the default; conditions
// elsewhere (conditional flows out of tasks, parallel branches) have no meaning here.
import type { Problem } from '../../result.js';
import { label, ref, str } from '../moddle.js';
import { problem, type CheckContext } from './context.js';

export function checkGatewayConditions(ctx: CheckContext): Problem[] {
  const out: Problem[] = [];
  for (const f of ctx.flows) {
    const source = ref(f, 'sourceRef');
    const cond = ref(f, 'conditionExpression');
    if (cond && source?.$type !== 'bpmn:ExclusiveGateway') {
      out.push(problem('bpmn.condition_not_allowed', `顺序流 ${label(f)} 带有条件，但只有排他网关的出口可以设置条件`, f.id));
    }
    if (cond && (str(cond, 'body') ?? '').trim() === '') {
      out.push(problem('bpmn.condition_empty', `顺序流 ${label(f)} 的条件为空`, f.id));
    }
  }
  for (const g of ctx.nodes.filter((n) => n.$type === 'bpmn:ExclusiveGateway')) {
    const outs = ctx.outgoing.get(g.id ?? '') ?? [];
    const def = ref(g, 'default');
    if (def && !outs.includes(def)) {
      out.push(problem('bpmn.default_not_outgoing', `排他网关 ${label(g)} 的默认流 ${def.id ?? '?'} 不是它的出口`, g.id));
    }
    if (outs.length < 2) continue;
    for (const f of outs) {
      if (f !== def && !ref(f, 'conditionExpression')) {
        out.push(
          problem('bpmn.missing_condition', `排他网关 ${label(g)} 的出口 ${label(f)} 既没有 FEEL 条件，也不是默认流`, f.id),
        );
      }
    }
  }
  return out;
}
