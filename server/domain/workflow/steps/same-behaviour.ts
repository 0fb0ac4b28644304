// Is a flow's BPMN still what its steps compile to? Compared as the engine sees it (the compiled model:
// elements, names, who does what, conditions, durations), not as text: moving shapes in a modeler, or
// the modeler writing the XML its own way, keeps a flow in 简易模式; adding, removing or changing an
// element makes it 高级 (editable only as BPMN until the steps are compiled over it again).
import { compileWorkflow, type CompileOptions } from '../compile.js';
import type { CompiledModel } from '../model.js';

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

const ORDERLESS = new Set(['incoming', 'outgoing', 'boundary']);

/** stable text of a model: keys sorted, and lists whose order means nothing sorted too */
function canonical(v: unknown, key = ''): Json {
  if (Array.isArray(v)) {
    const items = v.map((x) => canonical(x));
    return ORDERLESS.has(key) ? [...items].sort((a, b) => String(a).localeCompare(String(b))) : items;
  }
  if (typeof v === 'object' && v !== null) {
    const out: { [k: string]: Json } = {};
    for (const k of Object.keys(v).sort()) out[k] = canonical((v as Record<string, unknown>)[k], k);
    return out;
  }
  return v === undefined ? null : (v as Json);
}

export const sameModel = (a: CompiledModel, b: CompiledModel): boolean => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/** true when `xml` behaves exactly as `compiledXml` (the steps' BPMN); false when it does not or does not compile */
export async function sameBehaviour(compiledXml: string, xml: string, options: CompileOptions): Promise<boolean> {
  const [a, b] = await Promise.all([compileWorkflow(compiledXml, options), compileWorkflow(xml, options)]);
  return a.ok && b.ok && sameModel(a.value, b.value);
}
