// FEEL → model, by walking feelin's syntax tree (Lezer). Reads what the builder writes and the shapes the
// seeded rules use: comparisons, `in` lists, and/or (nested), years()/months() durations, date comparisons,
// null guards (`if get value(form, "x") = null then false else …`), `get value` chains, `some p in … satisfies`.
// Anything else is refused with a reason: such a condition stays editable only in the 高级 pane.
import { parseExpression } from 'feelin';
import { RESERVED_CONTEXT_NAMES } from './context.js';
import { compileCondition } from './condition-compile.js';
import { DATE_REF_FEEL, DATE_REFS, isColumnFact, type ConditionGroup, type ConditionNode, type ConditionRule, type DateRef, type OperatorId, type Scalar } from './condition-model.js';
import type { Result } from '../result.js';

type SyntaxNode = ReturnType<typeof parseExpression>['topNode'];

class Unsupported extends Error {}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const PUNCT = new Set(['(', ')', '[', ']', ',', '.', '{', '}']);

/** the row variable of a `some p in form.papers satisfies …` being read */
interface Row {
  readonly name: string;
  readonly table: string;
}

interface Ref {
  path: string;
  /** every step read with `get value`, so a missing value reads as null, never as an error */
  safe: boolean;
}

/** a form value read with `get value` all the way: a missing value makes the rule false (its guard) */
const guardOf = (f: Ref): { guard?: string } => (f.safe && f.path.startsWith('form.') && !isColumnFact(f.path) ? { guard: f.path } : {});

class Reader {
  constructor(private readonly src: string) {}

  text(n: SyntaxNode): string {
    return this.src.slice(n.from, n.to);
  }

  kids(n: SyntaxNode): SyntaxNode[] {
    const out: SyntaxNode[] = [];
    for (let c = n.firstChild; c; c = c.nextSibling) if (!PUNCT.has(c.name)) out.push(c);
    return out;
  }

  /** the one meaningful child, through parentheses */
  unwrap(n: SyntaxNode): SyntaxNode {
    let cur = n;
    while (cur.name === 'ParenthesizedExpression' || cur.name === 'Expression') {
      const k = this.kids(cur);
      if (k.length !== 1) throw new Unsupported('括号内有多于一个表达式');
      cur = k[0] as SyntaxNode;
    }
    return cur;
  }

  functionName(n: SyntaxNode): string | undefined {
    if (n.name !== 'FunctionInvocation') return undefined;
    const name = n.firstChild;
    return name ? this.text(name).replace(/\s+/g, ' ') : undefined;
  }

  args(n: SyntaxNode): SyntaxNode[] {
    const params = n.getChild('PositionalParameters');
    if (!params) throw new Unsupported('函数参数须按位置书写');
    return this.kids(params);
  }

  // ---- values ---------------------------------------------------------------------------------

  literal(n: SyntaxNode): Scalar | boolean | null {
    const t = this.text(n);
    switch (n.name) {
      case 'StringLiteral':
        try {
          const v: unknown = JSON.parse(t);
          if (typeof v === 'string') return v;
        } catch {
          /* FEEL escapes JSON does not know */
        }
        throw new Unsupported(`无法读取文本 ${t}`);
      case 'NumericLiteral': {
        const v = Number(t.replace(/\s+/g, ''));
        if (Number.isFinite(v)) return v;
        throw new Unsupported(`无法读取数值 ${t}`);
      }
      case 'BooleanLiteral':
        return t === 'true';
      case 'null':
        return null;
      default:
        throw new Unsupported(`「${t}」不是固定的值`);
    }
  }

  scalar(n: SyntaxNode): Scalar {
    const v = this.literal(this.unwrap(n));
    if (typeof v === 'string' || typeof v === 'number') return v;
    throw new Unsupported('比较的值须为文本或数值');
  }

  dateRef(n: SyntaxNode): DateRef | undefined {
    const t = this.text(this.unwrap(n)).replace(/\s+/g, '');
    return DATE_REFS.find((r) => DATE_REF_FEEL[r] === t);
  }

  // ---- facts ----------------------------------------------------------------------------------

  ref(n0: SyntaxNode, row: Row | undefined): Ref {
    const n = this.unwrap(n0);
    if (n.name === 'VariableName') {
      const name = this.text(n);
      if (!IDENT.test(name)) throw new Unsupported(`「${name}」不是字段`);
      return { path: name, safe: true };
    }
    if (n.name === 'PathExpression') {
      const [base, seg] = this.kids(n);
      if (!base || !seg || seg.name !== 'PathName') throw new Unsupported('无法识别的路径');
      const name = this.text(seg);
      if (!IDENT.test(name)) throw new Unsupported(`「${name}」不是字段`);
      const b = this.ref(base, row);
      return { path: `${b.path}.${name}`, safe: false };
    }
    if (this.functionName(n) === 'get value') {
      const [obj, key] = this.args(n);
      if (!obj || !key || key.name !== 'StringLiteral') throw new Unsupported('get value 的第二个参数须为文本');
      const k = this.literal(key);
      if (typeof k !== 'string' || !IDENT.test(k)) throw new Unsupported('get value 的键不是字段名');
      const b = this.ref(obj, row);
      return { path: `${b.path}.${k}`, safe: b.safe };
    }
    throw new Unsupported(`「${this.text(n)}」不是字段或事实`);
  }

  /** a fact as the model names it: platform facts as they are, form fields under form., row cells as table[].x */
  fact(n: SyntaxNode, row: Row | undefined): Ref {
    const read = this.ref(n, row);
    // a bare name is read plainly (an error when missing); only `get value` steps are null-safe
    const r = { path: read.path, safe: read.safe && read.path.includes('.') };
    const [head, ...rest] = r.path.split('.');
    if (row) {
      if (head !== row.name || rest.length === 0) throw new Unsupported(`「${r.path}」不是表格「${row.table}」的列`);
      return { path: `${row.table}[].${rest.join('.')}`, safe: r.safe };
    }
    if (rest.length === 0 && r.path !== 'applicationDate') {
      // form fields also sit at the top of the context; a bare name must not be a platform name or helper
      if (RESERVED_CONTEXT_NAMES.includes(r.path)) throw new Unsupported(`「${r.path}」不是可比较的值`);
    }
    if (head !== undefined && !RESERVED_CONTEXT_NAMES.includes(head)) return { path: `form.${r.path}`, safe: r.safe };
    return r;
  }

  // ---- conditions -----------------------------------------------------------------------------

  node(n0: SyntaxNode, row: Row | undefined): ConditionNode {
    const n = this.unwrap(n0);
    switch (n.name) {
      case 'Conjunction':
      case 'Disjunction':
        return this.group(n, row);
      case 'IfExpression':
        return this.guarded(n, row);
      case 'Comparison':
        return this.comparison(n, row);
      case 'FunctionInvocation':
        return this.call(n, row);
      case 'QuantifiedExpression':
        return this.quantified(n, row);
      case 'VariableName':
      case 'PathExpression': {
        const f = this.fact(n, row);
        return { kind: 'rule', fact: f.path, op: 'isTrue' };
      }
      default:
        throw new Unsupported(`不支持的写法：${this.text(n).slice(0, 40)}`);
    }
  }

  group(n: SyntaxNode, row: Row | undefined): ConditionGroup {
    const op = n.name === 'Conjunction' ? 'and' : 'or';
    const children: ConditionNode[] = [];
    const collect = (x: SyntaxNode) => {
      for (const k of this.kids(x)) {
        if (k.name === 'and' || k.name === 'or') continue;
        // `a and b and c` nests without parentheses: one group; `(a and b) and c` stays as written
        if (k.name === n.name) collect(k);
        else children.push(this.node(k, row));
      }
    };
    collect(n);
    return { kind: 'group', op, children };
  }

  guarded(n: SyntaxNode, row: Row | undefined): ConditionNode {
    const [, cond, , then, , otherwise] = this.kids(n);
    if (!cond || !then || !otherwise) throw new Unsupported('不完整的 if 表达式');
    const c = this.unwrap(cond);
    const ck = this.kids(c);
    const isNullTest = c.name === 'Comparison' && ck.length === 3 && this.text(ck[1] as SyntaxNode) === '=' && ck[2]?.name === 'null';
    if (!isNullTest || this.text(this.unwrap(then)) !== 'false') throw new Unsupported('只支持「未填写时视为不满足」形式的 if 表达式');
    const guard = this.fact(ck[0] as SyntaxNode, row);
    if (!guard.safe) throw new Unsupported('未填写判断须用 get value 读取');
    const inner = this.node(otherwise, row);
    if (inner.guard === undefined) return { ...inner, guard: guard.path };
    return { kind: 'group', op: 'and', children: [inner], guard: guard.path };
  }

  comparison(n: SyntaxNode, row: Row | undefined): ConditionRule {
    const [left, opNode, right] = this.kids(n);
    if (!left || !opNode || !right) throw new Unsupported('不完整的比较');
    const opText = this.text(opNode);
    if (opText === 'in') {
      const f = this.fact(left, row);
      const test = right.name === 'PositiveUnaryTest' ? this.kids(right)[0] : undefined;
      if (!test || test.name !== 'List') throw new Unsupported('「属于」须跟一个列表 [ … ]');
      const value = this.kids(test).map((x) => this.scalar(x));
      return { kind: 'rule', fact: f.path, op: 'in', value, ...guardOf(f) };
    }
    const l = this.unwrap(left);
    const fn = this.functionName(l);
    if (fn === 'years' || fn === 'months') return this.duration(fn, l, opText, right, row);
    if (fn === 'count') {
      const [arg] = this.args(l);
      const n2 = this.scalar(right);
      if (!arg || typeof n2 !== 'number' || !Number.isInteger(n2) || (opText !== '>=' && opText !== '>')) throw new Unsupported('数量只支持「至少 N 项」');
      return { kind: 'rule', fact: this.fact(arg, row).path, op: 'countAtLeast', value: opText === '>' ? n2 + 1 : n2 };
    }
    if (l.name === 'DateTimeLiteral') return this.dateCompare(l, opText, right, row);
    const f = this.fact(l, row);
    const r = this.literal(this.unwrap(right));
    const guard = guardOf(f);
    if (r === null) {
      if (opText === '!=') return { kind: 'rule', fact: f.path, op: 'filled' };
      if (opText === '=') return { kind: 'rule', fact: f.path, op: 'empty' };
      throw new Unsupported('与空值只能比较「等于」「不等于」');
    }
    if (typeof r === 'boolean') {
      if (opText !== '=') throw new Unsupported('是/否只支持「=」');
      return { kind: 'rule', fact: f.path, op: r ? 'isTrue' : 'isFalse', ...guard };
    }
    const ops: Record<string, OperatorId> = { '=': 'eq', '!=': 'ne', '>=': 'gte', '>': 'gt', '<=': 'lte', '<': 'lt' };
    const op = ops[opText];
    if (!op) throw new Unsupported(`不支持的比较「${opText}」`);
    if (op !== 'eq' && op !== 'ne' && typeof r !== 'number') throw new Unsupported('大小比较须与数值比较');
    // `get value(…) != "x"` is true when the value is missing: not what 不等于 means here
    if (f.safe && op !== 'eq' && f.path.startsWith('form.')) throw new Unsupported('get value 读取的值只支持「等于」比较');
    return { kind: 'rule', fact: f.path, op, value: r, ...(op === 'eq' ? guard : {}) };
  }

  duration(fn: 'years' | 'months', l: SyntaxNode, opText: string, right: SyntaxNode, row: Row | undefined): ConditionRule {
    const [from, to] = this.args(l);
    if (!from || !to) throw new Unsupported(`${fn}() 须有两个参数`);
    const until = this.dateRef(to);
    if (!until) throw new Unsupported(`${fn}() 须计算至资历截止日、学历截止日、业绩截止日或申报日`);
    const n = this.scalar(right);
    if (typeof n !== 'number' || !Number.isInteger(n)) throw new Unsupported('年限须为整数');
    const unit = fn === 'years' ? 'years' : 'months';
    const table: Record<string, [OperatorId, number]> = {
      '>=': [`${unit}AtLeast` as OperatorId, n],
      '>': [`${unit}AtLeast` as OperatorId, n + 1],
      '<': [`${unit}Less` as OperatorId, n],
      '<=': [`${unit}Less` as OperatorId, n + 1],
    };
    const hit = table[opText];
    if (!hit || hit[1] < 0) throw new Unsupported(`年限比较不支持「${opText}」`);
    return { kind: 'rule', fact: this.fact(from, row).path, op: hit[0], value: hit[1], until };
  }

  dateCompare(l: SyntaxNode, opText: string, right: SyntaxNode, row: Row | undefined): ConditionRule {
    const arg = (d: SyntaxNode): SyntaxNode => {
      const u = this.unwrap(d);
      const a = u.name === 'DateTimeLiteral' && this.text(u).startsWith('date(') ? this.args(u) : [];
      if (a.length !== 1) throw new Unsupported('日期比较须写成 date(…) 与 date(…) 比较');
      return a[0] as SyntaxNode;
    };
    const f = this.fact(arg(l), row);
    const other = arg(right);
    const ops: Record<string, OperatorId> = { '>=': 'dateOnOrAfter', '>': 'dateAfter', '<=': 'dateOnOrBefore', '<': 'dateBefore' };
    const op = ops[opText];
    if (!op) throw new Unsupported(`日期比较不支持「${opText}」`);
    const until = this.dateRef(other);
    if (until) return { kind: 'rule', fact: f.path, op, until };
    const v = this.literal(this.unwrap(other));
    if (typeof v === 'string' && DATE.test(v)) return { kind: 'rule', fact: f.path, op, value: v };
    throw new Unsupported('日期须与平台日期或固定日期比较');
  }

  call(n: SyntaxNode, row: Row | undefined): ConditionNode {
    const fn = this.functionName(n);
    const args = this.args(n);
    if (fn === 'not' && args.length === 1) {
      const inner = this.unwrap(args[0] as SyntaxNode);
      if (inner.name === 'VariableName' || inner.name === 'PathExpression') return { kind: 'rule', fact: this.fact(inner, row).path, op: 'isFalse' };
      const n2 = this.node(inner, row);
      if (n2.kind === 'rule' && n2.op === 'in' && n2.guard === undefined) return { ...n2, op: 'notIn' };
      if (row) throw new Unsupported('逐项判断中不支持 not()');
      // not(a or b): a negated group (都不满足)
      if (n2.kind === 'group' && !n2.guard && !n2.not && n2.children.length > 1) return { ...n2, not: true };
      return { kind: 'group', op: 'and', children: [n2], not: true };
    }
    if (fn === 'list contains' && args.length === 2) {
      return { kind: 'rule', fact: this.fact(args[0] as SyntaxNode, row).path, op: 'contains', value: this.scalar(args[1] as SyntaxNode) };
    }
    throw new Unsupported(`不支持的函数 ${fn ?? this.text(n).slice(0, 20)}()`);
  }

  quantified(n: SyntaxNode, row: Row | undefined): ConditionRule {
    if (row) throw new Unsupported('不支持嵌套的逐项判断');
    const [q, ins, , body] = this.kids(n);
    const list = ins ? this.kids(ins) : [];
    if (!q || !body || list.length !== 1) throw new Unsupported('逐项判断只能针对一个表格');
    const [nameNode, , ctx] = this.kids(list[0] as SyntaxNode);
    const name = nameNode ? this.text(nameNode) : '';
    const tableNode = ctx ? this.kids(ctx)[0] : undefined;
    if (!IDENT.test(name) || !tableNode) throw new Unsupported('无法识别逐项判断的表格');
    const table = this.fact(tableNode, undefined);
    const inner = this.node(body, { name, table: table.path });
    if (inner.kind !== 'rule' || inner.guard !== undefined) throw new Unsupported('逐项判断只支持对一列的一个比较');
    return { kind: 'rule', fact: inner.fact, op: inner.op, ...(inner.value !== undefined ? { value: inner.value } : {}), ...(inner.until ? { until: inner.until } : {}), ...(this.text(q) === 'every' ? { each: 'every' as const } : {}) };
  }
}

/**
 * The builder's model of a FEEL condition, always a group at the root; or why it cannot be shown in the
 * builder (then it stays editable as FEEL in the 高级 pane).
 */
export function parseCondition(source: string): Result<ConditionGroup, string> {
  if (source.trim() === '') return { ok: true, value: { kind: 'group', op: 'and', children: [] } };
  let tree: ReturnType<typeof parseExpression>;
  try {
    tree = parseExpression(source, {}, undefined);
  } catch (e) {
    return { ok: false, error: `FEEL 无法解析：${e instanceof Error ? e.message : String(e)}` };
  }
  let broken = false;
  tree.iterate({
    enter(node) {
      if (node.type.isError) broken = true;
      return !broken;
    },
  });
  if (broken) return { ok: false, error: 'FEEL 有语法错误' };
  try {
    const node = new Reader(source).node(tree.topNode, undefined);
    const root: ConditionGroup = node.kind === 'group' && node.guard === undefined ? node : { kind: 'group', op: 'and', children: [node] };
    // the model must compile again, or the builder would show something it cannot write
    const again = compileCondition(root);
    if (!again.ok) return { ok: false, error: again.error[0]?.message ?? '无法重新生成' };
    return { ok: true, value: root };
  } catch (e) {
    if (e instanceof Unsupported) return { ok: false, error: e.message };
    throw e;
  }
}
