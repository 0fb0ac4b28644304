import { describe, expect, it } from 'vitest';
import rulesDef from './rules.fixture.json' with { type: 'json' };
import fx from './applicants.fixture.json' with { type: 'json' };
import {
  buildContext,
  compileExpression,
  compileRules,
  evaluateCondition,
  evaluateEligibility,
  evaluateFeel,
  checkMaterials,
  requiredMaterials,
  months,
  years,
  type CompiledExpression,
  type CompiledRules,
  type ContextInput,
  type EvalContext,
  type RulesDef,
} from '../../../server/domain/rules/index.js';

const compiled = (): CompiledRules => {
  const r = compileRules(rulesDef as RulesDef);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

const expr = (source: string): CompiledExpression => {
  const r = compileExpression(source, '/test');
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

type Applicant = { org: ContextInput['org']; form: Record<string, unknown> };

const ctx = (who: Applicant, over: Partial<ContextInput> = {}): EvalContext => {
  const r = buildContext({
    form: who.form,
    org: who.org,
    campaign: fx.campaign2022,
    counters: fx.counters,
    integrity: { active: false },
    person: { civilServant: false, retired: false },
    history: { usedPaths: [] },
    applicationDate: '2022-06-15',
    ...over,
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

const privateEngineer = fx.privateEngineer as Applicant;
const townshipTechnician = fx.townshipTechnician as Applicant;

describe('helpers', () => {
  it('years() counts whole years to the 2021-12-31 cut-off', () => {
    expect(years('2016-12-31', '2021-12-31')).toBe(5);
    expect(years('2017-01-01', '2021-12-31')).toBe(4);
    expect(years('2017-01-01', '2022-01-01')).toBe(5);
    expect(years('2020-02-29', '2021-02-28')).toBe(0);
    expect(years('2021-12-31', '2016-12-31')).toBe(-5);
  });

  it('months() counts whole months', () => {
    expect(months('2021-01-31', '2021-02-28')).toBe(0);
    expect(months('2021-01-15', '2021-03-15')).toBe(2);
    expect(months('2021-03-15', '2021-01-16')).toBe(-1);
  });

  it('are callable from FEEL with strings or FEEL dates', () => {
    const c = ctx(townshipTechnician);
    expect(evaluateFeel(expr('years("2016-12-31", campaign.cutoffs.tenure)'), c)).toEqual({ ok: true, value: 5 });
    expect(evaluateFeel(expr('years(date("2017-01-01"), date(campaign.cutoffs.tenure))'), c)).toEqual({ ok: true, value: 4 });
    expect(evaluateFeel(expr('months(currentTitle.since, applicationDate)'), c)).toEqual({ ok: true, value: 41 });
  });

  it('a bad date is an error naming the value, not a silent null', () => {
    const r = evaluateFeel(expr('years("2021-02-30", "2021-12-31")'), ctx(townshipTechnician));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.details[0]).toMatchObject({ code: 'rules.invalid_date', message: 'years()：「2021-02-30」不是有效日期，应为 YYYY-MM-DD', pointer: '/test' });
  });
});

describe('feel wrapper', () => {
  it('a missing value is an error naming the variable', () => {
    const c = ctx({ ...townshipTechnician, form: { ...townshipTechnician.form, currentTitle: {} } });
    const r = evaluateCondition(expr('years(currentTitle.since, campaign.cutoffs.tenure) >= 5'), c);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('rules.missing_value');
      expect(r.error.details[0]?.message).toContain('currentTitle.since');
    }
    const top = evaluateCondition(expr('honours = true'), c);
    expect(!top.ok && top.error.details[0]).toMatchObject({ code: 'rules.missing_value', message: '缺少数据：「honours」没有值' });
  });

  it('a null result is an error too, never a quiet false', () => {
    const c = ctx({ ...townshipTechnician, form: { ...townshipTechnician.form, grassrootsSince: null } });
    const r = evaluateCondition(expr('years(grassrootsSince, campaign.cutoffs.tenure) >= 20'), c);
    expect(!r.ok && r.error.code).toBe('rules.null_result');
  });

  it('an unknown function is an error', () => {
    const r = evaluateCondition(expr('yrs(1, 2) > 0'), ctx(townshipTechnician));
    expect(!r.ok && r.error.details.map((p) => p.code)).toContain('rules.unknown_function');
  });

  it('counts list items natively', () => {
    expect(evaluateFeel(expr('count(awards[level = "自治区级"])'), ctx(townshipTechnician))).toEqual({ ok: true, value: 1 });
  });

  it('refuses a syntax error with a pointer', () => {
    const r = compileExpression('years(a, b) >= ', '/rules/paths/0/conditions/1/expr');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.details[0]).toMatchObject({ code: 'rules.syntax', pointer: '/rules/paths/0/conditions/1/expr' });
  });
});

describe('context', () => {
  it('refuses form fields that would shadow platform names', () => {
    const r = buildContext({
      form: { campaign: 'x', years: 3 },
      org: privateEngineer.org,
      campaign: fx.campaign2022,
      counters: {},
      integrity: { active: false },
      person: { civilServant: false, retired: false },
      history: { usedPaths: [] },
      applicationDate: '2022-06-15',
    });
    expect(!r.ok && r.error.details.map((p) => p.pointer)).toEqual(['/campaign', '/years']);
  });
});

describe('compileRules (publish time)', () => {
  it('compiles the fixture', () => {
    const r = compileRules(rulesDef as RulesDef);
    expect(r.ok).toBe(true);
  });

  it('lists every syntax problem with its pointer', () => {
    const bad: RulesDef = {
      paths: [
        { id: 'a', name: 'A', conditions: [{ id: 'ok', expr: 'x > 1', message: '甲' }, { id: 'broken', expr: 'x >', message: '乙' }] },
        { id: 'a', name: 'B', conditions: [{ id: 'c', expr: '(((', message: '' }, { id: 'd', expr: '  ', message: '丁' }] },
      ],
      blocks: [{ id: 'b', expr: 'in in', message: '戊' }],
    };
    const r = compileRules(bad, { source: 'gongcheng.fugao@3' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('rules.invalid');
      expect(r.error.details.map((p) => [p.code, p.pointer])).toEqual([
        ['rules.syntax', '/rules/paths/0/conditions/1/expr'],
        ['rules.duplicate_id', '/rules/paths/1/id'],
        ['rules.empty_message', '/rules/paths/1/conditions/0/message'],
        ['rules.syntax', '/rules/paths/1/conditions/0/expr'],
        ['rules.empty_expression', '/rules/paths/1/conditions/1/expr'],
        ['rules.syntax', '/rules/blocks/0/expr'],
      ]);
      expect(r.error.details.every((p) => p.source === 'gongcheng.fugao@3')).toBe(true);
    }
  });
});

describe('evaluateEligibility', () => {
  it('D10: a non-public engineer with a bachelor degree and 12 years may apply for 副高 directly', () => {
    const r = evaluateEligibility(compiled(), ctx(privateEngineer));
    expect(r.eligible).toBe(true);
    const direct = r.paths.find((p) => p.id === 'nonpublic-direct');
    expect(direct).toMatchObject({ passed: true, failed: [] });
    // the regular path needs a 中级 title first: listed as failed with its reason
    expect(r.paths.find((p) => p.id === 'regular')?.failed.map((f) => f.conditionId)).toEqual(['sector']);
  });

  it('B2: years are counted to the 2021-12-31 cut-off, not to the application date', () => {
    const later = { ...privateEngineer, form: { ...privateEngineer.form, education: { degree: '本科', graduatedOn: '2010-01-01' } } };
    const r = evaluateEligibility(compiled(), ctx(later));
    expect(r.paths.find((p) => p.id === 'nonpublic-direct')?.failed).toEqual([{ conditionId: 'years', message: '本科毕业后从事专业技术工作须满12年' }]);
    expect(years('2010-01-01', '2022-06-15')).toBe(12); // would have passed at the application date
  });

  it('lists every path with every failed condition', () => {
    const r = evaluateEligibility(compiled(), ctx(townshipTechnician));
    expect(r.paths.map((p) => [p.id, p.passed, p.failed.map((f) => f.conditionId)])).toEqual([
      ['regular', false, ['edu', 'tenure']],
      ['nonpublic-direct', false, ['sector', 'edu', 'years']],
      ['poge-4', true, []],
      ['township-20', false, ['years']],
    ]);
    expect(r.paths.find((p) => p.id === 'regular')?.failed.map((f) => f.message)).toEqual([
      '学历须为本科及以上',
      '取得中级职称后须满5年（计算至2021年12月31日）',
    ]);
    expect(r.eligible).toBe(true);
    expect(r.blocked).toEqual([]);
  });

  it('D8: a 破格 path is quota-exempt and usable once only', () => {
    const first = evaluateEligibility(compiled(), ctx(townshipTechnician));
    expect(first.paths.find((p) => p.id === 'poge-4')).toMatchObject({ passed: true, quotaExempt: true, onceOnly: true });
    const again = evaluateEligibility(compiled(), ctx(townshipTechnician, { history: { usedPaths: ['poge-4'] } }));
    expect(again.paths.find((p) => p.id === 'poge-4')?.failed).toEqual([
      { conditionId: 'onceOnly', message: '「破格申报（四）基层获奖」每人只能使用一次，此前已使用过' },
    ]);
    expect(again.eligible).toBe(false);
  });

  it('D8: an award after the application date does not count', () => {
    const late = {
      ...townshipTechnician,
      form: { ...townshipTechnician.form, awards: [{ name: '自治区奖', level: '自治区级', awardedOn: '2022-07-01' }] },
    };
    const r = evaluateEligibility(compiled(), ctx(late));
    expect(r.paths.find((p) => p.id === 'poge-4')?.failed.map((f) => f.conditionId)).toEqual(['award']);
  });

  it('D13: the post quota applies to the regular path only', () => {
    const full = evaluateEligibility(compiled(), ctx(townshipTechnician, { counters: { post: { senior: 200, overPostApplied: 10 } } }));
    expect(full.paths.find((p) => p.id === 'regular')?.failed.map((f) => f.conditionId)).toEqual(['edu', 'tenure', 'post']);
    expect(full.paths.find((p) => p.id === 'poge-4')?.passed).toBe(true);
  });

  it('A4 and G3: a block refuses whatever the paths say, with the reason', () => {
    const civil = { ...privateEngineer, form: { ...privateEngineer.form, applicant: { status: '公务员' } } };
    const r = evaluateEligibility(compiled(), ctx(civil, { integrity: { active: true } }));
    expect(r.eligible).toBe(false);
    expect(r.blocked).toEqual([
      { id: 'civil-servant', message: '公务员（含参公管理人员）不得申报' },
      { id: 'integrity', message: '有未到期的失信记录，不得申报' },
    ]);
  });

  it('a condition that cannot be decided fails with the error attached', () => {
    const { currentTitle: _omit, ...form } = townshipTechnician.form;
    const r = evaluateEligibility(compiled(), ctx({ ...townshipTechnician, form }));
    const tenure = r.paths.find((p) => p.id === 'regular')?.failed.find((f) => f.conditionId === 'tenure');
    expect(tenure?.message).toBe('取得中级职称后须满5年（计算至2021年12月31日）');
    expect(tenure?.error).toMatchObject({ code: 'rules.missing_value', pointer: '/rules/paths/0/conditions/2/expr' });
    expect(tenure?.error?.message).toContain('currentTitle');
  });
});

describe('materials', () => {
  const materials = [
    { id: 'idcard', name: '身份证', required: true },
    { id: 'pogeForm', name: '破格申报表', required: false, requiredWhen: 'org.grassroots = "township"' },
    { id: 'entrust', name: '委托函', required: false, requiredWhen: 'entrusted = true' },
    { id: 'photo', name: '照片', required: false },
  ];

  it('evaluates requiredWhen; an undecidable one counts as required and is reported', () => {
    const r = requiredMaterials(materials, ctx(townshipTechnician));
    expect(r.required).toEqual(['idcard', 'pogeForm', 'entrust']);
    expect(r.problems).toEqual([expect.objectContaining({ code: 'rules.missing_value', pointer: '/materials/2/requiredWhen' })]);
  });

  it('checks requiredWhen syntax at publish time', () => {
    expect(checkMaterials([...materials, { id: 'idcard', name: 'x', required: false, requiredWhen: 'a =' }])).toEqual([
      expect.objectContaining({ code: 'materials.duplicate_id', pointer: '/materials/4/id' }),
      expect.objectContaining({ code: 'rules.syntax', pointer: '/materials/4/requiredWhen' }),
    ]);
  });
});
