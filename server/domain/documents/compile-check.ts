// Publish-time check of document templates: parse, refuse anything that could emit
// unescaped data or depend on things outside the template, and compile. Every problem
// of every template is listed, with pointer /templates/<name>.
import Handlebars from 'handlebars';
import type { Problem } from '../result.js';
import type { Templates } from './types.js';
import { COMPILE_OPTIONS, hb, KNOWN_HELPERS } from './instance.js';
import { syntaxProblem } from './syntax-error.js';

const token = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');

type Located = { loc?: { start?: { line?: number; column?: number } } };
const where = (node: Located): string => {
  const start = node.loc?.start;
  return start?.line === undefined ? '' : `（第 ${start.line} 行第 ${(start.column ?? 0) + 1} 列）`;
};
/** 1-based line and column of a node, for editors that mark the line */
const place = (node: Located): { line?: number; column?: number } => {
  const start = node.loc?.start;
  return start?.line === undefined ? {} : { line: start.line, column: (start.column ?? 0) + 1 };
};

/** blocks inside one another; a real document nests three or four */
export const MAX_BLOCK_DEPTH = 32;
/** subexpressions inside one another in one {{ }}: `(eq (lookup a b) c)` is two */
export const MAX_SUBEXPRESSION_DEPTH = 16;

class Inspector extends Handlebars.Visitor {
  readonly found: { code: string; message: string; line?: number; column?: number }[] = [];

  private helper(node: { path: hbs.AST.PathExpression | hbs.AST.Literal; params: unknown[]; hash?: unknown } & Located): void {
    // a name followed by arguments is a helper call; unknown names would fail at render time
    const name = node.path.type === 'PathExpression' ? (node.path as hbs.AST.PathExpression).original : undefined;
    if (name !== undefined && (node.params.length > 0 || node.hash) && !KNOWN_HELPERS.has(name)) {
      this.found.push({ code: 'documents.unknown_helper', message: `未知的模板函数「${name}」${where(node)}，可用：${[...KNOWN_HELPERS].join('、')}`, ...place(node) });
    }
  }

  override MustacheStatement(node: hbs.AST.MustacheStatement): void {
    if (!node.escaped) {
      this.found.push({ code: 'documents.unescaped_output', message: `不允许不转义输出（{{{ }}} 或 {{& }}）${where(node)}`, ...place(node) });
    }
    this.helper(node);
    super.MustacheStatement(node);
  }

  override BlockStatement(node: hbs.AST.BlockStatement): void {
    this.helper(node);
    super.BlockStatement(node);
  }

  override SubExpression(node: hbs.AST.SubExpression): void {
    this.helper(node);
    super.SubExpression(node);
  }

  override PartialStatement(node: hbs.AST.PartialStatement): void {
    this.found.push({ code: 'documents.partial', message: `模板不得引用子模板（{{> }}）${where(node)}`, ...place(node) });
  }

  override PartialBlockStatement(node: hbs.AST.PartialBlockStatement): void {
    this.found.push({ code: 'documents.partial', message: `模板不得引用子模板（{{#> }}）${where(node)}`, ...place(node) });
  }

  override DecoratorBlock(node: hbs.AST.DecoratorBlock): void {
    this.found.push({ code: 'documents.decorator', message: `模板不得使用装饰器（{{#* }}）${where(node)}`, ...place(node) });
  }

  override Decorator(node: hbs.AST.Decorator): void {
    this.found.push({ code: 'documents.decorator', message: `模板不得使用装饰器（{{* }}）${where(node)}`, ...place(node) });
  }
}

/**
 * Nesting measured on the text before parsing: Handlebars' parser and compiler slow down steeply with depth
 * (2,000 blocks deep: seconds per parse; 5,000 subexpressions `(eq (eq …))` deep: most of a minute). Counts
 * block openings ({{#…}}, {{^…}}) against closings ({{/…}}), and brackets inside {{ }} outside quotes; an
 * opening inside a comment counts too, which only errs on the side of refusing.
 */
function tooDeep(source: string, pointer: string): Problem | null {
  const at = (i: number, what: string, limit: number): Problem => {
    const before = source.slice(0, i);
    const line = before.split('\n').length;
    const column = i - before.lastIndexOf('\n');
    return { code: 'documents.too_deep', message: `${what}嵌套超过 ${limit} 层（第 ${line} 行第 ${column} 列）`, pointer, line, column };
  };
  let blocks = 0;
  const tag = /\{\{~?\s*([#^/])(\s*~?\}\})?/g;
  for (let m = tag.exec(source); m !== null; m = tag.exec(source)) {
    if (m[1] === '/') blocks = Math.max(0, blocks - 1);
    else if (m[2] === undefined && ++blocks > MAX_BLOCK_DEPTH) return at(m.index, '块（{{#if}}、{{#each}} 等）', MAX_BLOCK_DEPTH); // {{^}} alone is an else
  }
  let inTag = false;
  let quote = '';
  let parens = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (!inTag) {
      if (c === '{' && source[i + 1] === '{') inTag = true;
    } else if (quote !== '') {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' && ++parens > MAX_SUBEXPRESSION_DEPTH) return at(i, '括号（子表达式）', MAX_SUBEXPRESSION_DEPTH);
    else if (c === ')') parens = Math.max(0, parens - 1);
    else if (c === '}' && source[i + 1] === '}') {
      inTag = false;
      parens = 0;
    }
  }
  return null;
}

/** Problems of one template; empty when it may be published. */
export function checkTemplate(source: string, pointer = ''): Problem[] {
  let ast: hbs.AST.Program;
  const inspector = new Inspector();
  const nested = tooDeep(source, pointer);
  if (nested) return [nested];
  try {
    ast = hb.parse(source);
    inspector.accept(ast); // recursive: a template nested thousands deep overflows here, reported as too deep
  } catch (e) {
    return [syntaxProblem(e, pointer, source)];
  }
  const problems: Problem[] = inspector.found.map((f) => ({ ...f, pointer }));
  if (problems.length > 0) return problems;
  try {
    // precompile is eager (compile is lazy): it surfaces what the compiler refuses now
    hb.precompile(source, COMPILE_OPTIONS);
  } catch (e) {
    problems.push({ code: 'documents.compile_failed', message: `模板无法编译：${e instanceof Error ? e.message : String(e)}`, pointer });
  }
  return problems;
}

/** Every problem of every template of a definition. */
export function checkTemplates(templates: Templates, opts: { pointerPrefix?: string; source?: string; required?: readonly string[] } = {}): Problem[] {
  const prefix = opts.pointerPrefix ?? '/templates';
  const problems: Problem[] = [];
  for (const name of opts.required ?? []) {
    if (!(name in templates)) problems.push({ code: 'documents.missing_template', message: `缺少文书模板「${name}」`, pointer: `${prefix}/${token(name)}` });
  }
  for (const [name, source] of Object.entries(templates)) problems.push(...checkTemplate(source, `${prefix}/${token(name)}`));
  return opts.source === undefined ? problems : problems.map((p) => ({ ...p, source: opts.source }));
}
