// A message event waits for a named message (e.g. "complaint"); the name is how events correlate.
import type { Problem } from '../../result.js';
import { label, ref, str } from '../moddle.js';
import { eventDefinitions, problem, type CheckContext } from './context.js';

export function checkMessageNames(ctx: CheckContext): Problem[] {
  const out: Problem[] = [];
  for (const e of ctx.nodes) {
    const def = eventDefinitions(e).find((d) => d.$type === 'bpmn:MessageEventDefinition');
    if (!def) continue;
    const msg = ref(def, 'messageRef');
    if (!msg || (str(msg, 'name') ?? '').trim() === '') {
      out.push(problem('bpmn.missing_message', `消息事件 ${label(e)} 未引用带名称的 bpmn:Message`, e.id));
    }
  }
  return out;
}
