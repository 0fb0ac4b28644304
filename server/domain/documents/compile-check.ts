// Publish-time check of document templates: parse, refuse anything that could emit
// unescaped data or depend on things outside the template, and compile. Every problem
// of every template is listed, with pointer /templates/<name>.
import Handlebars from 'handlebars';
import type { Problem } from '../result.js';
import type { Templates } from './types.js';
import { COMPILE_OPTIONS, hb, KNOWN_HELPERS } from './instance.js';

const token = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');

type Located = { loc?: { start?: { line?: number; column?: number } } };
const where = (node: Located): string => {
  const start = node.loc?.start;
  return start?.line === undefined ? '' : `（第 ${start.line} 行第 ${(start.column ?? 0) + 1} 列）`;
};

class Inspector extends Handlebars.Visitor {
  readonly found: { code: string; message: string }[] = [];

  private helper(node: { path: hbs.AST.PathExpression | hbs.AST.Literal; params: unknown[]; hash?: unknown } & Located): void {
    // a name followed by arguments is a helper call; unknown names would fail at render time
    const name = node.path.type === 'PathExpression' ? (node.path as hbs.AST.PathExpression).original : undefined;
    if (name !== undefined && (node.params.length > 0 || node.hash) && !KNOWN_HELPERS.has(name)) {
      this.found.push({ code: 'documents.unknown_helper', message: `未知的模板函数「${name}」${where(node)}，可用：${[...KNOWN_HELPERS].join('、')}` });
    }
  }

  override MustacheStatement(node: hbs.AST.MustacheStatement): void {
    if (!node.escaped) {
      this.found.push({ code: 'documents.unescaped_output', message: `不允许不转义输出（{{{ }}} 或 {{& }}）${where(node)}` });
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
    this.found.push({ code: 'documents.partial', message: `模板不得引用子模板（{{> }}）${where(node)}` });
  }

  override PartialBlockStatement(node: hbs.AST.PartialBlockStatement): void {
    this.found.push({ code: 'documents.partial', message: `模板不得引用子模板（{{#> }}）${where(node)}` });
  }

  override DecoratorBlock(node: hbs.AST.DecoratorBlock): void {
    this.found.push({ code: 'documents.decorator', message: `模板不得使用装饰器（{{#* }}）${where(node)}` });
  }

  override Decorator(node: hbs.AST.Decorator): void {
    this.found.push({ code: 'documents.decorator', message: `模板不得使用装饰器（{{* }}）${where(node)}` });
  }
}

/** Problems of one template; empty when it may be published. */
export function checkTemplate(source: string, pointer = ''): Problem[] {
  let ast: hbs.AST.Program;
  try {
    ast = hb.parse(source);
  } catch (e) {
    return [{ code: 'documents.syntax', message: `模板语法错误：${e instanceof Error ? e.message : String(e)}`, pointer }];
  }
  const inspector = new Inspector();
  inspector.accept(ast);
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
