import { describe, expect, it } from 'vitest';
import schema from './form.fixture.json' with { type: 'json' };
import badSchema from './bad-form.fixture.json' with { type: 'json' };
import { compileForm, FormCache, metaCheckForm, validateForm, type FormValidator } from '../../../server/domain/forms/index.js';

const compiled = (): FormValidator => {
  const r = compileForm(schema, 'gongcheng.fugao@1');
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

const complete = {
  name: '张三',
  idNumber: '15010219800101123X',
  birthDate: '1980-01-01',
  workYears: 12,
  education: { degree: '本科', graduatedOn: '2008-07-01' },
  papers: [{ title: '某工程技术研究', representative: true }],
};

describe('validateForm (full)', () => {
  it('accepts complete data', () => {
    expect(validateForm(compiled(), complete, { partial: false })).toEqual({ valid: true, problems: [] });
  });

  it('points a missing property at itself, with a Chinese message', () => {
    const { name: _omit, ...rest } = complete;
    const r = validateForm(compiled(), rest, { partial: false });
    expect(r.valid).toBe(false);
    expect(r.problems).toEqual([
      { code: 'schema.required', message: '姓名：必填', pointer: '/name', source: 'gongcheng.fugao@1' },
    ]);
  });

  it("keeps ajv-errors' custom text and points it at the field", () => {
    const { idNumber: _omit, ...rest } = complete;
    const r = validateForm(compiled(), rest, { partial: false });
    expect(r.problems).toEqual([expect.objectContaining({ code: 'schema.required', message: '请填写身份证号', pointer: '/idNumber' })]);
    const bad = validateForm(compiled(), { ...complete, idNumber: '123' }, { partial: false });
    expect(bad.problems).toEqual([expect.objectContaining({ code: 'schema.pattern', message: '身份证号须为18位，末位可为X', pointer: '/idNumber' })]);
  });

  it('reports every error at once, nested and in arrays, each with its pointer', () => {
    const r = validateForm(
      compiled(),
      { ...complete, workYears: '十二', birthDate: '1980-13-01', education: { degree: '中专' }, papers: [{ representative: 'yes' }] },
      { partial: false },
    );
    const byPointer = Object.fromEntries(r.problems.map((p) => [p.pointer, p]));
    expect(Object.keys(byPointer).sort()).toEqual(
      ['/birthDate', '/education/degree', '/education/graduatedOn', '/papers/0/representative', '/papers/0/title', '/workYears'].sort(),
    );
    expect(byPointer['/workYears']).toMatchObject({ code: 'schema.type', message: '工作年限：应当填写整数' });
    expect(byPointer['/birthDate']).toMatchObject({ code: 'schema.format', message: '出生日期：应当是日期，如 2020-01-31' });
    expect(byPointer['/education/degree']).toMatchObject({ code: 'schema.enum', message: '学历：请从给定的选项中选择' });
    expect(byPointer['/papers/0/title']).toMatchObject({ code: 'schema.required', message: '题目：必填' });
  });

  it('does not change the data it validates', () => {
    const data = structuredClone(complete);
    validateForm(compiled(), data, { partial: false });
    expect(data).toEqual(complete);
  });
});

describe('validateForm (partial: draft save)', () => {
  it('ignores missing fields and empty lists', () => {
    expect(validateForm(compiled(), { name: '张三', education: {}, papers: [] }, { partial: true })).toEqual({ valid: true, problems: [] });
  });

  it('still reports type, format, range and custom errors', () => {
    const r = validateForm(compiled(), { workYears: 70, email: 'not-an-email', idNumber: '1' }, { partial: true });
    expect(r.valid).toBe(false);
    expect(r.problems.map((p) => [p.pointer, p.code, p.message])).toEqual(
      expect.arrayContaining([
        ['/workYears', 'schema.maximum', '工作年限：不能大于 60'],
        ['/email', 'schema.format', '电子邮箱：应当是电子邮箱地址'],
        ['/idNumber', 'schema.pattern', '身份证号须为18位，末位可为X'],
      ]),
    );
    expect(r.problems).toHaveLength(3);
  });

  it('drops an if/then summary when only completeness errors were under it', () => {
    const conditional = {
      type: 'object',
      properties: { pogé: { type: 'boolean' }, reason: { type: 'string', maxLength: 5 } },
      if: { properties: { pogé: { const: true } }, required: ['pogé'] },
      then: { required: ['reason'] },
    };
    const r = compileForm(conditional);
    if (!r.ok) throw new Error(r.error.message);
    expect(validateForm(r.value, { pogé: true }, { partial: true }).problems).toEqual([]);
    const full = validateForm(r.value, { pogé: true }, { partial: false });
    // the field that became required, by its pointer; no generic "应当匹配 then schema" summary beside it
    expect(full.problems.map((p) => p.code)).toEqual(['schema.required']);
    expect(full.problems[0]).toMatchObject({ pointer: '/reason', message: '「reason」为必填项' });
  });
});

describe('compileForm and FormCache', () => {
  it('refuses a non-object schema as a value', () => {
    const r = compileForm('nope');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('form.invalid_schema');
  });

  it('returns a compile failure as a value', () => {
    const r = compileForm({ type: 'object', properties: { a: { $ref: '#/definitions/missing' } } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('form.compile_failed');
  });

  it('compiles once per key@version and evicts the least recently used', () => {
    const cache = new FormCache(2);
    const a1 = cache.getOrCompile('a', 1, schema);
    const again = cache.getOrCompile('a', 1, { not: 'used' });
    expect(a1.ok && again.ok && a1.value === again.value).toBe(true);
    cache.getOrCompile('b', 1, schema);
    cache.get('a', 1); // a@1 is now the most recent
    cache.getOrCompile('c', 1, schema);
    expect(cache.size).toBe(2);
    expect(cache.get('b', 1)).toBeUndefined();
    expect(cache.get('a', 1)?.source).toBe('a@1');
  });

  it('keeps two versions with the same $id apart', () => {
    const cache = new FormCache();
    const v1 = cache.getOrCompile('k', 1, { $id: 'https://example.org/f.json', type: 'object', required: ['x'] });
    const v2 = cache.getOrCompile('k', 2, { $id: 'https://example.org/f.json', type: 'object' });
    expect(v1.ok && validateForm(v1.value, {}, { partial: false }).valid).toBe(false);
    expect(v2.ok && validateForm(v2.value, {}, { partial: false }).valid).toBe(true);
  });
});

describe('metaCheckForm (publish time)', () => {
  it('passes a good schema', () => {
    expect(metaCheckForm(schema)).toEqual([]);
  });

  it('lists every problem with a pointer into the schema', () => {
    const problems = metaCheckForm(badSchema, { reservedNames: ['campaign', 'org'], pointerPrefix: '/form', source: 'gongcheng.fugao@2' });
    const pointers = problems.map((p) => p.pointer);
    expect(pointers).toEqual(
      expect.arrayContaining(['/form/properties/name/type', '/form/properties/age/minimum', '/form/required', '/form/properties/tenure/requird', '/form/properties/campaign']),
    );
    expect(problems.find((p) => p.pointer === '/form/properties/tenure/requird')).toMatchObject({ code: 'form.unknown_keyword', source: 'gongcheng.fugao@2' });
    expect(problems.find((p) => p.pointer === '/form/properties/campaign')?.message).toContain('保留名称');
    expect(problems.find((p) => p.pointer === '/form/properties/age/minimum')?.message).toContain('应当填写数字');
    expect(pointers).not.toContain('/form/properties/nickname/x-hint');
    expect(problems.every((p) => /[\u4e00-\u9fff]/.test(p.message))).toBe(true);
  });

  it('refuses another draft', () => {
    const problems = metaCheckForm({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object' });
    expect(problems).toEqual([expect.objectContaining({ code: 'form.unsupported_draft', pointer: '/$schema' })]);
  });

  it('reports a schema that passes the meta-schema but does not compile', () => {
    const problems = metaCheckForm({ type: 'object', properties: { a: { $ref: '#/definitions/nowhere' } } });
    expect(problems).toEqual([expect.objectContaining({ code: 'form.compile_failed', pointer: '' })]);
  });
});
