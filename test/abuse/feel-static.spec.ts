// The publish-time FEEL check knows the rules context by type (rules/context-shape.ts): it must say
// exactly what buildContext supplies, or it would refuse names that work or accept names that do not.
import { describe, expect, it } from 'vitest';
import { buildContext, RESERVED_CONTEXT_NAMES } from '../../server/domain/rules/index.js';
import { PATH_FACT, PLATFORM_FACTS, rulesNames } from '../../server/domain/rules/context-shape.js';
import { checkFeelStatically } from '../../server/domain/rules/feel-static.js';
import type { FeelType } from '../../server/domain/rules/feel-types.js';

const input = {
  form: { name: '张三' },
  org: { sector: 'public' as const, grassroots: 'city' as const, regionCode: '150100' },
  campaign: { year: 2022, cutoffs: { education: '2021-12-31', tenure: '2021-12-31', achievements: '2022-06-01' } },
  counters: {},
  integrity: { active: false },
  person: { civilServant: false, retired: false },
  history: { usedPaths: [] },
  applicationDate: '2022-06-01',
};

/** the member names a type declares, recursively, as the keys of a plain object */
const shapeOf = (t: FeelType): unknown => (t.kind === 'object' && !t.open ? Object.fromEntries([...t.props].map(([k, v]) => [k, shapeOf(v)])) : '*');
const shapeOfValue = (v: unknown): unknown =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length > 0 ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shapeOfValue(x)])) : '*';

describe('the FEEL checker knows the rules context', () => {
  it('every platform fact, with its members, as buildContext supplies it', () => {
    const ctx = buildContext(input);
    expect(ctx.ok).toBe(true);
    if (!ctx.ok) return;
    for (const [name, type] of Object.entries(PLATFORM_FACTS)) expect(shapeOf(type), name).toEqual(shapeOfValue(ctx.value[name]));
    // and nothing the context holds is unknown to it (form fields and `path` aside)
    const known = new Set([...Object.keys(PLATFORM_FACTS), ...RESERVED_CONTEXT_NAMES, 'name']);
    for (const k of Object.keys(ctx.value)) expect(known, k).toContain(k);
  });

  it('`path` has the members eligibility gives it, and only in a path condition', () => {
    expect(Object.keys(shapeOf(PATH_FACT) as object).sort()).toEqual(['id', 'name', 'onceOnly', 'quotaExempt']);
    const form = { type: 'object', properties: { name: { type: 'string' } } };
    expect(checkFeelStatically('path.quotaExempt', rulesNames(form, { withPath: true }), { expectBoolean: true })).toEqual([]);
    expect(checkFeelStatically('path.quotaExempt', rulesNames(form), { expectBoolean: true }).map((f) => f.code)).toEqual(['feel.unknown_variable']);
  });

  it('names bound by the expression itself, built-ins and helpers pass; a composed form leaves names open', () => {
    const form = { type: 'object', properties: { papers: { type: 'array', items: { type: 'object', properties: { representative: { type: 'boolean' } } } }, since: { type: 'string' } } };
    const names = rulesNames(form);
    for (const ok of [
      'some p in papers satisfies p.representative',
      'count(papers[representative = true]) > 0',
      '{n: 3, m: n + 1}.m > 3',
      'years(since, campaign.cutoffs.tenure) >= 5 and not(person.retired)',
      'get value(form, "since") != null',
      'string length(since) = 10',
    ]) expect(checkFeelStatically(ok, names, { expectBoolean: true }), ok).toEqual([]);
    expect(checkFeelStatically('anything.at.all = 1', rulesNames({ type: 'object', allOf: [{ properties: { a: {} } }] }), { expectBoolean: true })).toEqual([]);
  });
});
