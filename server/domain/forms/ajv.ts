// One place that knows how to build a configured ajv instance, so compile and
// meta-check agree on options. CJS packages are loaded the way NodeNext needs.
import { Ajv, type Options } from 'ajv';
import type { RegExpEngine } from 'ajv/dist/types/index.js';
import addFormatsModule from 'ajv-formats';
import ajvErrorsModule from 'ajv-errors';
import RE2 from 're2';
import { addIdDocumentKeyword } from './id-document-keyword.js';

// ajv-formats / ajv-errors are CJS with `exports.default`; under NodeNext the default
// import is the module object, so unwrap `.default` when present.
type PluginFn = (ajv: Ajv) => Ajv;
const unwrap = (m: unknown): PluginFn => {
  const inner = (m as { default?: unknown }).default;
  return (typeof inner === 'function' ? inner : m) as PluginFn;
};
const addFormats = unwrap(addFormatsModule);
const addErrors = unwrap(ajvErrorsModule);

/**
 * `pattern` and `patternProperties` run on RE2, not on the backtracking RegExp engine: RE2 matches in
 * time linear in the input, so a definition's `^(a+)+$` cannot hold the event loop while an applicant's
 * "aaaa…!" is checked (11 s for 29 characters with RegExp). RE2 refuses backreferences and lookaround;
 * publish reports such a pattern at its pointer (pattern-check.ts) instead of failing here.
 */
export const RE2_ENGINE: RegExpEngine = Object.assign((pattern: string, flags: string) => new RE2(pattern, flags), { code: 'require("re2")' });

/**
 * Decision on strict mode: off. Draft-07 says unknown keywords are annotations and
 * RJSF tolerates them; a published form must never fail at run time because an
 * author added a hint. Typos are caught instead at publish time by meta-check's own
 * keyword walk, which reports every one (ajv strict mode would stop at the first).
 */
export const AJV_OPTIONS: Options = {
  allErrors: true, // required by ajv-errors, and "一次告知" needs every error at once
  strict: false,
  verbose: true, // gives parentSchema, used for field titles in messages
  addUsedSchema: false, // forms of several versions may share an $id
  // never mutate the caller's data: validation is a pure check
  coerceTypes: false,
  useDefaults: false,
  removeAdditional: false,
  code: { regExp: RE2_ENGINE },
};

/** A fresh instance per form: versions never collide and an evicted form frees its code. */
export function createAjv(): Ajv {
  const ajv = new Ajv(AJV_OPTIONS);
  addFormats(ajv);
  addErrors(ajv);
  addIdDocumentKeyword(ajv);
  return ajv;
}
