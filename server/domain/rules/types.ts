// Minimal structural types for what the rules module consumes from a level
// definition (`rules`, `materials[].requiredWhen`). The generated LevelDefinition
// types satisfy these.
import type { Problem } from '../result.js';

export interface ConditionDef {
  readonly id: string;
  /** FEEL expression that must be true for the condition to hold */
  readonly expr: string;
  /** Chinese explanation shown to the applicant when it does not hold */
  readonly message: string;
}

export interface PathDef {
  readonly id: string;
  readonly name: string;
  /** not counted against post quotas (D8 破格); exposed to conditions as `path.quotaExempt` */
  readonly quotaExempt?: boolean;
  /** may be used once per person (D8); enforced against `history.usedPaths` */
  readonly onceOnly?: boolean;
  /** paths of one group share the one use (D8: 破格 paths 1–5, 原则上只可享受一次政策优惠); the group's name in words */
  readonly onceGroup?: string;
  readonly conditions: readonly ConditionDef[];
}

export interface RulesDef {
  readonly paths: readonly PathDef[];
  /** hard blocks for every path (A4): the expression being true refuses the application */
  readonly blocks?: readonly ConditionDef[];
}

export interface MaterialDef {
  readonly id: string;
  readonly name: string;
  readonly required: boolean;
  /** FEEL: when present and true, the item is required whatever `required` says */
  readonly requiredWhen?: string;
  readonly accept?: readonly string[];
  readonly maxBytes?: number;
}

/** A FEEL expression that has passed the syntax check; only feel.ts creates these. */
export interface CompiledExpression {
  readonly source: string;
  /** JSON pointer of the expression inside the definition, for error reports */
  readonly pointer: string;
  readonly __compiled: true;
}

export interface CompiledCondition {
  readonly id: string;
  readonly message: string;
  readonly expr: CompiledExpression;
}

export interface CompiledPath {
  readonly id: string;
  readonly name: string;
  readonly quotaExempt: boolean;
  readonly onceOnly: boolean;
  readonly onceGroup?: string;
  readonly conditions: readonly CompiledCondition[];
}

export interface CompiledRules {
  readonly paths: readonly CompiledPath[];
  readonly blocks: readonly CompiledCondition[];
}

export interface FailedCondition {
  conditionId: string;
  message: string;
  /** set when the condition could not be decided (missing value, bad helper input): an authoring or data problem */
  error?: Problem;
}

export interface PathOutcome {
  id: string;
  name: string;
  quotaExempt: boolean;
  onceOnly: boolean;
  onceGroup?: string;
  passed: boolean;
  failed: FailedCondition[];
}

export interface BlockOutcome {
  id: string;
  message: string;
  /** the block applies (expression true) or could not be decided (error set) */
  error?: Problem;
}

export interface Eligibility {
  /** every path, in definition order, passed or with all its failed conditions */
  paths: PathOutcome[];
  /** blocks that apply: any one refuses the application whatever the paths say */
  blocked: BlockOutcome[];
  eligible: boolean;
}
