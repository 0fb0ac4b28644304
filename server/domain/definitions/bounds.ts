// The first check of every definition body, before the meta-schema, the hash or any parser: its size, its
// nesting and the length of every string and property name, with tighter limits for the strings that are
// parsed (FEEL, templates, BPMN XML). One iterative walk in document order: a 5,000-deep body is measured,
// not recursed into, and nothing here grows faster than the body.
import type { DefinitionKind } from '../../store/port.js';
import { fail, ok, type Problem, type Result } from '../result.js';
import { feelBoundsProblem } from './feel-bounds.js';
import { LIMITS } from './limits.js';
import { xmlBoundsProblems } from './xml-bounds.js';

type Role = 'feel' | 'template' | 'bpmn' | 'plain';

/** Where each kind keeps the strings that are parsed; `*` is any one token. */
const ROLES: Partial<Record<DefinitionKind, Pattern[]>> = {
  level: [
    [['rules', 'paths', '*', 'conditions', '*', 'expr'], 'feel'],
    [['rules', 'blocks', '*', 'expr'], 'feel'],
    [['materials', '*', 'requiredWhen'], 'feel'],
    [['templates', '*'], 'template'],
  ],
  policy: [
    [['blocks', '*', 'expr'], 'feel'],
    [['paths', '*', 'conditions', '*', 'expr'], 'feel'],
    [['conditions', '*', 'expr'], 'feel'],
  ],
  template: [[['source'], 'template']],
  workflow: [[['xml'], 'bpmn']],
};

const STRING_LIMIT: Record<Role, number> = {
  feel: LIMITS.feelChars,
  template: LIMITS.templateChars,
  bpmn: LIMITS.bpmnXmlChars,
  plain: LIMITS.stringChars,
};

const WHAT: Record<Role, string> = { feel: 'FEEL 表达式', template: '文书模板', bpmn: 'BPMN 文件', plain: '文字' };

type Pattern = [string[], Role];

interface Node {
  value: unknown;
  depth: number;
  parent: Node | undefined;
  key: string;
  /** the role patterns this node's path still matches (a prefix of): none for most nodes */
  patterns: readonly Pattern[];
}

const token = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** the pointer of a node, built only when a problem is reported */
function pointerOf(node: Node): string {
  const tokens: string[] = [];
  for (let n: Node | undefined = node; n?.parent; n = n.parent) tokens.push(`/${token(n.key)}`);
  return tokens.reverse().join('');
}

/** the patterns a child still matches: its key is the pattern's next token */
const narrow = (patterns: readonly Pattern[], depth: number, key: string): readonly Pattern[] =>
  patterns.length === 0 ? patterns : patterns.filter(([path]) => path.length >= depth && (path[depth - 1] === '*' || path[depth - 1] === key));

const roleOf = (node: Node): Role => node.patterns.find(([path]) => path.length === node.depth - 1)?.[1] ?? 'plain';

/** a string's share of the JSON text, escapes not counted: the limit is about scale, not the exact byte */
const jsonLength = (s: string): number => s.length + 2;

/**
 * Every bounds problem of a definition body, in document order (at most LIMITS.problems), or [] when it
 * may go on to the meta-schema and the kind's checks. Codes: definition.too_large (the body, or all its FEEL), definition.too_deep,
 * definition.string_too_long, feel.too_long, feel.too_complex.
 */
export function definitionBoundsProblems(kind: DefinitionKind, body: unknown, source?: string): Problem[] {
  const problems: Problem[] = [];
  const add = (p: Problem): void => {
    if (problems.length < LIMITS.problems) problems.push(source === undefined ? p : { ...p, source });
  };
  let size = 0;
  let feelTotal = 0;
  let tooDeep = false;
  const stack: Node[] = [{ value: body, depth: 1, parent: undefined, key: '', patterns: ROLES[kind] ?? [] }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const v = node.value;
    if (typeof v === 'string') {
      size += jsonLength(v);
      const role = roleOf(node);
      if (role === 'feel') feelTotal += v.length;
      if (v.length > STRING_LIMIT[role]) {
        add(
          role === 'feel'
            ? feelBoundsProblem(v, { pointer: pointerOf(node) })!
            : { code: 'definition.string_too_long', message: `${WHAT[role]}过长：${v.length} 个字符，上限 ${STRING_LIMIT[role]} 个`, pointer: pointerOf(node) },
        );
      } else if (role === 'feel') {
        const p = feelBoundsProblem(v, { pointer: pointerOf(node) });
        if (p) add(p);
      } else if (role === 'bpmn') {
        for (const p of xmlBoundsProblems(v, pointerOf(node), LIMITS.problems - problems.length)) add(p);
      }
      continue;
    }
    if (v === null || typeof v !== 'object') {
      size += String(v).length;
      continue;
    }
    const entries: [string, unknown][] = Array.isArray(v) ? v.map((x, i) => [String(i), x]) : Object.entries(v);
    size += 2 + Math.max(0, entries.length - 1); // brackets and commas
    if (node.depth > LIMITS.depth) {
      // the first container too deep is reported; nothing below any such container is walked
      if (!tooDeep) add({ code: 'definition.too_deep', message: `定义嵌套过深：超过 ${LIMITS.depth} 层`, pointer: pointerOf(node) });
      tooDeep = true;
      continue;
    }
    let longName = false;
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, value] = entries[i]!;
      let name = key;
      if (!Array.isArray(v)) {
        size += jsonLength(key) + 1;
        if (key.length > LIMITS.propertyNameChars) {
          longName = true;
          name = `${key.slice(0, 32)}…`; // a pointer below it names the key, not copies it
        }
      }
      stack.push({ value, depth: node.depth + 1, parent: node, key: name, patterns: narrow(node.patterns, node.depth, key) });
    }
    if (longName) {
      add({ code: 'definition.string_too_long', message: `属性名过长：上限 ${LIMITS.propertyNameChars} 个字符`, pointer: pointerOf(node) });
    }
  }
  // whole-body problems come first, pointer "": the body, not one place in it
  const whole: Problem[] = [];
  if (size > LIMITS.bodyChars) {
    whole.push({ code: 'definition.too_large', message: `定义过大：约 ${Math.ceil(size / 1024)} KB，上限 ${LIMITS.bodyChars / 1024} KB`, pointer: '' });
  }
  if (feelTotal > LIMITS.feelTotalChars) {
    whole.push({
      code: 'definition.too_large',
      message: `FEEL 表达式合计 ${feelTotal} 个字符，上限 ${LIMITS.feelTotalChars} 个：每条都要在发布和载入时解析`,
      pointer: '',
    });
  }
  return [...whole.map((p) => (source === undefined ? p : { ...p, source })), ...problems].slice(0, LIMITS.problems);
}

/** The bounds as a refusal: 422 definition.invalid listing every problem, the one error shape of publish. */
export function checkDefinitionBounds(kind: DefinitionKind, key: string, body: unknown): Result<void> {
  const problems = definitionBoundsProblems(kind, body, `${kind}/${key}`);
  if (problems.length === 0) return ok(undefined);
  return fail('definition.invalid', `${kind}/${key} 超出平台对定义的大小限制（${problems.length} 处），未处理`, problems);
}
