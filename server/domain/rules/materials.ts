// Which checklist items this application must carry: `required`, or `requiredWhen`
// evaluated against the same context as the eligibility rules.
import type { MaterialDef } from './types.js';
import type { EvalContext } from './context.js';
import type { Problem } from '../result.js';
import { checkSyntax, compileExpression, evaluateCondition } from './feel.js';

/** Publish-time syntax check of every requiredWhen, pointer /materials/i/requiredWhen. */
export function checkMaterials(materials: readonly MaterialDef[], pointerPrefix = '/materials'): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  materials.forEach((m, i) => {
    if (seen.has(m.id)) problems.push({ code: 'materials.duplicate_id', message: `材料编号「${m.id}」重复`, pointer: `${pointerPrefix}/${i}/id` });
    seen.add(m.id);
    if (m.requiredWhen !== undefined) {
      const p = checkSyntax(m.requiredWhen, `${pointerPrefix}/${i}/requiredWhen`);
      if (p) problems.push(p);
    }
  });
  return problems;
}

export interface RequiredMaterials {
  /** ids of the items that must be uploaded */
  required: string[];
  /** requiredWhen expressions that could not be decided; such items count as required */
  problems: Problem[];
}

export function requiredMaterials(materials: readonly MaterialDef[], context: EvalContext, pointerPrefix = '/materials'): RequiredMaterials {
  const required: string[] = [];
  const problems: Problem[] = [];
  materials.forEach((m, i) => {
    if (m.requiredWhen === undefined) {
      if (m.required) required.push(m.id);
      return;
    }
    const expr = compileExpression(m.requiredWhen, `${pointerPrefix}/${i}/requiredWhen`);
    const r = expr.ok ? evaluateCondition(expr.value, context) : expr;
    if (r.ok) {
      if (r.value || m.required) required.push(m.id);
    } else {
      problems.push(...r.error.details);
      required.push(m.id);
    }
  });
  return { required, problems };
}
