// Public API of the forms module.
export type { FormSchema, FormValidator, FormValidation } from './types.js';
export { compileForm } from './compile.js';
export { FormCache, cacheKey } from './cache.js';
export { toProblems } from './messages.js';
export { validateForm } from './validate.js';
export { metaCheckForm, type MetaCheckOptions } from './meta-check.js';
export { compileConditions, decompileConditions, conditionToIf, ifToCondition, isCondition, SHOW_IF, REQUIRED_IF, type FieldCondition, type ConditionOp } from './conditions.js';
export { checkIdDocument, idDocumentProblem, isIdDocumentType, ID_DOCUMENT_TYPES, ID_DOCUMENT_KEYWORD, type IdDocumentType } from './id-document.js';
export { declaredProperties } from './declared-fields.js';
