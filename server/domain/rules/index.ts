// Public API of the rules module.
export type * from './types.js';
export { checkSyntax, compileExpression, evaluateFeel, evaluateCondition } from './feel.js';
export { years, months, feelHelpers, HELPER_NAMES, HelperError } from './helpers.js';
export { buildContext, RESERVED_CONTEXT_NAMES, type ContextInput, type EvalContext, type Sector, type Grassroots } from './context.js';
export { compileRules } from './compile-rules.js';
export { evaluateEligibility } from './eligibility.js';
export { checkMaterials, requiredMaterials, type RequiredMaterials } from './materials.js';
