// A Handlebars parse error as a problem at its line and column, in Chinese. Handlebars throws two kinds:
// its own Exception (a block closed by the wrong name) carries lineNumber/column; the generated parser
// throws a plain Error ("Parse error on line 3: … Expecting …, got 'EOF'") and leaves the failing token's
// place in the shared lexer, which is read at once, before anything else parses.
import Handlebars from 'handlebars';
import type { Problem } from '../result.js';

interface LexerState {
  yylloc?: { first_line?: number; first_column?: number };
  match?: string;
}

const lexer = (): LexerState => ((Handlebars as unknown as { Parser?: { lexer?: LexerState } }).Parser?.lexer ?? {});

/** what the parser expected, from its English message, in words an administrator reads */
function hint(message: string, got: string): string {
  const found = /got '([A-Z_]+)'/.exec(message)?.[1];
  if (found === 'EOF') return '模板在此处意外结束：可能缺少结束标记（如 {{/if}}、{{/each}}）或 }}';
  if (found === 'INVALID') return `此处的「${got}」无法识别：请检查 {{ }} 内的写法`;
  if (found === 'CLOSE' || found === 'CLOSE_UNESCAPED') return '此处的 }} 来得太早：{{ }} 内缺少内容';
  if (/Expecting .*'CLOSE'/.test(message) && found === 'OPEN') return '上一个 {{ 没有用 }} 结束';
  return got === '' ? '此处不符合模板语法' : `此处的「${got}」不符合模板语法`;
}

const at = (line: number, column: number): string => `第 ${line} 行第 ${column} 列`;

/** offset of a 1-based line and 0-based column in the text */
const offsetOf = (source: string, line: number, column: number): number => {
  let at = 0;
  for (let l = 1; l < line && at >= 0; l++) at = source.indexOf('\n', at) + 1 || -1;
  return at < 0 ? source.length : Math.min(source.length, at + column);
};

/** where a {{ that is still open at `offset` starts (no }} after it), as 1-based line and column */
function openMustache(source: string, offset: number): { line: number; column: number } | null {
  const start = source.lastIndexOf('{{', offset);
  if (start < 0 || source.slice(start, offset).includes('}}')) return null;
  const before = source.slice(0, start);
  return { line: before.split('\n').length, column: start - before.lastIndexOf('\n') };
}

/** A problem located in the template text (line and column are 1-based). */
export function syntaxProblem(e: unknown, pointer: string, source = ''): Problem {
  if (e instanceof RangeError) {
    return { code: 'documents.too_deep', message: '模板嵌套过深（{{#if}}、{{#each}} 等块一层套一层过多），无法处理', pointer };
  }
  const err = e as { message?: unknown; lineNumber?: unknown; column?: unknown };
  const message = typeof err.message === 'string' ? err.message : String(e);
  if (typeof err.lineNumber === 'number') {
    // a block closed by another name: "if doesn't match each"
    const line = err.lineNumber;
    const column = (typeof err.column === 'number' ? err.column : 0) + 1;
    const m = /^(\S+) doesn't match (\S+)/.exec(message);
    const text = m ? `{{#${m[1]}}} 与结束标记 {{/${m[2]}}} 不配对` : '块的开始与结束标记不配对';
    return { code: 'documents.syntax', message: `模板语法错误（${at(line, column)}）：${text}`, pointer, line, column };
  }
  const state = lexer();
  const reported = /on line (\d+)/.exec(message);
  const line = state.yylloc?.first_line ?? (reported ? Number(reported[1]) : 1);
  const column = (state.yylloc?.first_column ?? 0) + 1;
  // a {{ left open is found where the next thing fails, often lines later: point at the {{ itself
  const open = openMustache(source, offsetOf(source, line, column - 1));
  if (open && (open.line < line || /got 'EOF'/.test(message))) {
    return { code: 'documents.syntax', message: `模板语法错误（${at(open.line, open.column)}）：这里的 {{ 没有用 }} 结束`, pointer, ...open };
  }
  return { code: 'documents.syntax', message: `模板语法错误（${at(line, column)}）：${hint(message, state.match ?? '')}`, pointer, line, column };
}
