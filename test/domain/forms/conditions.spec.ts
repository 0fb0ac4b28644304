import { describe, expect, it } from 'vitest';
import { compileConditions, compileForm, declaredProperties, decompileConditions, metaCheckForm, validateForm } from '../../../server/domain/forms/index.js';

// the editing shape: conditions are annotations on the fields
const editing = {
  type: 'object',
  required: ['hasCert', 'certNo'],
  properties: {
    hasCert: { type: 'boolean', title: '是否取得证书' },
    certNo: { type: 'string', title: '证书编号', 'x-show-if': { field: 'hasCert', op: 'eq', value: true } },
    award: { type: 'string', title: '奖项级别', enum: ['国家级', '省级', '无'] },
    awardNo: { type: 'string', title: '获奖证书编号', 'x-required-if': { field: 'award', op: 'in', value: ['国家级', '省级'] } },
    phone: { type: 'string', title: '联系电话' },
    phoneOwner: { type: 'string', title: '电话机主', 'x-required-if': { field: 'phone', op: 'answered' } },
    papers: {
      type: 'array',
      title: '论文',
      items: {
        type: 'object',
        properties: {
          kind: { type: 'array', title: '收录', items: { type: 'string', enum: ['SCI', 'EI', '核心期刊'] }, uniqueItems: true },
          sciNo: { type: 'string', title: 'SCI 检索号', 'x-required-if': { field: 'kind', op: 'contains', value: 'SCI' } },
        },
      },
    },
  },
};

describe('show-if and required-if compile to standard JSON Schema', () => {
  const stored = compileConditions(editing);

  it('moves a show-if field into an if/then branch, required when shown', () => {
    expect((stored.properties as Record<string, unknown>).certNo).toBeUndefined();
    expect(stored.required).toEqual(['hasCert']);
    expect(stored.allOf).toContainEqual({
      'x-show-if': 'certNo',
      if: { properties: { hasCert: { const: true } }, required: ['hasCert'] },
      then: { properties: { certNo: { type: 'string', title: '证书编号' } }, required: ['certNo'] },
    });
  });

  it('writes a required-if as if/then, and "answered" as draft-07 dependencies (dependentRequired)', () => {
    expect(stored.allOf).toContainEqual({ 'x-required-if': 'awardNo', if: { properties: { award: { enum: ['国家级', '省级'] } }, required: ['award'] }, then: { required: ['awardNo'] } });
    expect(stored.dependencies).toEqual({ phone: ['phoneOwner'] });
    const row = (stored.properties as { papers: { items: Record<string, unknown> } }).papers.items;
    expect(row.allOf).toEqual([{ 'x-required-if': 'sciNo', if: { properties: { kind: { contains: { const: 'SCI' } } }, required: ['kind'] }, then: { required: ['sciNo'] } }]);
  });

  it('reads back into the editing shape, and compiles again to the same schema', () => {
    const back = decompileConditions(stored);
    expect(back).toEqual({ ...editing, properties: expect.objectContaining(editing.properties) });
    expect(compileConditions(back)).toEqual(stored);
  });

  it('leaves hand-written if/then alone', () => {
    const hand = { type: 'object', properties: { a: { type: 'string' } }, allOf: [{ if: { required: ['a'] }, then: { required: ['b'] } }] };
    expect(decompileConditions(hand)).toEqual(hand);
    expect(compileConditions(hand)).toEqual(hand);
  });

  it('still declares the moved field, for whoever lists a form\'s fields', () => {
    expect(Object.keys(declaredProperties(stored)).sort()).toEqual(Object.keys(editing.properties).sort());
  });

  it('is a schema publish accepts', () => {
    expect(metaCheckForm(stored)).toEqual([]);
  });
});

describe('validation of conditional fields: Chinese messages at the field', () => {
  const v = () => {
    const r = compileForm(compileConditions(editing), 'cond@1');
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };

  it('requires the shown field only when the condition holds', () => {
    expect(validateForm(v(), { hasCert: false }, { partial: false }).problems).toEqual([]);
    expect(validateForm(v(), { hasCert: true }, { partial: false }).problems).toEqual([
      { code: 'schema.required', message: '「证书编号」为必填项', pointer: '/certNo', source: 'cond@1' },
    ]);
    expect(validateForm(v(), { hasCert: true, certNo: 'Z-1' }, { partial: false }).problems).toEqual([]);
  });

  it('names a required-if field by its title although the branch does not declare it', () => {
    const r = validateForm(v(), { hasCert: false, award: '省级', phone: '0471-1234567', papers: [{ kind: ['EI', 'SCI'] }] }, { partial: false });
    expect(r.problems).toHaveLength(3);
    expect(r.problems).toEqual(
      expect.arrayContaining([
        { code: 'schema.required', message: '「获奖证书编号」为必填项', pointer: '/awardNo', source: 'cond@1' },
        { code: 'schema.required', message: '「电话机主」为必填项', pointer: '/phoneOwner', source: 'cond@1' },
        { code: 'schema.required', message: '「SCI 检索号」为必填项', pointer: '/papers/0/sciNo', source: 'cond@1' },
      ]),
    );
  });

  it('a draft save does not ask for conditional fields yet', () => {
    expect(validateForm(v(), { hasCert: true, award: '国家级' }, { partial: true })).toEqual({ valid: true, problems: [] });
  });
});
