// The operators a person picks, in Chinese, and which fact types offer them. The durations come with the
// date they are counted to, so one pick reads 「满 N 年（计至资历截止日）」.
import { DATE_REF_LABELS, DATE_REFS, type DateRef, type FactType, type OperatorId } from './condition-model.js';

/** What the value editor asks for. */
export type ValueKind = 'none' | 'one' | 'list' | 'number' | 'years' | 'months' | 'date';

export interface OperatorDef {
  readonly id: OperatorId;
  readonly label: string;
  readonly value: ValueKind;
  readonly types: readonly FactType[];
}

export const OPERATORS: readonly OperatorDef[] = [
  { id: 'eq', label: '等于', value: 'one', types: ['enum', 'string', 'number'] },
  { id: 'ne', label: '不等于', value: 'one', types: ['enum', 'string', 'number'] },
  { id: 'in', label: '属于（任一）', value: 'list', types: ['enum', 'string'] },
  { id: 'notIn', label: '不属于', value: 'list', types: ['enum', 'string'] },
  { id: 'contains', label: '包含', value: 'one', types: ['multi'] },
  { id: 'gte', label: '大于等于（≥）', value: 'number', types: ['number'] },
  { id: 'gt', label: '大于（>）', value: 'number', types: ['number'] },
  { id: 'lte', label: '小于等于（≤）', value: 'number', types: ['number'] },
  { id: 'lt', label: '小于（<）', value: 'number', types: ['number'] },
  { id: 'isTrue', label: '是', value: 'none', types: ['boolean'] },
  { id: 'isFalse', label: '否', value: 'none', types: ['boolean'] },
  { id: 'countAtLeast', label: '至少填报 N 项', value: 'number', types: ['table', 'multi'] },
  { id: 'yearsAtLeast', label: '满 N 年', value: 'years', types: ['date'] },
  { id: 'yearsLess', label: '不满 N 年', value: 'years', types: ['date'] },
  { id: 'monthsAtLeast', label: '满 N 个月', value: 'months', types: ['date'] },
  { id: 'monthsLess', label: '不满 N 个月', value: 'months', types: ['date'] },
  { id: 'dateOnOrAfter', label: '不早于', value: 'date', types: ['date'] },
  { id: 'dateAfter', label: '晚于', value: 'date', types: ['date'] },
  { id: 'dateOnOrBefore', label: '不晚于', value: 'date', types: ['date'] },
  { id: 'dateBefore', label: '早于', value: 'date', types: ['date'] },
  { id: 'filled', label: '已填写', value: 'none', types: ['enum', 'string', 'multi', 'number', 'date', 'boolean', 'table', 'section'] },
  { id: 'empty', label: '未填写', value: 'none', types: ['enum', 'string', 'multi', 'number', 'date', 'boolean', 'table', 'section'] },
];

export const operatorDef = (id: OperatorId): OperatorDef | undefined => OPERATORS.find((o) => o.id === id);

/** An entry of the operator menu: an operator, and for durations the date counted to. */
export interface OperatorChoice {
  /** stable key of the menu entry, e.g. 'yearsAtLeast:tenure' */
  readonly key: string;
  readonly op: OperatorId;
  readonly until?: DateRef;
  readonly label: string;
}

export const choiceKey = (op: OperatorId, until?: DateRef): string => (until ? `${op}:${until}` : op);

const isDuration = (v: ValueKind): boolean => v === 'years' || v === 'months';

/** numbers with a unit read as 「满 N 年」「不满 N 年」 */
const UNIT_LABELS: Partial<Record<OperatorId, (unit: string) => string>> = {
  gte: (u) => `满 N ${u}`,
  lt: (u) => `不满 N ${u}`,
  gt: (u) => `超过 N ${u}`,
  lte: (u) => `不超过 N ${u}`,
};

/** The operator menu for a fact type (and the unit of a number); `allowed` narrows it (show-if offers fewer). */
export function operatorChoices(type: FactType, allowed?: readonly OperatorId[], unit?: string): OperatorChoice[] {
  const out: OperatorChoice[] = [];
  for (const o of OPERATORS) {
    if (!o.types.includes(type) || (allowed && !allowed.includes(o.id))) continue;
    if (isDuration(o.value)) {
      for (const until of DATE_REFS) out.push({ key: choiceKey(o.id, until), op: o.id, until, label: `${o.label}（计至${DATE_REF_LABELS[until]}）` });
    } else out.push({ key: o.id, op: o.id, label: operatorLabel(o.id, undefined, unit) });
  }
  return out;
}

/** The Chinese label of an operator as picked, e.g. 「满 N 年（计至资历截止日）」, 「满 N 年」 for a number in years. */
export function operatorLabel(op: OperatorId, until?: DateRef, unit?: string): string {
  const o = operatorDef(op);
  if (!o) return op;
  const withUnit = unit ? UNIT_LABELS[op] : undefined;
  if (withUnit && unit) return withUnit(unit);
  return isDuration(o.value) && until ? `${o.label}（计至${DATE_REF_LABELS[until]}）` : o.label;
}
