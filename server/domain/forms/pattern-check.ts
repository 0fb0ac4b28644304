// Publish-time check of a form's regular expressions (`pattern`, and the names of `patternProperties`):
// forms validate with RE2 (ajv.ts), which matches in linear time but has no backreferences or lookaround.
// Such a pattern is refused here at its pointer, with form.unsafe_pattern, rather than failing to compile
// later. Walks only schema positions, so an errorMessage's `pattern` text or a field named "pattern" is
// left alone; iterative, so a deep schema is not recursed into.
import RE2 from 're2';
import type { Problem } from '../result.js';

const SCHEMA_MAPS = ['properties', 'patternProperties', 'definitions', 'dependencies'];
const SCHEMA_ONE = ['additionalProperties', 'additionalItems', 'items', 'contains', 'propertyNames', 'not', 'if', 'then', 'else'];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'items'];

const token = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** why RE2 refuses this pattern, or undefined when it compiles */
export function re2Refusal(pattern: string): string | undefined {
  try {
    new RE2(pattern, 'u');
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

const unsafe = (pattern: string, reason: string, pointer: string): Problem => ({
  code: 'form.unsafe_pattern',
  message: `正则表达式「${pattern.length > 60 ? `${pattern.slice(0, 60)}…` : pattern}」不能使用：不支持反向引用和前后断言（${reason}），请改写`,
  pointer,
});

/** every pattern of the schema that RE2 cannot compile, with its pointer */
export function unsafePatterns(schema: unknown): Problem[] {
  const out: Problem[] = [];
  const stack: [unknown, string][] = [[schema, '']];
  while (stack.length > 0) {
    const [s, pointer] = stack.pop()!;
    if (!isObject(s)) continue;
    if (typeof s.pattern === 'string') {
      const reason = re2Refusal(s.pattern);
      if (reason !== undefined) out.push(unsafe(s.pattern, reason, `${pointer}/pattern`));
    }
    const byPattern = s.patternProperties;
    if (isObject(byPattern)) {
      for (const name of Object.keys(byPattern)) {
        const reason = re2Refusal(name);
        if (reason !== undefined) out.push(unsafe(name, reason, `${pointer}/patternProperties/${token(name)}`));
      }
    }
    for (const k of SCHEMA_MAPS) {
      const map = s[k];
      if (isObject(map)) for (const [name, sub] of Object.entries(map)) stack.push([sub, `${pointer}/${k}/${token(name)}`]);
    }
    for (const k of SCHEMA_ONE) stack.push([s[k], `${pointer}/${k}`]);
    for (const k of SCHEMA_LISTS) {
      const list = s[k];
      if (Array.isArray(list)) list.forEach((sub, i) => stack.push([sub, `${pointer}/${k}/${i}`]));
    }
  }
  return out.sort((a, b) => (a.pointer! < b.pointer! ? -1 : a.pointer! > b.pointer! ? 1 : 0));
}
