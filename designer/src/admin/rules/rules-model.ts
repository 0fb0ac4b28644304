// Pure helpers of the rules editor over the stored rules ({blocks[], paths[{id, name, conditions[{id, expr,
// message}]}]}): ids nobody has to type, path cards from presets, moves, and which check problems belong to
// which card or row (by JSON pointer). No React: unit-tested in test/designer/condition-builder.spec.ts.
import type { PathPreset } from './path-presets.js';

export interface CondValue {
  id: string;
  expr: string;
  message: string;
  [extra: string]: unknown;
}

/** a reference to a policy module (政策规则模块): in paths, its paths; in blocks, its blocks */
export interface UseValue {
  use: string;
  /** the module version the level was published with (stamped by publishing) */
  version?: number;
  [extra: string]: unknown;
}

/** one condition of a module's condition set, used in a path (its id and message may be reworded) */
export interface CondUseValue extends UseValue {
  condition: string;
  id?: string;
  message?: string;
}

export type CondEntry = CondValue | CondUseValue;
export type BlockEntry = CondValue | UseValue;

export interface PathValue {
  id: string;
  name: string;
  quotaExempt?: boolean;
  onceOnly?: boolean;
  conditions: CondEntry[];
  [extra: string]: unknown;
}

export type PathEntry = PathValue | UseValue;

export interface RulesValue {
  blocks?: BlockEntry[];
  paths: PathEntry[];
  [extra: string]: unknown;
}

export interface PointerProblem {
  code: string;
  message: string;
  pointer?: string;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCond = (v: unknown): v is CondValue => isObj(v) && typeof v.id === 'string' && typeof v.expr === 'string' && typeof v.message === 'string';
export const isUseValue = (v: unknown): v is UseValue => isObj(v) && typeof v.use === 'string';
const isCondUse = (v: unknown): v is CondUseValue => isUseValue(v) && typeof v.condition === 'string';
const isPath = (v: unknown): v is PathValue =>
  isObj(v) && typeof v.id === 'string' && typeof v.name === 'string' && Array.isArray(v.conditions) && v.conditions.every((c) => isCond(c) || isCondUse(c));

/** The rules when they have the shape the cards show; otherwise null (fix them in 高级 first). */
export function asRules(v: unknown): RulesValue | null {
  if (v === undefined || v === null) return { blocks: [], paths: [] };
  if (!isObj(v) || !Array.isArray(v.paths) || !v.paths.every((p) => isPath(p) || isUseValue(p))) return null;
  if (v.blocks !== undefined && !(Array.isArray(v.blocks) && v.blocks.every((b) => isCond(b) || isUseValue(b)))) return null;
  return v as RulesValue;
}

/** the level's own paths (not the module references) */
export const ownPaths = (rules: RulesValue): PathValue[] => rules.paths.filter((p): p is PathValue => !isUseValue(p));

/** base, or base-2, base-3 … when taken */
export function uniqueId(base: string, taken: readonly string[]): string {
  if (!taken.includes(base)) return base;
  for (let i = 2; ; i++) if (!taken.includes(`${base}-${i}`)) return `${base}-${i}`;
}

/** c1, c2 …: the first free one */
export function newConditionId(list: readonly (CondEntry | UseValue)[]): string {
  const taken = list.map((c) => (typeof c.id === 'string' ? c.id : isCondUse(c) ? c.condition : ''));
  for (let i = list.length + 1; ; i++) if (!taken.includes(`c${i}`)) return `c${i}`;
}

export const newCondition = (list: readonly (CondEntry | UseValue)[]): CondValue => ({ id: newConditionId(list), expr: '', message: '' });

export function newPath(rules: RulesValue, preset: PathPreset | null): PathValue {
  const taken = ownPaths(rules).map((p) => p.id);
  const base = preset ?? { id: 'path', name: '新申报路径' };
  const id = uniqueId(preset ? base.id : `path-${rules.paths.length + 1}`, taken);
  return {
    id,
    name: base.name,
    ...(base.quotaExempt ? { quotaExempt: true } : {}),
    ...(base.onceOnly ? { onceOnly: true } : {}),
    ...(base.onceGroup ? { onceGroup: base.onceGroup } : {}),
    conditions: [],
  };
}

export function move<T>(list: readonly T[], i: number, delta: -1 | 1): T[] {
  const j = i + delta;
  if (j < 0 || j >= list.length) return [...list];
  const out = [...list];
  [out[i], out[j]] = [out[j] as T, out[i] as T];
  return out;
}

export const replace = <T>(list: readonly T[], i: number, item: T): T[] => list.map((x, k) => (k === i ? item : x));
export const without = <T>(list: readonly T[], i: number): T[] => list.filter((_, k) => k !== i);

/** which list of conditions: the 不得申报 blocks, or the conditions of path i */
export type ListRef = 'blocks' | number;

/** Every edit of the rules the cards make, addressed by position; the editor applies them to the latest rules. */
export interface RulesOps {
  setCond(list: ListRef, j: number, c: CondValue): void;
  moveCond(list: ListRef, j: number, delta: -1 | 1): void;
  removeCond(list: ListRef, j: number): void;
  addCond(list: ListRef): void;
  setPath(i: number, p: PathValue): void;
  movePath(i: number, delta: -1 | 1): void;
  removePath(i: number): void;
}

export type ListEntry = CondEntry | UseValue;

export function listOf(rules: RulesValue, list: ListRef): ListEntry[] {
  if (list === 'blocks') return rules.blocks ?? [];
  const p = rules.paths[list];
  return p && !isUseValue(p) ? p.conditions : [];
}

/** the rules with one list of conditions replaced */
export function withList(rules: RulesValue, list: ListRef, conds: ListEntry[]): RulesValue {
  if (list === 'blocks') return { ...rules, blocks: conds as BlockEntry[] };
  const p = rules.paths[list];
  return p && !isUseValue(p) ? { ...rules, paths: replace(rules.paths, list, { ...p, conditions: conds as CondEntry[] }) } : rules;
}

export const listPointer = (list: ListRef, j: number): string => (list === 'blocks' ? `/rules/blocks/${j}` : `/rules/paths/${list}/conditions/${j}`);

/** pointers of the cards and rows */
export const pathPointer = (i: number): string => `/rules/paths/${i}`;
export const conditionPointer = (list: 'blocks' | 'paths', i: number, j?: number): string =>
  list === 'blocks' ? `/rules/blocks/${i}` : `/rules/paths/${i}/conditions/${j ?? 0}`;

/** the problems at a pointer or inside it */
export const problemsAt = <P extends PointerProblem>(problems: readonly P[] | null | undefined, pointer: string): P[] =>
  (problems ?? []).filter((p) => p.pointer !== undefined && (p.pointer === pointer || p.pointer.startsWith(`${pointer}/`)));

/** the problems of a path card itself, not of its conditions */
export const pathOwnProblems = <P extends PointerProblem>(problems: readonly P[] | null | undefined, i: number): P[] =>
  problemsAt(problems, pathPointer(i)).filter((p) => !p.pointer!.startsWith(`${pathPointer(i)}/conditions/`));

/** the row a pointer belongs to, e.g. /rules/paths/2/conditions/1/expr → /rules/paths/2/conditions/1 */
export function rowOf(pointer: string): string | undefined {
  const m = /^\/rules\/(?:paths\/\d+\/conditions\/\d+|blocks\/\d+|paths\/\d+)/.exec(pointer);
  return m?.[0];
}

/** a pointer into the rules in words: 「正常申报」第 2 条条件 */
export function describePointer(rules: unknown, pointer: string): string | undefined {
  const r = asRules(rules);
  if (!r) return undefined;
  let m = /^\/rules\/paths\/(\d+)\/conditions\/(\d+)/.exec(pointer);
  if (m) {
    const p = r.paths[Number(m[1])];
    return p && !isUseValue(p) ? `「${p.name}」第 ${Number(m[2]) + 1} 条条件` : undefined;
  }
  m = /^\/rules\/blocks\/(\d+)/.exec(pointer);
  if (m) return `不得申报的情形第 ${Number(m[1]) + 1} 条`;
  m = /^\/rules\/paths\/(\d+)/.exec(pointer);
  if (m) {
    const p = r.paths[Number(m[1])];
    return p ? (isUseValue(p) ? `申报路径第 ${Number(m[1]) + 1} 项（引用政策规则模块「${p.use}」）` : `申报路径「${p.name}」`) : undefined;
  }
  return pointer.startsWith('/rules') ? '资格规则' : undefined;
}
