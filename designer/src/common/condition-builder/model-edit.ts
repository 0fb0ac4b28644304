// Pure edits of a condition model: address a node by its child indices from the root group, change,
// insert, remove or move it, and pick a fact or an operator (which decides what else must be reset).
// No React: unit-tested in test/designer/condition-builder.spec.ts.
import {
  isColumnFact,
  type ConditionGroup,
  type ConditionNode,
  type ConditionRule,
  type FactDef,
  type FactType,
  type OperatorId,
} from '../../../../server/domain/rules/condition-model.js';
import { operatorChoices, operatorDef, type OperatorChoice } from '../../../../server/domain/rules/condition-operators.js';

export type At = readonly number[];

export const blankRule = (): ConditionRule => ({ kind: 'rule', fact: '', op: 'eq' });

export function nodeAt(root: ConditionGroup, at: At): ConditionNode | undefined {
  let cur: ConditionNode | undefined = root;
  for (const i of at) cur = cur?.kind === 'group' ? cur.children[i] : undefined;
  return cur;
}

/** replace the node at `at` by fn's result; null removes it (the root is never removed) */
export function updateAt(root: ConditionGroup, at: At, fn: (n: ConditionNode) => ConditionNode | null): ConditionGroup {
  if (at.length === 0) {
    const next = fn(root);
    return next && next.kind === 'group' ? next : root;
  }
  const [i, ...rest] = at as [number, ...number[]];
  const child = root.children[i];
  if (!child) return root;
  let next: ConditionNode | null;
  if (rest.length === 0) next = fn(child);
  else if (child.kind === 'group') next = updateAt(child, rest, fn);
  else return root;
  const children = [...root.children];
  if (next === null) children.splice(i, 1);
  else children[i] = next;
  return { ...root, children };
}

export const removeAt = (root: ConditionGroup, at: At): ConditionGroup => updateAt(root, at, () => null);

/** add a child at the end of the group at `groupAt` */
export function appendTo(root: ConditionGroup, groupAt: At, node: ConditionNode): ConditionGroup {
  return updateAt(root, groupAt, (g) => (g.kind === 'group' ? { ...g, children: [...g.children, node] } : g));
}

/** move the node at `at` up (-1) or down (+1) among its siblings */
export function moveAt(root: ConditionGroup, at: At, delta: -1 | 1): ConditionGroup {
  const parentAt = at.slice(0, -1);
  const i = at[at.length - 1];
  if (i === undefined) return root;
  return updateAt(root, parentAt, (g) => {
    if (g.kind !== 'group') return g;
    const j = i + delta;
    if (j < 0 || j >= g.children.length) return g;
    const children = [...g.children];
    [children[i], children[j]] = [children[j] as ConditionNode, children[i] as ConditionNode];
    return { ...g, children };
  });
}

/** the operator each fact type starts with: what is asked most often */
const DEFAULT_OP: Record<FactType, { op: OperatorId; until?: 'tenure' }> = {
  enum: { op: 'eq' },
  string: { op: 'eq' },
  multi: { op: 'contains' },
  number: { op: 'gte' },
  date: { op: 'yearsAtLeast', until: 'tenure' },
  boolean: { op: 'isTrue' },
  table: { op: 'countAtLeast' },
  section: { op: 'filled' },
};

/** a fact's type, or for a fact the list does not know, what its operator implies */
export function typeOfRule(rule: ConditionRule, fact: FactDef & { unknown?: true }): FactType {
  if (!fact.unknown) return fact.type;
  const o = operatorDef(rule.op);
  if (!o) return 'string';
  if (o.value === 'years' || o.value === 'months' || o.value === 'date') return 'date';
  if (o.value === 'number') return 'number';
  if (rule.op === 'isTrue' || rule.op === 'isFalse') return 'boolean';
  if (rule.op === 'contains') return 'multi';
  return typeof rule.value === 'number' ? 'number' : 'string';
}

/** Picking a fact: keep the operator and value when they still fit, else start from the type's default. */
export function withFact(prev: ConditionRule, fact: FactDef, allowed?: readonly OperatorId[]): ConditionRule {
  const choices = operatorChoices(fact.type, allowed);
  const keep = prev.fact !== '' && choices.some((c) => c.op === prev.op && c.until === prev.until);
  const def = DEFAULT_OP[fact.type];
  const first = choices.find((c) => c.op === def.op && c.until === def.until) ?? choices[0];
  const base: ConditionRule = { kind: 'rule', fact: fact.id, op: keep ? prev.op : (first?.op ?? 'filled') };
  const until = keep ? prev.until : first?.until;
  // a value carries over only when the new fact could hold it (an option of the old list may not be one of the new)
  const fits = (v: unknown) => !fact.options || fact.options.some((o) => o.value === v);
  const value = keep && prev.value !== undefined && (Array.isArray(prev.value) ? prev.value.every(fits) : fits(prev.value)) ? prev.value : undefined;
  return {
    ...base,
    ...(until ? { until } : {}),
    ...(value !== undefined ? { value } : {}),
    ...(isColumnFact(fact.id) ? { each: prev.each ?? 'some' } : {}),
    ...(fact.guard ? { guard: fact.guard } : {}),
  };
}

/** Picking an operator: the value stays when it is still the same kind of value. */
export function withChoice(prev: ConditionRule, choice: OperatorChoice): ConditionRule {
  const before = operatorDef(prev.op)?.value;
  const after = operatorDef(choice.op)?.value;
  const { value, until, ...rest } = prev;
  // durations take their date from the menu entry; date comparisons keep the date they were compared with
  const nextUntil = choice.until ?? (before === 'date' && after === 'date' ? until : undefined);
  const next: ConditionRule = { ...rest, op: choice.op, ...(nextUntil ? { until: nextUntil } : {}) };
  if (value === undefined) return next;
  if (before === after) return { ...next, value };
  // one value → a list of it, and back
  if (before === 'one' && after === 'list' && !Array.isArray(value)) return { ...next, value: [value as string | number] };
  if (before === 'list' && after === 'one' && Array.isArray(value) && value.length > 0) return { ...next, value: value[0] as string | number };
  const numeric = (k: string | undefined) => k === 'number' || k === 'years' || k === 'months';
  if (numeric(before) && numeric(after)) return { ...next, value };
  return next;
}

/** A new nested group, with two blank rules to fill in. */
export function newGroup(op: 'and' | 'or'): ConditionGroup {
  return { kind: 'group', op, children: [blankRule(), blankRule()] };
}
