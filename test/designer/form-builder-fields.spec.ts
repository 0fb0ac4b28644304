// The form builder's new field kinds, keys from labels, options with labels, and conditions kept as annotations
// while editing and compiled for the level (pure functions, no browser).
import type { RJSFSchema } from '@rjsf/utils';
import { describe, expect, it } from 'vitest';
import { toEditing, toStored, setCondition, SHOW_IF } from '../../designer/src/admin/form-builder/conditions-doc.js';
import { isDerivedKey, keyFromLabel, uniqueKeyFromLabel } from '../../designer/src/admin/form-builder/field-key.js';
import { optionsOf, setOptions } from '../../designer/src/admin/form-builder/field-options.js';
import { patternProblem } from '../../designer/src/admin/form-builder/pattern-safety.js';
import { fieldPointers, idDocumentProblems, pointerTitle } from '../../designer/src/forms/validator.js';
import { addField, getField, listFields, pointerToPath, renameField, setKind, type FormDoc } from '../../designer/src/admin/form-builder/schema-tree.js';

const start = (): FormDoc => ({ form: { type: 'object', properties: { name: { type: 'string', title: '姓名' } } }, ui: {} });

describe('keys from Chinese labels', () => {
  it('full pinyin in camelCase, initials for a long label, Latin kept, deduplicated, never field1', () => {
    expect(keyFromLabel('证书编号')).toBe('zhengShuBianHao');
    expect(keyFromLabel('SCI 检索号')).toBe('sciJianSuoHao');
    expect(keyFromLabel('现专业技术资格及聘任时间（年月）')).toBe('xzyjszgjprsjny');
    expect(keyFromLabel('2024年度考核')).toBe('f2024NianDuKaoHe');
    expect(uniqueKeyFromLabel('证书编号', ['zhengShuBianHao'], true)).toBe('zhengShuBianHao2');
    // a reserved name of the rules context is skipped at the top level
    expect(uniqueKeyFromLabel('path', [], true)).toBe('path2');
    expect(isDerivedKey('zhengShuBianHao', '证书编号', ['zhengShuBianHao'], true)).toBe(true);
    expect(isDerivedKey('certNo', '证书编号', ['certNo'], true)).toBe(false);
  });
});

describe('new kinds', () => {
  it('multi select keeps the options of a single select, as checkboxes', () => {
    let doc = addField(start(), [], { key: 'lingYu', title: '领域', kind: 'enum' });
    doc = setKind(doc, ['lingYu'], 'multi');
    expect(getField(doc, ['lingYu'])).toMatchObject({ kind: 'multi', schema: { type: 'array', uniqueItems: true, items: { type: 'string', enum: ['选项一', '选项二'] } }, ui: { 'ui:widget': 'checkboxes' } });
    doc = setOptions(doc, ['lingYu'], [
      { value: 'jianzhu', label: '建筑工程' },
      { value: '市政工程', label: '市政工程' },
    ]);
    const f = getField(doc, ['lingYu'])!;
    expect(f.schema.items).toEqual({ type: 'string', enum: ['jianzhu', '市政工程'] });
    expect(f.ui?.['ui:enumNames']).toEqual(['建筑工程', '市政工程']);
    expect(optionsOf(f)).toEqual([
      { value: 'jianzhu', label: '建筑工程' },
      { value: '市政工程', label: '市政工程' },
    ]);
    // labels equal to values need no ui:enumNames (the seeded forms' plain enum)
    doc = setOptions(doc, ['lingYu'], [{ value: '甲', label: '甲' }]);
    expect(getField(doc, ['lingYu'])!.ui?.['ui:enumNames']).toBeUndefined();
  });

  it('yes/no is two radio buttons 是/否; an identity document is the fixed pair, not a group', () => {
    let doc = addField(start(), [], { key: 'you', title: '有无', kind: 'boolean' });
    expect(getField(doc, ['you'])!.ui).toEqual({ 'ui:widget': 'radio', 'ui:enumNames': ['是', '否'] });
    doc = addField(doc, [], { key: 'zhengJian', title: '证件', kind: 'text' });
    doc = setKind(doc, ['zhengJian'], 'idDocument');
    const f = getField(doc, ['zhengJian'])!;
    expect(f.kind).toBe('idDocument');
    expect(f.schema).toMatchObject({ type: 'object', 'x-id-document': true, required: ['docType', 'number'] });
    expect(listFields(doc).find((n) => n.key === 'zhengJian')?.children).toBeUndefined();
  });

  it('the browser refuses what RE2 cannot run, as the server does', () => {
    expect(patternProblem('^[A-Z]{2}\\d+$')).toBeNull();
    expect(patternProblem('^(a)\\1$')).toMatch(/不支持反向引用和前后断言/);
    expect(patternProblem('^(?=a)b')).toMatch(/不支持反向引用和前后断言/);
    expect(patternProblem('([')).toMatch(/写法有误/);
  });
});

describe('conditions while editing and as stored', () => {
  const built = (): FormDoc => {
    let doc = addField(start(), [], { key: 'you', title: '是否取得证书', kind: 'boolean' });
    doc = addField(doc, [], { key: 'bianHao', title: '证书编号', kind: 'text' });
    doc = addField(doc, [], { key: 'beiZhu', title: '备注', kind: 'text' });
    return setCondition(doc, ['bianHao'], SHOW_IF, { field: 'you', op: 'eq', value: true });
  };

  it('stores if/then with the field in its branch, keeping its place by ui:order, and reads it back', () => {
    const stored = toStored(built());
    expect((stored.form.properties as Record<string, unknown>).bianHao).toBeUndefined();
    expect(stored.form.allOf).toEqual([{ 'x-show-if': 'bianHao', if: { properties: { you: { const: true } }, required: ['you'] }, then: { properties: { bianHao: { type: 'string', title: '证书编号' } } } }]);
    expect(stored.ui['ui:order']).toEqual(['name', 'you', 'bianHao', 'beiZhu', '*']);
    const again: FormDoc = { form: toEditing(stored.form), ui: stored.ui };
    expect(listFields(again).map((n) => n.key)).toEqual(['name', 'you', 'bianHao', 'beiZhu']);
    expect(toStored(again)).toEqual(stored);
    // a problem at the stored field's schema pointer lands on the field
    expect(pointerToPath(again, '/allOf/0/then/properties/bianHao/pattern')).toEqual(['bianHao']);
  });

  it('renaming the other field carries the condition along; a half-filled condition is kept, not compiled', () => {
    const renamed = renameField(built(), ['you'], 'youZhengShu');
    expect(getField(renamed, ['bianHao'])!.schema[SHOW_IF]).toEqual({ field: 'youZhengShu', op: 'eq', value: true });
    const half = setCondition(built(), ['beiZhu'], SHOW_IF, { field: 'you', op: 'eq' });
    const stored = toStored(half);
    expect((stored.form.properties as Record<string, Record<string, unknown>>).beiZhu![SHOW_IF]).toEqual({ field: 'you', op: 'eq' });
  });
});

describe('the applicant form in the browser', () => {
  const stored = toStored(
    setCondition(
      addField(addField(addField(start(), [], { key: 'you', title: '是否取得证书', kind: 'boolean' }), [], { key: 'bianHao', title: '证书编号', kind: 'text' }), [], { key: 'zhengJian', title: '证件', kind: 'idDocument' }),
      ['bianHao'],
      SHOW_IF,
      { field: 'you', op: 'eq', value: true },
    ),
  ).form as RJSFSchema;

  it('checks an identity-document number at the field with the server’s words', () => {
    expect(idDocumentProblems(stored, { zhengJian: { docType: '居民身份证', number: '110105194912310020' } })).toEqual([{ pointer: '/zhengJian/number', message: '居民身份证号码校验位不正确，请核对' }]);
    expect(idDocumentProblems(stored, { zhengJian: { docType: '居民身份证', number: '11010519491231002X' } })).toEqual([]);
  });

  it('names and lists a show-if field although it lives in an if/then branch', () => {
    expect(pointerTitle(stored, '/bianHao')).toBe('证书编号');
    expect(fieldPointers(stored).map((f) => f.pointer)).toContain('/bianHao');
  });
});
