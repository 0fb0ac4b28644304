// Model → FEEL. Deterministic and readable, in the style the seeded rules are written in, so an
// untouched condition reads back as it was and the 高级 pane shows what a person would have typed.
// An unfinished rule (no fact picked, no value yet) is reported with where it is, never guessed.
import {
  DATE_REF_FEEL,
  splitColumn,
  type ConditionGroup,
  type ConditionNode,
  type ConditionRule,
  type OperatorId,
  type Scalar,
} from './condition-model.js';
import { operatorDef } from './condition-operators.js';
import type { Result } from '../result.js';

/** An unfinished or invalid part of a model: `at` is the child indices from the root group. */
export interface ConditionProblem {
  readonly at: readonly number[];
  readonly message: string;
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
// words FEEL reads as syntax; a field so named cannot be written as a plain path
const FEEL_WORDS = new Set(['and', 'or', 'not', 'in', 'if', 'then', 'else', 'for', 'return', 'some', 'every', 'satisfies', 'true', 'false', 'null', 'between', 'instance', 'of', 'function', 'external']);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** the name a table row takes inside `some … satisfies` */
export const ROW_VAR = 'p';

class Incomplete extends Error {}

function segments(path: string): string[] {
  const segs = path.split('.');
  for (const s of segs) if (!IDENT.test(s) || FEEL_WORDS.has(s)) throw new Incomplete(`「${path}」不是可用的字段路径`);
  return segs;
}

/** form.a.b */
const plain = (path: string): string => segments(path).join('.');

/** get value(get value(form, "a"), "b"): null instead of an error when any step is missing */
export function safeRef(path: string): string {
  const [head, ...rest] = segments(path);
  return rest.reduce((acc, s) => `get value(${acc}, ${literal(s)})`, head as string);
}

export function literal(v: Scalar | boolean): string {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Incomplete('数值无效');
    return String(v);
  }
  if (typeof v === 'boolean') return String(v);
  return `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}"`;
}

/** wrap in parentheses unless the text already is one parenthesised whole */
export function wrap(text: string): string {
  if (text.startsWith('(') && text.endsWith(')')) {
    let depth = 0;
    let inString = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (inString) {
        if (c === '\\') i++;
        else if (c === '"') inString = false;
        continue;
      }
      if (c === '"') inString = true;
      else if (c === '(') depth++;
      else if (c === ')' && --depth === 0 && i < text.length - 1) return `(${text})`;
    }
    return text;
  }
  return `(${text})`;
}

function one(rule: ConditionRule): Scalar {
  const v = rule.value;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v !== '') return v;
  throw new Incomplete('请填写比较的值');
}

function list(rule: ConditionRule): readonly Scalar[] {
  const v = rule.value;
  if (Array.isArray(v) && v.length > 0) return v as readonly Scalar[];
  throw new Incomplete('请至少选择一个值');
}

function count(rule: ConditionRule, whole: boolean): number {
  const v = rule.value;
  if (typeof v !== 'number' || !Number.isFinite(v) || (whole && (!Number.isInteger(v) || v < 0))) {
    throw new Incomplete(whole ? '请填写不小于 0 的整数' : '请填写数值');
  }
  return v;
}

function dateOperand(rule: ConditionRule): string {
  if (rule.until) return DATE_REF_FEEL[rule.until];
  const v = rule.value;
  if (typeof v === 'string' && DATE.test(v)) return literal(v);
  throw new Incomplete('请选择比较的日期');
}

function until(rule: ConditionRule): string {
  if (!rule.until) throw new Incomplete('请选择计算至哪一天');
  return DATE_REF_FEEL[rule.until];
}

const NULL_SAFE: ReadonlySet<OperatorId> = new Set(['eq', 'in', 'isTrue', 'isFalse']);
const COMPARE: Partial<Record<OperatorId, string>> = { gte: '>=', gt: '>', lte: '<=', lt: '<' };
const DATE_COMPARE: Partial<Record<OperatorId, string>> = { dateOnOrAfter: '>=', dateAfter: '>', dateOnOrBefore: '<=', dateBefore: '<' };

/** the comparison itself, on `ref` (plain) or `safe` (null-safe) access to the value */
function body(rule: ConditionRule, ref: string, safe: string, platform: boolean): string {
  const op = rule.op;
  switch (op) {
    case 'eq':
      return `${ref} = ${literal(one(rule))}`;
    case 'ne':
      return `${ref} != ${literal(one(rule))}`;
    case 'in':
      return `(${ref} in [${list(rule).map(literal).join(', ')}])`;
    case 'notIn':
      return `not(${ref} in [${list(rule).map(literal).join(', ')}])`;
    case 'contains':
      return `list contains(${ref}, ${literal(one(rule))})`;
    case 'isTrue':
      return platform ? ref : `${ref} = true`;
    case 'isFalse':
      return platform ? `not(${ref})` : `${ref} = false`;
    case 'filled':
      return `${safe} != null`;
    case 'empty':
      return `${safe} = null`;
    case 'countAtLeast':
      return `count(${ref}) >= ${count(rule, true)}`;
    case 'yearsAtLeast':
      return `years(${ref}, ${until(rule)}) >= ${count(rule, true)}`;
    case 'yearsLess':
      return `years(${ref}, ${until(rule)}) < ${count(rule, true)}`;
    case 'monthsAtLeast':
      return `months(${ref}, ${until(rule)}) >= ${count(rule, true)}`;
    case 'monthsLess':
      return `months(${ref}, ${until(rule)}) < ${count(rule, true)}`;
    default: {
      const cmp = COMPARE[op];
      if (cmp) return `${ref} ${cmp} ${literal(count(rule, false))}`;
      const dcmp = DATE_COMPARE[op];
      if (dcmp) return `date(${ref}) ${dcmp} date(${dateOperand(rule)})`;
      throw new Incomplete(`不支持的比较方式「${String(op)}」`);
    }
  }
}

function guarded(guard: string, text: string): string {
  return `(if ${safeRef(guard)} = null then false else ${wrap(text)})`;
}

function compileRule(rule: ConditionRule): string {
  if (rule.fact === '') throw new Incomplete('请选择要判断的字段或事实');
  if (!operatorDef(rule.op)) throw new Incomplete('请选择比较方式');
  const col = splitColumn(rule.fact);
  if (col) {
    // a column: tested on the rows of its table; missing cells read as null for the null-safe operators
    const cell = `${ROW_VAR}.${segments(col.column).join('.')}`;
    const safeCell = safeRef(cell);
    const nullSafe = NULL_SAFE.has(rule.op) || rule.op === 'filled' || rule.op === 'empty';
    const text = `(${rule.each ?? 'some'} ${ROW_VAR} in ${plain(col.table)} satisfies ${body(rule, nullSafe ? safeCell : cell, safeCell, false)})`;
    return rule.guard ? guarded(rule.guard, text) : text;
  }
  const platform = !rule.fact.startsWith('form.');
  if (rule.guard === rule.fact && NULL_SAFE.has(rule.op)) {
    // `get value(form, "x") = true` is false when x is missing: the guard costs nothing
    const safe = safeRef(rule.fact);
    return body(rule, safe, safe, false);
  }
  const text = body(rule, plain(rule.fact), safeRef(rule.fact), platform);
  return rule.guard ? guarded(rule.guard, text) : text;
}

function compileNode(node: ConditionNode, at: readonly number[], problems: ConditionProblem[]): string {
  if (node.kind === 'rule') {
    try {
      return compileRule(node);
    } catch (e) {
      if (!(e instanceof Incomplete)) throw e;
      problems.push({ at, message: e.message });
      return '';
    }
  }
  return compileGroup(node, at, problems);
}

function compileGroup(group: ConditionGroup, at: readonly number[], problems: ConditionProblem[]): string {
  if (group.children.length === 0) {
    problems.push({ at, message: '条件组是空的：请添加条件，或删除此组' });
    return '';
  }
  const parts = group.children.map((c, i) => {
    const text = compileNode(c, [...at, i], problems);
    // a nested group of several conditions is always parenthesised, so and/or never mix unseen
    return c.kind === 'group' && (c.children.length > 1 || c.guard) && !c.not ? wrap(text) : text;
  });
  const joined = parts.length === 1 ? (parts[0] as string) : parts.join(` ${group.op} `);
  const text = group.not ? `not(${joined})` : joined;
  if (!group.guard) return text;
  try {
    return guarded(group.guard, text);
  } catch (e) {
    if (!(e instanceof Incomplete)) throw e;
    problems.push({ at, message: e.message });
    return '';
  }
}

/** FEEL for a condition, or every unfinished part with where it is. */
export function compileCondition(node: ConditionNode): Result<string, ConditionProblem[]> {
  const problems: ConditionProblem[] = [];
  const text = compileNode(node, [], problems);
  return problems.length > 0 ? { ok: false, error: problems } : { ok: true, value: text };
}
