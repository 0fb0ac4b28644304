// Public API of the documents module.
export type { Templates, Labels, RenderRequest } from './types.js';
export { renderBody, renderDocument } from './render.js';
export { checkTemplate, checkTemplates } from './compile-check.js';
export { labelsFromSchema, pointerLabel } from './labels.js';
export { formatDate, CUSTOM_HELPERS } from './helpers.js';
export { htmlPage, PRINT_CSS } from './page.js';
