// A FEEL expression is measured before feelin ever sees it: feelin's parser and interpreter grow far
// faster than the text (a 360 KB `true and true and …` took 4 GB and killed the process), so the text
// is refused when it is too long or has too many operators or brackets. One linear pass, no regex.
import type { Problem } from '../result.js';
import { LIMITS } from './limits.js';

/** FEEL keywords that are operators or start a construct; names are ASCII words in any case. */
const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'between', 'instance', 'if', 'for', 'some', 'every', 'function']);
const SYMBOLS = new Set(['=', '<', '>', '+', '-', '*', '/']);
/** each list item or argument is parsed and evaluated too: `[1,1,…]` costs like `1+1+…` */
const COMMA = ',';
const OPEN = new Set(['(', '[', '{']);
const CLOSE = new Set([')', ']', '}']);
const NAME_CHAR = /[\p{L}\p{N}_]/u;

export interface FeelMeasure {
  operators: number;
  nesting: number;
}

/** Operators, keywords and commas outside string literals, and the deepest bracket nesting. */
export function measureFeel(source: string): FeelMeasure {
  let operators = 0;
  let depth = 0;
  let nesting = 0;
  let i = 0;
  while (i < source.length) {
    const ch = source.charAt(i);
    if (ch === '"') {
      // skip a string literal, honouring backslash escapes
      i += 1;
      while (i < source.length && source.charAt(i) !== '"') i += source.charAt(i) === '\\' ? 2 : 1;
      i += 1;
      continue;
    }
    if (NAME_CHAR.test(ch)) {
      const start = i;
      while (i < source.length && NAME_CHAR.test(source.charAt(i))) i += 1;
      if (KEYWORDS.has(source.slice(start, i))) operators += 1;
      continue;
    }
    if (SYMBOLS.has(ch)) {
      operators += 1;
      // two-character operators (<=, >=, !=, **) count once
      const next = source.charAt(i + 1);
      i += next === '=' || (ch === '*' && next === '*') ? 2 : 1;
      continue;
    }
    if (ch === '!' && source.charAt(i + 1) === '=') {
      operators += 1;
      i += 2;
      continue;
    }
    if (ch === COMMA || (ch === '.' && source.charAt(i + 1) === '.')) operators += 1; // an item, a range
    if (OPEN.has(ch)) nesting = Math.max(nesting, ++depth);
    else if (CLOSE.has(ch) && depth > 0) depth -= 1;
    i += ch === '.' && source.charAt(i + 1) === '.' ? 2 : 1;
  }
  return { operators, nesting };
}

/** Where a FEEL problem points: a JSON pointer into a definition, or a BPMN element id. */
export type FeelLocation = Pick<Problem, 'pointer' | 'elementId'>;

/** feel.too_long / feel.too_complex for this expression, or undefined when it may be parsed. */
export function feelBoundsProblem(source: string, at: FeelLocation = {}): Problem | undefined {
  if (source.length > LIMITS.feelChars) {
    return { code: 'feel.too_long', message: `FEEL 表达式过长：${source.length} 个字符，上限 ${LIMITS.feelChars} 个`, ...at };
  }
  const m = measureFeel(source);
  if (m.operators > LIMITS.feelOperators) {
    return {
      code: 'feel.too_complex',
      message: `FEEL 表达式过于复杂：含 ${m.operators} 个运算符、关键字或逗号，上限 ${LIMITS.feelOperators} 个，请拆成几条条件`,
      ...at,
    };
  }
  if (m.nesting > LIMITS.feelNesting) {
    return { code: 'feel.too_complex', message: `FEEL 表达式过于复杂：括号嵌套 ${m.nesting} 层，上限 ${LIMITS.feelNesting} 层`, ...at };
  }
  return undefined;
}
