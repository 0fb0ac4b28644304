// Thin wrapper over feelin. Warnings are errors: feelin answers a missing variable
// with null plus a warning, and a null condition must never read as "not eligible"
// without saying why.
//
// Parse once: feelin 8.2 exports no way to evaluate a parsed tree (its Interpreter is
// private; `evaluate` re-parses, ≈0.2 ms). So the syntax check runs once per definition
// version (compile-rules) and a CompiledExpression proves it passed; evaluation re-parses.
import { evaluate, parseExpression, type Warning } from 'feelin';
import { feelBoundsProblem } from '../definitions/feel-bounds.js';
import { LIMITS } from '../definitions/limits.js';
import { withinFeelBudget } from '../feel-budget.js';
import { DeadlineExceeded } from '../run-within.js';
import type { CompiledExpression } from './types.js';
import type { Problem } from '../result.js';
import { fail, ok, type Result } from '../result.js';
import { HelperError } from './helpers.js';

export function checkSyntax(source: string, pointer: string): Problem | undefined {
  if (source.trim() === '') return { code: 'rules.empty_expression', message: '表达式为空', pointer };
  // measured before feelin parses it: its parser grows far faster than the text
  const bound = feelBoundsProblem(source, { pointer });
  if (bound) return bound;
  let at: number | undefined;
  try {
    parseExpression(source, {}, undefined).iterate({
      enter(node) {
        if (at === undefined && node.type.isError) at = node.from;
        return at === undefined;
      },
    });
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return { code: 'rules.syntax', message: `FEEL 表达式无法解析：${detail}`, pointer };
  }
  if (at === undefined) return undefined;
  const near = source.slice(Math.max(0, at - 10), at + 10);
  return {
    code: 'rules.syntax',
    message: `FEEL 表达式语法错误：第 ${at + 1} 个字符附近（…${near}…）`,
    pointer,
  };
}

export function compileExpression(source: string, pointer: string): Result<CompiledExpression> {
  const problem = checkSyntax(source, pointer);
  if (problem) return fail(problem.code, problem.message, [problem]);
  return ok({ source, pointer, __compiled: true });
}

const PATH_CHAR = /[\p{L}\p{N}_.]/u;

/** feelin points a missing key at its last segment ("since"); widen to the whole path ("currentTitle.since"). */
function pathAt(source: string, from: number, to: number): string {
  let a = from;
  let b = to;
  while (a > 0 && PATH_CHAR.test(source.charAt(a - 1))) a--;
  while (b < source.length && PATH_CHAR.test(source.charAt(b))) b++;
  return source.slice(a, b).trim();
}

/** The text the warning points at names the variable, clearer than feelin's English. */
function warningProblem(w: Warning, expr: CompiledExpression): Problem {
  const text = pathAt(expr.source, w.position.from, w.position.to) || w.message;
  switch (w.type) {
    case 'NO_VARIABLE_FOUND':
    case 'NO_CONTEXT_ENTRY_FOUND':
    case 'NO_PROPERTY_FOUND':
      return { code: 'rules.missing_value', message: `缺少数据：「${text}」没有值`, pointer: expr.pointer };
    case 'NO_FUNCTION_FOUND':
      return { code: 'rules.unknown_function', message: `未知函数：「${text}」`, pointer: expr.pointer };
    default:
      return { code: 'rules.evaluation', message: `表达式「${text}」无法计算（${w.type}：${w.message}）`, pointer: expr.pointer };
  }
}

/** an evaluation stopped at its time budget (a loop over a huge range, a backtracking `matches`) */
const tooSlow = (pointer: string): Problem => ({
  code: 'feel.too_complex',
  message: `FEEL 表达式计算超时（单次上限 ${LIMITS.feelEvaluationMs} 毫秒），已中止：表达式过于复杂`,
  pointer,
});

/** Evaluate; any warning or a thrown helper error becomes a failed Result listing every problem. */
export function evaluateFeel(expr: CompiledExpression, context: Record<string, unknown>): Result<unknown> {
  let result: { value: unknown; warnings: Warning[] };
  try {
    // bounded in time: the text is bounded, but `for i in 1..1e9` is short
    result = withinFeelBudget(() => evaluate(expr.source, context));
  } catch (e) {
    // helpers throw HelperError with a Chinese message; anything else is a feelin failure
    const problem: Problem =
      e instanceof HelperError
        ? { code: e.code, message: e.message, pointer: expr.pointer }
        : e instanceof DeadlineExceeded
          ? tooSlow(expr.pointer)
          : { code: 'rules.evaluation', message: `表达式无法计算：${e instanceof Error ? e.message : String(e)}`, pointer: expr.pointer };
    return fail(problem.code, problem.message, [problem]);
  }
  if (result.warnings.length > 0) {
    const problems = result.warnings.map((w) => warningProblem(w, expr));
    const first = problems[0]!;
    return fail(first.code, first.message, problems);
  }
  return ok(result.value);
}

/** A condition must decide: true or false. null (a null field, a helper given null) is an error, not a "no". */
export function evaluateCondition(expr: CompiledExpression, context: Record<string, unknown>): Result<boolean> {
  const r = evaluateFeel(expr, context);
  if (!r.ok) return r;
  if (typeof r.value === 'boolean') return ok(r.value);
  const problem: Problem = {
    code: r.value === null ? 'rules.null_result' : 'rules.not_boolean',
    message:
      r.value === null
        ? `条件「${expr.source}」的结果为空：所用数据可能未填写`
        : `条件「${expr.source}」的结果不是真/假`,
    pointer: expr.pointer,
  };
  return fail(problem.code, problem.message, [problem]);
}
