// FEEL through feelin, made strict: a warning (missing variable, type mismatch, …) is an error,
// never a silent null/false. feelin parses on every call (~0.2 ms) and exposes no way to run a
// parsed tree, so we pre-parse once at compile (syntax check + referenced names) and memoise
// evaluations keyed by the expression and the values of the names it references: FEEL without
// now()/today() is a pure function of those values.
import { evaluate, parseExpression } from 'feelin';
import { feelBoundsProblem } from '../definitions/feel-bounds.js';
import { LIMITS } from '../definitions/limits.js';
import { withinFeelBudget } from '../feel-budget.js';
import { DeadlineExceeded } from '../run-within.js';
import { fail, ok, type Result } from '../result.js';

/** A compiled FEEL expression: JSON-serialisable, stored in the compiled model. */
export interface FeelExpr {
  source: string;
  /** top-level variable names it references (first segment of a path) */
  names: string[];
}

const CLOCK_FUNCTIONS = new Set(['now', 'today']);

interface SyntaxNodeRef {
  readonly name: string;
  readonly from: number;
  readonly to: number;
  readonly type: { readonly isError: boolean };
}

export function parseFeel(source: string): Result<FeelExpr> {
  if (source.trim() === '') return fail('feel.empty', 'FEEL 表达式为空');
  // measured before feelin parses it: its parser grows far faster than the text
  const bound = feelBoundsProblem(source);
  if (bound) return fail(bound.code, bound.message);
  let tree;
  try {
    tree = parseExpression(source, {}, undefined);
  } catch (e) {
    return fail('feel.syntax', `FEEL 表达式语法错误：${source}（${e instanceof Error ? e.message : String(e)}）`);
  }
  const names = new Set<string>();
  let error: number | null = null;
  let clock: string | null = null;
  tree.iterate({
    enter(node: SyntaxNodeRef) {
      if (node.type.isError && error === null) error = node.from;
      if (node.name === 'VariableName') names.add(source.slice(node.from, node.to).trim());
      if (node.name === 'FunctionInvocation') {
        const callee = source.slice(node.from, node.to).split('(')[0]!.trim();
        if (CLOCK_FUNCTIONS.has(callee)) clock = callee;
      }
      return undefined;
    },
  });
  if (error !== null) return fail('feel.syntax', `FEEL 表达式语法错误（第 ${Number(error) + 1} 个字符附近）：${source}`);
  if (clock !== null) return fail('feel.clock', `FEEL 表达式不得调用 ${String(clock)}()：流程时间只来自事件（${source}）`);
  return ok({ source, names: [...names] });
}

const MEMO_LIMIT = 20_000;
const memo = new Map<string, Result<unknown>>();

function memoKey(expr: FeelExpr, context: Readonly<Record<string, unknown>>): string | null {
  let key = expr.source;
  for (const n of expr.names) {
    const v = context[n];
    if (v === undefined) key += '\u0000-';
    else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null) key += `\u0000${typeof v}:${String(v)}`;
    else if (Array.isArray(v) && v.length <= 64 && v.every((x) => typeof x === 'string')) key += `\u0000a:${JSON.stringify(v)}`;
    else return null; // objects: not worth hashing, evaluate directly
  }
  return key;
}

export function evaluateFeel(expr: FeelExpr, context: Readonly<Record<string, unknown>>): Result<unknown> {
  const key = memoKey(expr, context);
  if (key !== null) {
    const hit = memo.get(key);
    if (hit) return hit;
  }
  const result = evaluateUncached(expr.source, context);
  // a stopped evaluation says nothing about the values: it is not remembered
  if (key !== null && (result.ok || result.error.code !== 'feel.too_complex')) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, result);
  }
  return result;
}

const tooSlow = (source: string) =>
  fail('feel.too_complex', `FEEL 表达式“${source.slice(0, 80)}”计算超时（单次上限 ${LIMITS.feelEvaluationMs} 毫秒），已中止：表达式过于复杂`);

function evaluateUncached(source: string, context: Readonly<Record<string, unknown>>): Result<unknown> {
  try {
    // bounded in time: the text is bounded, but `for i in 1..1e9` is short
    const { value, warnings } = withinFeelBudget(() => evaluate(source, { ...context }));
    if (warnings.length > 0) {
      return fail('feel.evaluation', `FEEL 表达式“${source}”求值出错：${warnings.map((w) => w.message).join('；')}`);
    }
    return ok(value);
  } catch (e) {
    if (e instanceof DeadlineExceeded) return tooSlow(source);
    return fail('feel.evaluation', `FEEL 表达式“${source}”求值出错：${e instanceof Error ? e.message : String(e)}`);
  }
}

export function evaluateBoolean(expr: FeelExpr, context: Readonly<Record<string, unknown>>): Result<boolean> {
  const r = evaluateFeel(expr, context);
  if (!r.ok) return r;
  if (typeof r.value !== 'boolean') {
    return fail('feel.not_boolean', `条件“${expr.source}”的结果不是 true/false（实际为 ${JSON.stringify(r.value)}）`);
  }
  return ok(r.value);
}
