// The bounds every definition body meets before anything parses it (issue 10 item 1), the FEEL bounds of
// the feel modules, the time budget of an evaluation, and the regular expressions a form may use (item 2).
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../server/config.js';
import { checkDefinitionBounds, definitionBoundsProblems } from '../../../server/domain/definitions/bounds.js';
import { feelBoundsProblem, measureFeel } from '../../../server/domain/definitions/feel-bounds.js';
import { LIMITS } from '../../../server/domain/definitions/limits.js';
import { xmlBoundsProblems } from '../../../server/domain/definitions/xml-bounds.js';
import { compileForm, metaCheckForm, validateForm } from '../../../server/domain/forms/index.js';
import { unsafePatterns } from '../../../server/domain/forms/pattern-check.js';
import { compileExpression, evaluateFeel } from '../../../server/domain/rules/index.js';
import { DeadlineExceeded, runWithin } from '../../../server/domain/run-within.js';
import { evaluateFeel as evaluateFlowFeel, parseFeel } from '../../../server/domain/workflow/feel.js';
import { readSeedFiles } from '../../../server/runtime/seeds/read-seed-files.js';

const level = (expr: string, over: Record<string, unknown> = {}) => ({
  seriesKey: 's',
  levelKey: 'l',
  title: 't',
  grade: '中级',
  form: { type: 'object', properties: { name: { type: 'string' } } },
  materials: [],
  workflow: { key: 'w' },
  rules: { paths: [{ id: 'p', name: 'p', conditions: [{ id: 'c', message: 'm', expr }] }] },
  ...over,
});
const codes = (ps: { code: string; pointer?: string }[]) => ps.map((p) => [p.code, p.pointer]);
const andChain = (n: number) => Array.from({ length: n }, () => 'true').join(' and ');

describe('definition bounds', () => {
  it('every seeded definition is well inside them', () => {
    for (const d of readSeedFiles(REPO_ROOT).definitions) expect(definitionBoundsProblems(d.kind, d.body), `${d.kind}/${d.key}`).toEqual([]);
  });

  it('a 360 KB FEEL condition: too large as a whole, too long at its pointer', () => {
    const problems = definitionBoundsProblems('level', level(andChain(40_000)));
    expect(codes(problems)).toEqual([
      ['definition.too_large', ''],
      ['feel.too_long', '/rules/paths/0/conditions/0/expr'],
    ]);
    expect(problems.every((p) => /[\u4e00-\u9fa5]/.test(p.message))).toBe(true);
  });

  it('FEEL over the operator or nesting limit is too complex, at its pointer; strings inside it do not count', () => {
    expect(codes(definitionBoundsProblems('level', level(andChain(LIMITS.feelOperators + 2))))).toEqual([['feel.too_complex', '/rules/paths/0/conditions/0/expr']]);
    const materials = [{ id: 'm', name: 'm', required: false, requiredWhen: `${'('.repeat(LIMITS.feelNesting + 1)}true${')'.repeat(LIMITS.feelNesting + 1)}` }];
    expect(codes(definitionBoundsProblems('level', level('true', { materials })))).toEqual([['feel.too_complex', '/materials/0/requiredWhen']]);
    expect(measureFeel('"a and b or c = d" = name and x in [1, 2]')).toEqual({ operators: 4, nesting: 1 });
  });

  it('all FEEL of one body together is bounded too: each expression is parsed at publish and at load', () => {
    const expr = `"${'a'.repeat(LIMITS.feelChars - 10)}" = "a"`;
    const conditions = Array.from({ length: Math.ceil(LIMITS.feelTotalChars / expr.length) + 1 }, (_, i) => ({ id: `c${i}`, message: 'm', expr }));
    const body = { ...level('true'), rules: { paths: [{ id: 'p', name: 'p', conditions }] } };
    expect(codes(definitionBoundsProblems('level', body))).toEqual([['definition.too_large', '']]);
  });

  it('a 5,000-deep body is measured without recursion and refused at the first place too deep', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 5_000; i++) deep = { a: deep };
    const problems = definitionBoundsProblems('series', { name: 'n', deep });
    expect(problems.map((p) => p.code)).toEqual(['definition.too_deep']);
    // the body is depth 1, `deep` depth 2: the container at depth LIMITS.depth + 1 is the first one too deep
    expect(problems[0]!.pointer).toBe(`/deep${'/a'.repeat(LIMITS.depth - 1)}`);
  });

  it('a 900 KB template, a long plain string and a long property name are refused at their pointers', () => {
    const big = 'x'.repeat(900 * 1024);
    expect(codes(definitionBoundsProblems('template', { name: 't', source: big }))).toEqual([
      ['definition.too_large', ''],
      ['definition.string_too_long', '/source'],
    ]);
    expect(codes(definitionBoundsProblems('level', level('true', { templates: { pingshenbiao: 'x'.repeat(LIMITS.templateChars + 1) } })))).toEqual([
      ['definition.string_too_long', '/templates/pingshenbiao'],
    ]);
    expect(codes(definitionBoundsProblems('series', { name: 'y'.repeat(LIMITS.stringChars + 1) }))).toEqual([['definition.string_too_long', '/name']]);
    const form = { type: 'object', properties: { ['k'.repeat(LIMITS.propertyNameChars + 1)]: { type: 'string' } } };
    expect(codes(definitionBoundsProblems('level', level('true', { form })))).toEqual([['definition.string_too_long', '/form/properties']]);
  });

  it('a 900 KB BPMN attribute, an over-long text and deep nesting are refused at /xml with the element id', () => {
    const attr = `<bpmn:definitions><bpmn:process id="P"><bpmn:task id="T" name="${'n'.repeat(900 * 1024)}"/></bpmn:process></bpmn:definitions>`;
    const problems = definitionBoundsProblems('workflow', { name: 'w', xml: attr });
    expect(codes(problems)).toEqual([
      ['definition.too_large', ''],
      ['definition.string_too_long', '/xml'],
    ]);
    const small = `<d><p id="P"><t id="T" name="${'n'.repeat(LIMITS.bpmnAttributeChars + 1)}"/><c id="C">${'x'.repeat(LIMITS.bpmnTextChars + 1)}</c></p></d>`;
    expect(xmlBoundsProblems(small, '/xml').map((p) => [p.code, p.elementId])).toEqual([
      ['definition.string_too_long', 'T'],
      ['definition.string_too_long', 'C'],
    ]);
    const nested = `${'<s id="S">'.repeat(LIMITS.bpmnDepth + 5)}${'</s>'.repeat(LIMITS.bpmnDepth + 5)}`;
    expect(xmlBoundsProblems(nested, '/xml').map((p) => p.code)).toEqual(['definition.too_deep']);
  });

  it('lists at most LIMITS.problems problems, and as a refusal it is definition.invalid', () => {
    const form = { type: 'object', properties: Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`f${i}`, { title: 't'.repeat(LIMITS.stringChars + 1) }])) };
    const r = checkDefinitionBounds('level', 'l', level('true', { form }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('definition.invalid');
    expect(r.error.details).toHaveLength(LIMITS.problems);
    expect(r.error.details[0]!.source).toBe('level/l');
  });
});

describe('FEEL bounds in the feel modules', () => {
  it('rules and flows refuse an over-long or over-complex expression before parsing it', () => {
    const long = compileExpression(andChain(40_000), '/rules/paths/0/conditions/0/expr');
    expect(long.ok ? null : long.error.details).toEqual([expect.objectContaining({ code: 'feel.too_long', pointer: '/rules/paths/0/conditions/0/expr' })]);
    expect(feelBoundsProblem(andChain(LIMITS.feelOperators + 2))?.code).toBe('feel.too_complex');
    const flow = parseFeel(andChain(LIMITS.feelOperators + 2));
    expect(flow.ok ? null : flow.error.code).toBe('feel.too_complex');
  });

  it('the worst accepted expressions parse and evaluate in milliseconds', () => {
    const worst = [
      andChain(LIMITS.feelOperators + 1),
      `[${Array.from({ length: LIMITS.feelOperators }, () => '1').join(',')}][1] = 1`,
      `${'('.repeat(LIMITS.feelNesting)}true${')'.repeat(LIMITS.feelNesting)}`,
    ];
    for (const source of worst) {
      const compiled = compileExpression(source, '/x');
      expect(compiled.ok, source).toBe(true);
      if (compiled.ok) expect(evaluateFeel(compiled.value, {})).toEqual({ ok: true, value: true });
    }
  });

  it('an evaluation that runs past its budget stops with feel.too_complex at its pointer', () => {
    const loop = compileExpression('count(for a in 1..100000, b in 1..100000 return a) > 0', '/rules/blocks/0/expr');
    expect(loop.ok).toBe(true);
    if (!loop.ok) return;
    const r = evaluateFeel(loop.value, {});
    expect(r.ok ? null : r.error.details).toEqual([expect.objectContaining({ code: 'feel.too_complex', pointer: '/rules/blocks/0/expr' })]);
    // FEEL's own regular expressions backtrack on irregexp: the budget stops them too
    const redos = parseFeel('matches(x, "^(a+)+$")');
    expect(redos.ok).toBe(true);
    if (!redos.ok) return;
    const m = evaluateFlowFeel(redos.value, { x: `${'a'.repeat(40)}!` });
    expect(m.ok ? null : m.error.code).toBe('feel.too_complex');
  });

  it('all FEEL evaluation in one turn of the event loop is bounded too; the next turn starts afresh', async () => {
    await new Promise((r) => setImmediate(r));
    const slow = compileExpression('count(for a in 1..100000, b in 1..100000 return a) > 0', '/slow');
    const quick = compileExpression('1 < 2', '/quick');
    if (!slow.ok || !quick.ok) throw new Error('does not compile');
    const turns = Math.ceil(LIMITS.feelTurnMs / LIMITS.feelEvaluationMs) + 1;
    for (let i = 0; i < turns; i++) expect(evaluateFeel(slow.value, {}).ok).toBe(false);
    const spent = evaluateFeel(quick.value, {});
    expect(spent.ok ? null : spent.error.code).toBe('feel.too_complex');
    await new Promise((r) => setImmediate(r));
    expect(evaluateFeel(quick.value, {})).toEqual({ ok: true, value: true });
  });

  it('ordinary evaluations never add up to a refusal, however many run in one turn', async () => {
    await new Promise((r) => setImmediate(r));
    const quick = compileExpression('x > 1 and y = "a"', '/quick');
    if (!quick.ok) throw new Error('does not compile');
    // e.g. a batch of submits through inject on synchronous SQLite: no macrotask between them
    for (let i = 0; i < 5_000; i++) expect(evaluateFeel(quick.value, { x: i, y: 'a' }).ok).toBe(true);
  });

  it('runWithin returns, rethrows, nests and stops', () => {
    expect(runWithin(1000, () => 42)).toBe(42);
    expect(() => runWithin(1000, () => { throw new RangeError('mine'); })).toThrow('mine');
    expect(runWithin(1000, () => runWithin(1000, () => 'inner'))).toBe('inner');
    expect(() => runWithin(20, () => { for (;;); })).toThrow(DeadlineExceeded);
  });
});

describe('form patterns run on RE2', () => {
  const form = (pattern: string, property = '^x_') => ({
    type: 'object',
    properties: { code: { type: 'string', pattern }, nested: { type: 'object', properties: { pattern: { type: 'string' } } } },
    patternProperties: { [property]: { type: 'string' } },
    errorMessage: { properties: { code: '编号格式不对' } },
  });

  it('^(a+)+$ and ^(a|a)*$ validate in linear time', () => {
    const compiled = compileForm(form('^(a+)+$', '^(a|a)*$'));
    expect(compiled.ok).toBe(true);
    if (!compiled.ok) return;
    const evil = `${'a'.repeat(5_000)}!`;
    // the evil key is matched against ^(a|a)*$ (and fails: no rule applies); `aaaa` matches and must be a string
    const r = validateForm(compiled.value, { code: evil, [evil]: 1, aaaa: 1 }, { partial: true });
    expect(r.problems.map((p) => p.pointer).sort()).toEqual(['/aaaa', '/code']);
  });

  it('refuses at publish what RE2 cannot run (backreferences, lookaround), at its pointer', () => {
    expect(codes(unsafePatterns(form('^(a+)\\1$', '^(?=x)')))).toEqual([
      ['form.unsafe_pattern', '/patternProperties/^(?=x)'],
      ['form.unsafe_pattern', '/properties/code/pattern'],
    ]);
    const problems = metaCheckForm(form('(?<=a)b'), { pointerPrefix: '/form' });
    expect(codes(problems)).toEqual([['form.unsafe_pattern', '/form/properties/code/pattern']]);
    expect(problems[0]!.message).toMatch(/正则表达式/);
    expect(unsafePatterns(form('^(a+)+$', '^(a|a)*$'))).toEqual([]);
  });
});
