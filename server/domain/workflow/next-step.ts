// 我的申报's "下一步": the step an application reaches next if the current one agrees — walked forward from the open
// task through the compiled model as the engine would go (gateway conditions on the flow's variables, with every
// review 同意 and every vote passing, as the dry run assumes), skipping service tasks, to the next named step.
import type { Variables } from './state.js';
import { evaluateBoolean } from './feel.js';
import type { CompiledModel, ElementDef } from './model.js';

const AGREE: Variables = { decision: 'approve', vote: 'approve', passed: true };
const MAX_HOPS = 50;

/** the name of the next step a person waits on (a task or a timed/awaited event), or null at the end */
export function nextStepName(model: CompiledModel, fromElementId: string, variables: Variables): string | null {
  const context = { ...variables, ...AGREE };
  const seen = new Set<string>();
  let current: ElementDef | undefined = model.elements[fromElementId];
  for (let hops = 0; current && hops < MAX_HOPS; hops++) {
    const flowId = leaving(model, current, context);
    const next: ElementDef | undefined = flowId ? model.elements[model.flows[flowId]?.target ?? ''] : undefined;
    if (!next || seen.has(next.id)) return null;
    seen.add(next.id);
    if (next.kind === 'endEvent') return null;
    if ((next.kind === 'userTask' && next.assignment.role !== 'applicant') || next.kind === 'timerCatch' || next.kind === 'messageCatch') {
      if (next.name) return next.name;
    }
    current = next;
  }
  return null;
}

/** the flow a token takes out of the element: the first true condition at an exclusive gateway, else its default */
function leaving(model: CompiledModel, el: ElementDef, context: Variables): string | undefined {
  if (el.kind !== 'exclusiveGateway') return el.outgoing[0];
  for (const id of el.outgoing) {
    const cond = model.flows[id]?.condition;
    if (id === el.default || !cond) continue;
    const r = evaluateBoolean(cond, context);
    if (r.ok && r.value) return id;
  }
  return el.default ?? el.outgoing[0];
}
