// The condition builder's and the rules editor's pure helpers (designer/src/common/condition-builder/model-edit.ts,
// designer/src/admin/rules/rules-model.ts): edits by position, what picking a fact or an operator resets, ids
// nobody types, and which check problem belongs to which card or row.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendTo, blankRule, moveAt, newGroup, nodeAt, removeAt, typeOfRule, updateAt, withChoice, withFact } from '../../designer/src/common/condition-builder/model-edit.js';
import { PATH_PRESETS } from '../../designer/src/admin/rules/path-presets.js';
import {
  asRules,
  describePointer,
  listOf,
  newCondition,
  newPath,
  pathOwnProblems,
  problemsAt,
  rowOf,
  withList,
  type PathValue,
  type RulesValue,
} from '../../designer/src/admin/rules/rules-model.js';
import { compileCondition } from '../../server/domain/rules/condition-compile.js';
import { factFor, levelFacts } from '../../server/domain/rules/condition-facts.js';
import type { ConditionGroup, ConditionRule } from '../../server/domain/rules/condition-model.js';
import { operatorChoices } from '../../server/domain/rules/condition-operators.js';

const form = JSON.parse(readFileSync(join(import.meta.dirname, '../../schemas/forms/gongcheng-fugao.json'), 'utf8')) as unknown;
const facts = levelFacts(form, undefined, { inPath: true });
const fact = (id: string) => {
  const f = facts.find((x) => x.id === id);
  if (!f) throw new Error(id);
  return f;
};
const choice = (type: Parameters<typeof operatorChoices>[0], label: string) => {
  const c = operatorChoices(type).find((x) => x.label === label);
  if (!c) throw new Error(label);
  return c;
};
const feel = (g: ConditionGroup) => {
  const r = compileCondition(g);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

describe('editing a model by position', () => {
  const rule = (fact: string): ConditionRule => ({ kind: 'rule', fact, op: 'isTrue' });
  const root: ConditionGroup = { kind: 'group', op: 'and', children: [rule('person.retired'), { kind: 'group', op: 'or', children: [rule('integrity.active'), rule('person.civilServant')] }] };

  it('reads, replaces, removes, appends and moves nodes without touching the others', () => {
    expect(nodeAt(root, [1, 1])).toEqual(rule('person.civilServant'));
    const replaced = updateAt(root, [1, 0], () => rule('person.retired'));
    expect(replaced.children[0]).toBe(root.children[0]);
    expect(nodeAt(replaced, [1, 0])).toEqual(rule('person.retired'));
    expect(removeAt(root, [1, 1]).children[1]).toEqual({ kind: 'group', op: 'or', children: [rule('integrity.active')] });
    expect((appendTo(root, [1], blankRule()).children[1] as ConditionGroup).children).toHaveLength(3);
    expect(moveAt(root, [1], -1).children.map((c) => c.kind)).toEqual(['group', 'rule']);
    expect(moveAt(root, [0], -1)).toEqual(root);
    expect(removeAt(root, [])).toBe(root); // the root stays
  });

  it('a new group comes with two blank rules to fill in', () => {
    expect(newGroup('or')).toEqual({ kind: 'group', op: 'or', children: [blankRule(), blankRule()] });
  });
});

describe('picking a fact and an operator', () => {
  it('a date field starts at 满 N 年（计至资历截止日）, and the years survive a change of the date counted to', () => {
    let r = withFact(blankRule(), fact('form.currentTitle.since'));
    expect(r).toEqual({ kind: 'rule', fact: 'form.currentTitle.since', op: 'yearsAtLeast', until: 'tenure' });
    r = { ...r, value: 5 };
    r = withChoice(r, choice('date', '满 N 年（计至申报日）'));
    expect(r).toEqual({ kind: 'rule', fact: 'form.currentTitle.since', op: 'yearsAtLeast', until: 'application', value: 5 });
    expect(feel({ kind: 'group', op: 'and', children: [r] })).toBe('years(form.currentTitle.since, applicationDate) >= 5');
    // to a date comparison: the number is no date, so it goes
    expect(withChoice(r, choice('date', '不早于'))).toEqual({ kind: 'rule', fact: 'form.currentTitle.since', op: 'dateOnOrAfter' });
  });

  it('an optional field brings its guard, a table column its 任一项; 等于 becomes 属于 keeping the value', () => {
    const township = withFact(blankRule(), fact('form.townshipYears'));
    expect(township).toMatchObject({ op: 'gte', guard: 'form.townshipYears' });
    const rep = withFact(blankRule(), fact('form.papers[].representative'));
    expect(rep).toEqual({ kind: 'rule', fact: 'form.papers[].representative', op: 'isTrue', each: 'some', guard: 'form.papers' });
    const degree = { ...withFact(blankRule(), fact('form.education.degree')), value: '博士' };
    expect(withChoice(degree, choice('enum', '属于（任一）')).value).toEqual(['博士']);
    // another enum keeps 等于, but not a value that is not one of its options
    expect(withFact(degree, fact('form.currentTitle.grade'))).toEqual({ kind: 'rule', fact: 'form.currentTitle.grade', op: 'eq' });
    expect(withFact(degree, fact('form.education.degree'))).toMatchObject({ op: 'eq', value: '博士' });
  });

  it('a fact the list does not know gets its type from the operator', () => {
    const r: ConditionRule = { kind: 'rule', fact: 'form.gone', op: 'yearsAtLeast', value: 2, until: 'tenure' };
    expect(typeOfRule(r, factFor(r.fact, facts))).toBe('date');
    expect(factFor(r.fact, facts).unknown).toBe(true);
  });
});

describe('the rules editor', () => {
  const rules = (): RulesValue => ({
    blocks: [{ id: 'retired', expr: 'person.retired', message: '离退休人员不得申报' }],
    paths: [{ id: 'regular', name: '正常申报', conditions: [{ id: 'c1', expr: 'person.retired', message: 'x' }] }],
  });

  it('accepts only the shape the cards can show', () => {
    expect(asRules(undefined)).toEqual({ blocks: [], paths: [] });
    expect(asRules(rules())).toEqual(rules());
    expect(asRules({ paths: [{ id: 'a', name: 'b', conditions: [{ id: 'c' }] }] })).toBeNull();
    expect(asRules({ paths: 'x' })).toBeNull();
  });

  it('gives ids nobody types: c2 after c1, poge-1-2 for a second 破格1', () => {
    expect(newCondition((rules().paths[0] as PathValue).conditions)).toEqual({ id: 'c2', expr: '', message: '' });
    const poge = PATH_PRESETS.find((p) => p.id === 'poge-1')!;
    const once = { ...rules(), paths: [...rules().paths, newPath(rules(), poge)] };
    expect(once.paths[1]).toMatchObject({ id: 'poge-1', quotaExempt: true, onceOnly: true, conditions: [] });
    expect(newPath(once, poge).id).toBe('poge-1-2');
    expect(newPath(once, null)).toMatchObject({ id: 'path-3', name: '新申报路径' });
  });

  it('replaces one list of conditions, blocks or a path’s', () => {
    const r = rules();
    const next = withList(r, 0, [...listOf(r, 0), newCondition(listOf(r, 0))]);
    expect((next.paths[0] as PathValue).conditions.map((c) => c.id)).toEqual(['c1', 'c2']);
    expect(next.blocks).toBe(r.blocks);
    expect(withList(r, 'blocks', []).blocks).toEqual([]);
  });

  it('puts each check problem at its card or row, and names it in words', () => {
    const problems = [
      { code: 'rules.syntax', message: 'a', pointer: '/rules/paths/0/conditions/0/expr' },
      { code: 'rules.empty_message', message: 'b', pointer: '/rules/paths/0/conditions/0/message' },
      { code: 'rules.duplicate_id', message: 'c', pointer: '/rules/paths/0/id' },
      { code: 'rules.syntax', message: 'd', pointer: '/rules/paths/0/conditions/10/expr' },
      { code: 'rules.no_paths', message: 'e', pointer: '/rules/paths' },
    ];
    expect(problemsAt(problems, '/rules/paths/0/conditions/0').map((p) => p.message)).toEqual(['a', 'b']);
    expect(problemsAt(problems, '/rules/paths/0/conditions/1')).toEqual([]);
    expect(pathOwnProblems(problems, 0).map((p) => p.message)).toEqual(['c']);
    expect(rowOf('/rules/paths/2/conditions/1/expr')).toBe('/rules/paths/2/conditions/1');
    expect(rowOf('/rules/blocks/0/message')).toBe('/rules/blocks/0');
    expect(rowOf('/rules/paths/3/id')).toBe('/rules/paths/3');
    expect(rowOf('/rules/paths')).toBeUndefined();
    expect(describePointer(rules(), '/rules/paths/0/conditions/0/expr')).toBe('「正常申报」第 1 条条件');
    expect(describePointer(rules(), '/rules/blocks/0/expr')).toBe('不得申报的情形第 1 条');
    expect(describePointer(rules(), '/rules/paths/0/id')).toBe('申报路径「正常申报」');
  });
});
