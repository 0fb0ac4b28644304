// The impact preview's comparison of one applicant under the published rules and a draft: who gains, who loses,
// which path flipped, and the conditions behind it with their pointers. Pure: outcomes in, the change out.
import { describe, expect, it } from 'vitest';
import { compareEligibility } from '../../../server/domain/rules/impact-compare.js';
import { originPointer } from '../../../server/domain/rules/impact-pointers.js';
import { compileRules } from '../../../server/domain/rules/index.js';
import type { CompiledRules, Eligibility, RulesDef } from '../../../server/domain/rules/types.js';

const RULES: RulesDef = {
  blocks: [{ id: 'retired', expr: 'person.retired', message: '离退休人员不得申报' }],
  paths: [
    { id: 'regular', name: '正常申报', conditions: [{ id: 'tenure', expr: 'x >= 4', message: '须满4年' }] },
    { id: 'poge', name: '破格', conditions: [{ id: 'award', expr: 'y', message: '须获奖' }] },
  ],
};
const compiled = (r: RulesDef): CompiledRules => {
  const c = compileRules(r);
  if (!c.ok) throw new Error(c.error.message);
  return c.value;
};
const rules = compiled(RULES);

const outcome = (passed: Record<string, boolean>, blocked = false): Eligibility => {
  const paths = RULES.paths.map((p) => ({
    id: p.id,
    name: p.name,
    quotaExempt: false,
    onceOnly: false,
    passed: passed[p.id] ?? false,
    failed: passed[p.id] ? [] : p.conditions.map((c) => ({ conditionId: c.id, message: c.message })),
  }));
  const b = blocked ? [{ id: 'retired', message: '离退休人员不得申报' }] : [];
  return { paths, blocked: b, eligible: b.length === 0 && paths.some((p) => p.passed) };
};

describe('compareEligibility', () => {
  it('loses: the path that let them apply, and its failing condition at its pointer', () => {
    expect(compareEligibility(outcome({ regular: true }), rules, outcome({}), rules)).toEqual({
      change: 'loses',
      paths: [{ id: 'regular', name: '正常申报', before: true, after: false }],
      reasons: [{ message: '【正常申报】须满4年', pointer: '/rules/paths/0/conditions/0/expr' }],
    });
  });

  it('loses to a block: the block is the reason, not the paths', () => {
    const cmp = compareEligibility(outcome({ regular: true }), rules, outcome({ regular: true }, true), rules);
    expect(cmp.change).toBe('loses');
    expect(cmp.reasons).toEqual([{ message: '离退休人员不得申报', pointer: '/rules/blocks/0/expr' }]);
  });

  it('gains: what the published rules refused on the path now passed', () => {
    const cmp = compareEligibility(outcome({}), rules, outcome({ poge: true }), rules);
    expect(cmp).toMatchObject({ change: 'gains', paths: [{ id: 'poge', before: false, after: true }] });
    expect(cmp.reasons).toEqual([{ message: '【破格】须获奖', pointer: '/rules/paths/1/conditions/0/expr' }]);
  });

  it('a path switched while eligibility stays is reported as such; nothing changed is unchanged', () => {
    expect(compareEligibility(outcome({ regular: true }), rules, outcome({ poge: true }), rules).change).toBe('paths');
    expect(compareEligibility(outcome({ regular: true }), rules, outcome({ regular: true }), rules)).toEqual({ change: 'unchanged', paths: [], reasons: [] });
  });
});

describe('originPointer', () => {
  const origins = new Map([
    ['/rules/paths/0', { pointer: '/rules/paths/0' }],
    ['/rules/paths/0/conditions/0', { pointer: '/rules/paths/0/conditions/0' }],
    ['/rules/paths/0/conditions/1', { pointer: '/rules/paths/0/conditions/2', module: { key: 'm', version: 1, name: '模块', pointer: '/conditions/3' } }],
  ]);
  it('moves an expanded pointer to the level entry, or into the module', () => {
    expect(originPointer('/rules/paths/0/conditions/0/expr', origins, 'level')).toBe('/rules/paths/0/conditions/0/expr');
    expect(originPointer('/rules/paths/0/conditions/1/expr', origins, 'level')).toBe('/rules/paths/0/conditions/2');
    expect(originPointer('/rules/paths/0/conditions/1/expr', origins, 'module')).toBe('/conditions/3/expr');
    expect(originPointer('/rules/paths/0/conditions/0/expr', origins, 'module')).toBeUndefined();
  });
});
