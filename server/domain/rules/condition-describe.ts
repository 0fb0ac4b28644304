// A condition in plain Chinese, e.g. 「现专业技术资格 › 取得时间 满 5 年（计至资历截止日）」: for summaries
// (a flow's 条件分支 label, a collapsed row) where the builder itself is not shown.
import { DATE_REF_LABELS, groupLabel, splitColumn, type ConditionNode, type ConditionRule, type FactDef, type Scalar } from './condition-model.js';
import { factFor, optionLabel } from './condition-facts.js';
import { operatorDef, operatorLabel } from './condition-operators.js';

function valueText(rule: ConditionRule, fact: FactDef): string {
  const op = operatorDef(rule.op);
  const v = rule.value;
  const label = (x: Scalar) => optionLabel(fact, x);
  switch (op?.value) {
    case 'none':
      return '';
    case 'list':
      return Array.isArray(v) ? `「${v.map(label).join('、')}」` : '';
    case 'years':
    case 'months':
      return '';
    case 'date':
      return rule.until ? DATE_REF_LABELS[rule.until] : String(v ?? '');
    default:
      return v === undefined || Array.isArray(v) ? '' : `「${label(v as Scalar)}」`;
  }
}

export function describeRule(rule: ConditionRule, facts: readonly FactDef[]): string {
  const fact = factFor(rule.fact, facts);
  const col = splitColumn(rule.fact);
  const who = col ? `${factFor(col.table, facts).label}中${rule.each === 'every' ? '每一项' : '任一项'}的「${fact.label.split(' › ').pop() ?? fact.label}」` : fact.label;
  let op = operatorLabel(rule.op, rule.until, fact.unit);
  // 「满 N 年」 takes its number in place; other numbers follow the operator
  const inline = typeof rule.value === 'number' && op.includes('N');
  if (inline) op = op.replace('N', String(rule.value));
  const value = inline ? '' : valueText(rule, fact);
  return [who, op, value].filter(Boolean).join(' ');
}

export function describeCondition(node: ConditionNode, facts: readonly FactDef[]): string {
  if (node.kind === 'rule') return describeRule(node, facts);
  const parts = node.children.map((c) => (c.kind === 'group' && c.children.length > 1 ? `（${describeCondition(c, facts)}）` : describeCondition(c, facts)));
  const text = parts.join(node.op === 'and' ? '，并且 ' : '，或者 ');
  return node.not ? `${groupLabel(node)}：${text}` : text;
}
