// Minimal structural types for what the forms module consumes. The official
// LevelDefinition types are generated from schemas/level.schema.json; these only
// name the parts this module reads, so either shape satisfies them.
import type { ValidateFunction } from 'ajv';

/** A form JSON Schema (draft-07) as stored in a level definition's `form`. */
export type FormSchema = Readonly<Record<string, unknown>>;

/** A compiled form: compiled once per definition version, reused for every validation. */
export interface FormValidator {
  /** `${key}@${version}` or another caller-chosen label; used as Problem.source */
  readonly source: string;
  readonly schema: FormSchema;
  /** @internal the ajv function; callers go through validateForm */
  readonly run: ValidateFunction;
}

export interface FormValidation {
  valid: boolean;
  problems: import('../result.js').Problem[];
}
