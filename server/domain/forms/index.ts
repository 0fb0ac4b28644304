// Public API of the forms module.
export type { FormSchema, FormValidator, FormValidation } from './types.js';
export { compileForm } from './compile.js';
export { FormCache, cacheKey } from './cache.js';
export { toProblems } from './messages.js';
export { validateForm } from './validate.js';
export { metaCheckForm, type MetaCheckOptions } from './meta-check.js';
