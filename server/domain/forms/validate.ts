// Validate form data against a compiled form. A draft save is partial: the data may be
// incomplete, but whatever is filled in must already be right (type, format, range).
import type { ErrorObject } from 'ajv';
import type { FormValidation, FormValidator } from './types.js';
import { originalErrors, toProblems } from './messages.js';

/**
 * Keywords that only say "not complete yet". `minItems` is here because an empty
 * list in a draft (no papers added yet) is unfinished, not wrong.
 */
const COMPLETENESS = new Set(['required', 'minItems', 'dependencies']);

const isCompleteness = (e: ErrorObject): boolean => {
  if (COMPLETENESS.has(e.keyword)) return true;
  const originals = originalErrors(e);
  return originals.length > 0 && originals.every(isCompleteness);
};

/** Drop completeness errors, then the if/then summaries left with nothing underneath. */
function partialOnly(errors: ErrorObject[]): ErrorObject[] {
  const kept = errors.filter((e) => !isCompleteness(e));
  return kept.filter((e) => {
    if (e.keyword !== 'if') return true;
    const branch = `${e.schemaPath.slice(0, -'/if'.length)}/${String((e.params as { failingKeyword?: unknown }).failingKeyword ?? 'then')}`;
    return kept.some((k) => k !== e && k.schemaPath.startsWith(branch));
  });
}

export function validateForm(validator: FormValidator, data: unknown, opts: { partial: boolean }): FormValidation {
  const valid = validator.run(data);
  if (valid) return { valid: true, problems: [] };
  const all = [...(validator.run.errors ?? [])];
  const errors = opts.partial ? partialOnly(all) : all;
  return { valid: errors.length === 0, problems: toProblems(errors, validator.source, validator.schema) };
}
