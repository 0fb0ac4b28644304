// Publish-time FEEL check on feelin's parse tree (a static walk, no evaluation): every function
// called exists (a FEEL built-in, a platform helper or a function the expression defines), every
// name used exists (a form field, a platform fact, or a name the expression binds), members of
// known objects exist, and a condition's result can be true/false.
// Chosen over evaluating on a sample context because evaluation follows one branch of every `if`,
// `or` and `some`, and a sample form cannot hold every field at once; the walk sees all of it.
// When the walk cannot know a type (a `get value`, a filter, a composed schema) it accepts.
import { evaluate, parseExpression } from 'feelin';
import { HELPER_RESULTS } from './context-shape.js';
import { ANY, BOOLEAN, listOf, NUMBER, STRING, type FeelNames, type FeelType } from './feel-types.js';

type SyntaxNode = ReturnType<typeof parseExpression>['topNode'];

export interface FeelFinding {
  code: 'feel.unknown_function' | 'feel.unknown_variable' | 'feel.unknown_property' | 'feel.not_boolean';
  message: string;
}

/** a known value that is not true/false (an arithmetic result, a date, …) */
const VALUE: FeelType = { kind: 'function' };
const NON_BOOLEAN = new Set(['number', 'string', 'list', 'object', 'null', 'function']);

/** FEEL built-ins whose result is never true/false: a condition made of one of these is a mistake */
const NON_BOOLEAN_BUILTINS = new Set([
  'count', 'sum', 'min', 'max', 'mean', 'median', 'stddev', 'mode', 'product', 'abs', 'floor', 'ceiling', 'decimal', 'round up', 'round down',
  'round half up', 'round half down', 'modulo', 'sqrt', 'log', 'exp', 'number', 'string', 'string length', 'substring', 'substring before',
  'substring after', 'upper case', 'lower case', 'replace', 'split', 'string join', 'concatenate', 'append', 'insert before', 'remove',
  'reverse', 'sort', 'distinct values', 'flatten', 'union', 'sublist', 'index of', 'date', 'time', 'date and time', 'duration',
  'years and months duration', 'now', 'today', 'day of week', 'day of year', 'week of year', 'month of year', 'get entries', 'context',
  'context put', 'context merge',
]);

const KIND_WORDS: Record<string, string> = { number: '数字', string: '文本', list: '列表', object: '对象', null: '空值', function: '数值' };

const builtins = new Map<string, boolean>();

/** A FEEL built-in is whatever feelin resolves to a function in an empty context: no list to keep in step. */
function isBuiltin(name: string): boolean {
  const known = builtins.get(name);
  if (known !== undefined) return known;
  let found = false;
  try {
    const r = evaluate(name, {});
    found = typeof r.value === 'function' && r.warnings.length === 0;
  } catch {
    found = false;
  }
  if (builtins.size < 1000) builtins.set(name, found);
  return found;
}

class TooDeep extends Error {}
const MAX_DEPTH = 200;

type Local = ReadonlyMap<string, FeelType>;

class Walker {
  readonly findings: FeelFinding[] = [];
  private readonly reported = new Set<string>();

  constructor(
    private readonly source: string,
    private readonly names: FeelNames,
  ) {}

  private text(n: SyntaxNode): string {
    return this.source.slice(n.from, n.to).replace(/\s+/g, ' ').trim();
  }

  private report(f: FeelFinding): void {
    const key = `${f.code}:${f.message}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.findings.push(f);
  }

  private children(n: SyntaxNode): SyntaxNode[] {
    const out: SyntaxNode[] = [];
    for (let c = n.firstChild; c; c = c.nextSibling) out.push(c);
    return out;
  }

  visit(n: SyntaxNode, local: Local, lenient: boolean, depth: number): FeelType {
    if (depth > MAX_DEPTH) throw new TooDeep();
    const d = depth + 1;
    const kids = this.children(n);
    const all = (scope: Local = local, len = lenient): FeelType[] => kids.map((k) => this.visit(k, scope, len, d));
    switch (n.name) {
      case 'Expression':
      case 'ParenthesizedExpression':
      case 'FunctionBody': {
        const types = all().filter((_, i) => !['(', ')'].includes(kids[i]!.name));
        return types.length === 1 ? types[0]! : ANY;
      }
      case 'VariableName':
        return this.variable(this.text(n), local, lenient);
      case 'PathExpression':
        return this.path(kids, local, lenient, d);
      case 'FunctionInvocation':
        return this.invocation(kids, local, lenient, d);
      case 'QuantifiedExpression':
      case 'ForExpression': {
        const inner = new Map(local);
        for (const k of kids) {
          if (k.name === 'InExpressions') {
            for (const ie of this.children(k)) {
              const parts = this.children(ie);
              const name = parts.find((p) => p.name === 'Name');
              const ctx = parts.find((p) => p.name === 'IterationContext');
              const t = ctx ? this.visit(ctx, inner, lenient, d) : ANY;
              if (name) inner.set(this.text(name), t.kind === 'list' ? t.item : ANY);
            }
          } else if (!['some', 'every', 'for', 'satisfies', 'return'].includes(k.name)) {
            this.visit(k, inner, lenient, d);
          }
        }
        return n.name === 'QuantifiedExpression' ? BOOLEAN : listOf(ANY);
      }
      case 'IterationContext': {
        const types = all().filter((_, i) => kids[i]!.name !== '..');
        return types.length === 1 ? types[0]! : listOf(NUMBER);
      }
      case 'FilterExpression': {
        const [base, , filter] = kids;
        const t = base ? this.visit(base, local, lenient, d) : ANY;
        const inner = new Map(local);
        inner.set('item', t.kind === 'list' ? t.item : ANY);
        // members of the items are visible by their bare names inside a filter: names are not judged there
        if (filter) this.visit(filter, inner, true, d);
        return ANY;
      }
      case 'Context': {
        const inner = new Map(local);
        const props = new Map<string, FeelType>();
        for (const entry of kids.filter((k) => k.name === 'ContextEntry')) {
          const [key, value] = this.children(entry);
          const t = value ? this.visit(value, inner, lenient, d) : ANY;
          const name = key ? this.text(key).replace(/^"(.*)"$/, '$1') : '';
          inner.set(name, t);
          props.set(name, t);
        }
        return { kind: 'object', props, open: false };
      }
      case 'FunctionDefinition': {
        const inner = new Map(local);
        for (const k of kids) {
          if (k.name === 'FormalParameters') {
            for (const p of this.children(k)) {
              const pn = this.children(p).find((c) => c.name === 'ParameterName');
              if (pn) inner.set(this.text(pn), ANY);
            }
          }
        }
        for (const k of kids) if (k.name === 'FunctionBody') this.visit(k, inner, lenient, d);
        return { kind: 'function' };
      }
      case 'InstanceOfExpression':
        if (kids[0]) this.visit(kids[0], local, lenient, d);
        return BOOLEAN;
      case 'Comparison':
      case 'Conjunction':
      case 'Disjunction':
        all();
        return BOOLEAN;
      case 'BooleanLiteral':
        return BOOLEAN;
      case 'ArithmeticExpression':
        all();
        return VALUE;
      case 'NumericLiteral':
        return NUMBER;
      case 'StringLiteral':
        return STRING;
      case 'null':
        return { kind: 'null' };
      case 'List': {
        const items = all().filter((_, i) => !['[', ']'].includes(kids[i]!.name));
        return listOf(items.length > 0 && items.every((t) => t.kind === items[0]!.kind && t.kind !== 'object' && t.kind !== 'list') ? items[0]! : ANY);
      }
      case 'DateTimeLiteral':
        for (const k of kids) if (k.name === 'PositionalParameters') this.visit(k, local, lenient, d);
        return VALUE;
      case 'IfExpression': {
        const parts = kids.filter((k) => !['if', 'then', 'else'].includes(k.name)).map((k) => this.visit(k, local, lenient, d));
        const [, a, b] = parts;
        if (a && b && NON_BOOLEAN.has(a.kind) && NON_BOOLEAN.has(b.kind)) return VALUE;
        if (a?.kind === 'boolean' && b?.kind === 'boolean') return BOOLEAN;
        return ANY;
      }
      case 'Name':
      case 'Key':
      case 'ParameterName':
      case 'Type':
        return ANY;
      default:
        all();
        return ANY;
    }
  }

  private variable(name: string, local: Local, lenient: boolean): FeelType {
    const t = local.get(name) ?? this.names.variables.get(name);
    if (t) return t;
    if (isBuiltin(name)) return { kind: 'function' };
    if (!lenient && !this.names.open) {
      this.report({ code: 'feel.unknown_variable', message: `未知的名称「${name}」：表单中没有此字段，平台也不提供此数据` });
    }
    return ANY;
  }

  private member(t: FeelType, name: string, owner: string, lenient: boolean): FeelType {
    if (t.kind === 'list') return listOf(this.member(t.item, name, owner, lenient));
    if (t.kind === 'object') {
      const m = t.props.get(name);
      if (m) return m;
      if (!t.open && !lenient) this.report({ code: 'feel.unknown_property', message: `「${owner}」没有名为「${name}」的字段` });
      return ANY;
    }
    if (['boolean', 'number', 'string'].includes(t.kind) && !lenient) {
      this.report({ code: 'feel.unknown_property', message: `「${owner}」是${KIND_WORDS[t.kind] ?? t.kind}，没有名为「${name}」的字段` });
    }
    return ANY;
  }

  private path(kids: SyntaxNode[], local: Local, lenient: boolean, depth: number): FeelType {
    const [base, , member] = kids;
    if (!base) return ANY;
    const t = this.visit(base, local, lenient, depth);
    return member ? this.member(t, this.text(member), this.text(base), lenient) : ANY;
  }

  private invocation(kids: SyntaxNode[], local: Local, lenient: boolean, depth: number): FeelType {
    const [callee, ...rest] = kids;
    const args: { node: SyntaxNode; type: FeelType }[] = [];
    for (const k of rest) {
      if (k.name === 'PositionalParameters') for (const a of this.children(k)) args.push({ node: a, type: this.visit(a, local, lenient, depth) });
      if (k.name === 'NamedParameters') {
        for (const np of this.children(k)) for (const a of this.children(np).filter((c) => c.name !== 'ParameterName')) this.visit(a, local, lenient, depth);
      }
    }
    if (!callee) return ANY;
    if (callee.name !== 'VariableName') {
      this.visit(callee, local, lenient, depth);
      return ANY;
    }
    const name = this.text(callee);
    if (local.has(name)) return ANY;
    if (this.names.functions.has(name)) return HELPER_RESULTS[name] ?? ANY;
    if (!isBuiltin(name)) {
      this.report({ code: 'feel.unknown_function', message: `未知函数「${name}」：既不是 FEEL 内置函数，也不是平台提供的函数` });
      return ANY;
    }
    // get value(ctx, "key") on an object whose fields are known: the key must be one of them
    if (name === 'get value' && args.length === 2 && args[1]!.node.name === 'StringLiteral') {
      const key = this.text(args[1]!.node).replace(/^"(.*)"$/, '$1');
      const owner = args[0]!;
      if (owner.type.kind === 'object') return this.member(owner.type, key, this.text(owner.node), lenient);
    }
    return NON_BOOLEAN_BUILTINS.has(name) ? VALUE : ANY;
  }
}

/**
 * Findings for one expression that has already passed the syntax check. `expectBoolean` for
 * conditions. An expression nested too deep for the walk yields nothing here: its size and
 * complexity are judged by the syntax check.
 */
const findingsCache = new WeakMap<FeelNames, Map<string, FeelFinding[]>>();

export function checkFeelStatically(source: string, names: FeelNames, opts: { expectBoolean?: boolean } = {}): FeelFinding[] {
  let cached = findingsCache.get(names);
  if (!cached) findingsCache.set(names, (cached = new Map()));
  const key = `${opts.expectBoolean === true ? 'b' : 'v'}${source}`;
  const hit = cached.get(key);
  if (hit) return hit.map((f) => ({ ...f }));
  const found = analyse(source, names, opts);
  cached.set(key, found);
  return found.map((f) => ({ ...f }));
}

function analyse(source: string, names: FeelNames, opts: { expectBoolean?: boolean }): FeelFinding[] {
  let tree;
  try {
    tree = parseExpression(source, {}, undefined);
  } catch {
    return [];
  }
  const w = new Walker(source, names);
  let result: FeelType;
  try {
    result = w.visit(tree.topNode, new Map(), false, 0);
  } catch (e) {
    if (e instanceof TooDeep) return [];
    throw e;
  }
  if (opts.expectBoolean && NON_BOOLEAN.has(result.kind)) {
    const what = result === VALUE ? '一个值' : (KIND_WORDS[result.kind] ?? result.kind);
    w.findings.push({ code: 'feel.not_boolean', message: `条件的结果应为真/假，此表达式的结果是${what}` });
  }
  return w.findings;
}
