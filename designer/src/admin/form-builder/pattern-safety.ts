// The browser's first look at a field's 格式（正则表达式）: forms validate on RE2 (server/domain/forms/ajv.ts), which
// has no backreferences or lookaround, and publish refuses such a pattern (server/domain/forms/pattern-check.ts).
// The same refusal is shown here while typing, in the server's words; the server's check stays authoritative.

const BACKREFERENCE = /\\[1-9]|\\k</;
const LOOKAROUND = /\(\?<?[=!]/;

export function patternProblem(pattern: string): string | null {
  if (pattern === '') return null;
  try {
    new RegExp(pattern, 'u');
  } catch (e) {
    return `正则表达式写法有误：${e instanceof Error ? e.message : String(e)}`;
  }
  const shown = pattern.length > 60 ? `${pattern.slice(0, 60)}…` : pattern;
  if (BACKREFERENCE.test(pattern)) return `正则表达式「${shown}」不能使用：不支持反向引用和前后断言（含反向引用），请改写`;
  if (LOOKAROUND.test(pattern)) return `正则表达式「${shown}」不能使用：不支持反向引用和前后断言（含前后断言），请改写`;
  return null;
}
