// The visual field editor's pure helpers (designer/src/admin/form-builder/schema-tree.ts), on a copy of a real form.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  addField,
  canMove,
  getField,
  listFields,
  moveField,
  newFieldKey,
  orderedKeys,
  patchField,
  pointerToPath,
  removeField,
  renameField,
  setKind,
  setRequired,
  validateKey,
  type FormDoc,
  type Obj,
} from '../../designer/src/admin/form-builder/schema-tree.js';

const REAL = JSON.parse(readFileSync(join(import.meta.dirname, '../../schemas/forms/gongcheng-fugao.json'), 'utf8')) as Obj;
const real = (): FormDoc => ({ form: structuredClone(REAL), ui: { 'ui:order': ['name', 'gender', 'idNumber', '*'] } });
const props = (o: unknown): Obj => (o as { properties: Obj }).properties;
const frozen = <T>(v: T): T => {
  if (v && typeof v === 'object') {
    for (const x of Object.values(v)) frozen(x);
    Object.freeze(v);
  }
  return v;
};

const small = (): FormDoc =>
  frozen({
    form: {
      type: 'object',
      required: ['a', 'g'],
      properties: {
        a: { type: 'string', title: 'A', pattern: '^x', errorMessage: { pattern: '以 x 开头' } },
        b: { type: 'integer', title: 'B', minimum: 0 },
        g: { type: 'object', title: '分组', required: ['x'], properties: { x: { type: 'string', title: 'X' }, y: { type: 'boolean', title: 'Y' } } },
        t: {
          type: 'array',
          title: '表格',
          minItems: 1,
          items: { type: 'object', required: ['c1'], properties: { c1: { type: 'string', format: 'date', title: '日期' }, c2: { type: 'string', title: '内容' } } },
        },
      },
      if: { properties: { a: { const: 'x' } } },
      then: { required: ['b'] },
    },
    ui: { t: { items: { c2: { 'ui:widget': 'textarea' } } } },
  });

describe('reading the tree', () => {
  it('lists top-level, group and table-row fields with kinds and required flags', () => {
    const tree = listFields(small());
    expect(tree.map((n) => [n.key, n.kind, n.required])).toEqual([
      ['a', 'text', true],
      ['b', 'integer', false],
      ['g', 'group', true],
      ['t', 'table', false],
    ]);
    expect(tree[2]!.children!.map((n) => [n.path.join('.'), n.kind, n.required])).toEqual([
      ['g.x', 'text', true],
      ['g.y', 'boolean', false],
    ]);
    expect(tree[3]!.children!.map((n) => [n.path.join('.'), n.kind, n.required, n.title])).toEqual([
      ['t.c1', 'date', true, '日期'],
      ['t.c2', 'textarea', false, '内容'],
    ]);
  });

  it('follows ui:order, with * standing for the rest', () => {
    const c = { properties: { a: {}, b: {}, c: {}, d: {} } };
    expect(orderedKeys(c, { 'ui:order': ['c', '*', 'a'] })).toEqual(['c', 'b', 'd', 'a']);
    expect(orderedKeys(c, { 'ui:order': ['d', 'b'] })).toEqual(['d', 'b', 'a', 'c']);
    expect(orderedKeys(c, { 'ui:order': ['gone', 'b', 'b', '*'] })).toEqual(['b', 'a', 'c', 'd']);
    expect(orderedKeys(c, undefined)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('reads the real 高级工程师 form: enums, dates, groups, tables with 代表作', () => {
    const doc = real();
    const tree = listFields(doc);
    expect(tree.slice(0, 3).map((n) => n.key)).toEqual(['name', 'gender', 'idNumber']);
    expect(tree.find((n) => n.key === 'gender')!.kind).toBe('enum');
    expect(tree.find((n) => n.key === 'education')!.children!.find((n) => n.key === 'degree')!.required).toBe(true);
    const papers = tree.find((n) => n.key === 'papers')!;
    expect(papers.kind).toBe('table');
    expect(papers.children!.find((n) => n.key === 'representative')!.kind).toBe('boolean');
    expect(getField(doc, ['idNumber'])!.schema.errorMessage).toEqual({ pattern: '身份证号应为18位，末位可为X；港澳台居民、外籍人员填所持证件号码（5至17位大写字母或数字）' });
    expect(getField(doc, ['nope'])).toBeUndefined();
  });
});

describe('keys', () => {
  it('validates ASCII identifiers unique among siblings', () => {
    expect(validateKey('remark', ['a'])).toBeNull();
    expect(validateKey('', [])).toBe('请填写字段标识');
    expect(validateKey('备注', [])).toMatch(/英文字母/);
    expect(validateKey('1a', [])).toMatch(/不能以数字开头/);
    expect(validateKey('a', ['a'])).toMatch(/已有字段/);
    expect(validateKey('a', ['a'], 'a')).toBeNull();
    expect(validateKey('org', [], undefined, true)).toMatch(/保留名称/);
    expect(validateKey('org', [], undefined, false)).toBeNull();
    expect(newFieldKey(['field1', 'field3'])).toBe('field2');
  });

  it('renames in properties (keeping the position), required, ui:order and the uiSchema', () => {
    let doc: FormDoc = { ...small(), ui: { ...small().ui, 'ui:order': ['b', 'a', '*'], a: { 'ui:placeholder': '填' } } };
    doc = renameField(doc, ['a'], 'aa');
    expect(Object.keys(props(doc.form))).toEqual(['aa', 'b', 'g', 't']);
    expect(doc.form.required).toEqual(['aa', 'g']);
    expect(doc.ui).toEqual({ t: small().ui.t, 'ui:order': ['b', 'aa', '*'], aa: { 'ui:placeholder': '填' } });
    expect(props(doc.form).aa).toEqual(props(small().form).a);
    doc = renameField(doc, ['t', 'c2'], 'memo');
    expect(Object.keys(props((props(doc.form).t as Obj).items))).toEqual(['c1', 'memo']);
    expect(doc.ui.t).toEqual({ items: { memo: { 'ui:widget': 'textarea' } } });
    expect(() => renameField(doc, ['b'], 'g')).toThrow(/已有字段/);
  });
});

describe('editing one field keeps everything else', () => {
  it('patches only the touched keywords (pattern, errorMessage, if/then untouched)', () => {
    const before = small();
    const doc = patchField(before, ['a'], { title: '甲', description: '说明', minLength: 2 });
    expect(props(doc.form).a).toEqual({ type: 'string', title: '甲', pattern: '^x', errorMessage: { pattern: '以 x 开头' }, description: '说明', minLength: 2 });
    expect(doc.form.if).toBe(before.form.if);
    expect(doc.form.then).toBe(before.form.then);
    expect(props(doc.form).g).toBe(props(before.form).g); // untouched branches are shared, not copied
    const cleared = patchField(doc, ['a'], { description: undefined });
    expect('description' in (props(cleared.form).a as Obj)).toBe(false);
  });

  it('edits a column of a table in place', () => {
    const doc = patchField(small(), ['t', 'c1'], { title: '起始日期' });
    expect(getField(doc, ['t', 'c1'])!.schema).toEqual({ type: 'string', format: 'date', title: '起始日期' });
    expect((props(doc.form).t as Obj).minItems).toBe(1);
  });

  it('toggles membership of the parent required list', () => {
    let doc = setRequired(small(), ['b'], true);
    expect(doc.form.required).toEqual(['a', 'g', 'b']);
    doc = setRequired(doc, ['g', 'x'], false);
    expect('required' in (props(doc.form).g as Obj)).toBe(false);
    doc = setRequired(doc, ['t', 'c2'], true);
    expect(((props(doc.form).t as Obj).items as Obj).required).toEqual(['c1', 'c2']);
    expect(setRequired(doc, ['b'], true)).toBe(doc);
  });

  it('changes kinds, dropping only keywords that no longer apply', () => {
    let doc = setKind(small(), ['a'], 'enum');
    expect(props(doc.form).a).toEqual({ type: 'string', title: 'A', pattern: '^x', errorMessage: { pattern: '以 x 开头' }, enum: ['选项一', '选项二'] });
    doc = setKind(doc, ['a'], 'date');
    expect(props(doc.form).a).toMatchObject({ type: 'string', format: 'date', pattern: '^x' });
    expect('enum' in (props(doc.form).a as Obj)).toBe(false);
    doc = setKind(doc, ['b'], 'number');
    expect(props(doc.form).b).toEqual({ type: 'number', title: 'B', minimum: 0 });
    doc = setKind(doc, ['b'], 'textarea');
    expect(props(doc.form).b).toEqual({ type: 'string', title: 'B' });
    expect(doc.ui.b).toEqual({ 'ui:widget': 'textarea' });
    doc = setKind(doc, ['b'], 'text');
    expect(doc.ui.b).toBeUndefined();
    doc = setKind(doc, ['b'], 'table');
    expect(props(doc.form).b).toEqual({ type: 'array', title: 'B', items: { type: 'object', properties: {} } });
  });

  it('turns a group into a table of such rows and back', () => {
    let doc = setKind(small(), ['g'], 'table');
    expect(props(doc.form).g).toEqual({ type: 'array', title: '分组', items: { type: 'object', properties: props(props(small().form).g), required: ['x'] } });
    expect(getField(doc, ['g', 'x'])!.required).toBe(true);
    doc = setKind(doc, ['t'], 'group');
    expect(props(doc.form).t).toEqual({ type: 'object', title: '表格', properties: props((props(small().form).t as Obj).items), required: ['c1'] });
    expect(doc.ui.t).toEqual({ c2: { 'ui:widget': 'textarea' } });
    expect(getField(doc, ['t', 'c2'])!.kind).toBe('textarea');
  });
});

describe('adding, removing and moving', () => {
  it('adds at the top level, into a group and into a table row', () => {
    let doc = addField(small(), [], { key: 'remark', title: '备注', kind: 'textarea' });
    expect(props(doc.form).remark).toEqual({ title: '备注', type: 'string' });
    expect(doc.ui.remark).toEqual({ 'ui:widget': 'textarea' });
    doc = addField(doc, ['g'], { key: 'z', title: 'Z', kind: 'date' });
    expect(getField(doc, ['g', 'z'])!.schema).toEqual({ title: 'Z', type: 'string', format: 'date' });
    doc = addField(doc, ['t'], { key: 'level', title: '级别', kind: 'enum' });
    expect(getField(doc, ['t', 'level'])!.kind).toBe('enum');
    expect(listFields(doc).at(-1)!.key).toBe('remark');
    expect(() => addField(doc, [], { key: 'a', title: 'dup', kind: 'text' })).toThrow(/已有字段/);
    expect(() => addField(doc, ['a'], { key: 'q', title: 'q', kind: 'text' })).toThrow(/不是分组或表格/);
  });

  it('lists a new field in a ui:order that has no *', () => {
    const doc = addField({ ...small(), ui: { 'ui:order': ['b', 'a', 'g', 't'] } }, [], { key: 'n', title: 'N', kind: 'text' });
    expect(doc.ui['ui:order']).toEqual(['b', 'a', 'g', 't', 'n']);
    const withStar = addField({ ...small(), ui: { 'ui:order': ['b', '*'] } }, [], { key: 'n', title: 'N', kind: 'text' });
    expect(withStar.ui['ui:order']).toEqual(['b', '*']);
    expect(listFields(withStar).map((n) => n.key)).toEqual(['b', 'a', 'g', 't', 'n']);
  });

  it('removes a field from properties, required, ui:order and the uiSchema', () => {
    let doc = removeField({ ...small(), ui: { 'ui:order': ['a', 'b', '*'], a: { 'ui:help': '?' } } }, ['a']);
    expect(Object.keys(props(doc.form))).toEqual(['b', 'g', 't']);
    expect(doc.form.required).toEqual(['g']);
    expect(doc.ui).toEqual({ 'ui:order': ['b', '*'] });
    expect(doc.form.if).toEqual(small().form.if);
    doc = removeField(doc, ['t', 'c2']);
    expect(doc.ui.t).toBeUndefined();
    doc = removeField(doc, ['g', 'x']);
    expect(props(doc.form).g).toEqual({ type: 'object', title: '分组', properties: { y: { type: 'boolean', title: 'Y' } } });
  });

  it('moves up and down by writing ui:order (top level and nested)', () => {
    let doc = moveField(small(), ['b'], -1);
    expect(doc.ui['ui:order']).toEqual(['b', 'a', 'g', 't', '*']);
    expect(Object.keys(props(doc.form))).toEqual(['a', 'b', 'g', 't']); // the schema itself is not reordered
    doc = moveField(doc, ['t', 'c1'], 1);
    expect(doc.ui.t).toEqual({ items: { c2: { 'ui:widget': 'textarea' }, 'ui:order': ['c2', 'c1', '*'] } });
    expect(listFields(doc)[3]!.children!.map((n) => n.key)).toEqual(['c2', 'c1']);
    doc = moveField(doc, ['g', 'x'], 1);
    expect(doc.ui.g).toEqual({ 'ui:order': ['y', 'x', '*'] });
    expect(moveField(doc, ['b'], -1)).toBe(doc);
    expect(canMove(doc, ['b'], -1)).toBe(false);
    expect(canMove(doc, ['b'], 1)).toBe(true);
  });

  it('moves within a real ui:order with *', () => {
    const doc = moveField(real(), ['gender'], -1);
    expect((doc.ui['ui:order'] as string[]).slice(0, 4)).toEqual(['gender', 'name', 'idNumber', 'ethnicity']);
    expect((doc.ui['ui:order'] as string[]).length).toBe(Object.keys(props(REAL)).length + 1);
  });
});

describe('problems to fields', () => {
  it('maps schema and data pointers to field paths', () => {
    const doc = small();
    expect(pointerToPath(doc, '/properties/t/items/properties/c1/format')).toEqual(['t', 'c1']);
    expect(pointerToPath(doc, '/properties/g/properties/x')).toEqual(['g', 'x']);
    expect(pointerToPath(doc, '/t/0/c2')).toEqual(['t', 'c2']);
    expect(pointerToPath(doc, '/a')).toEqual(['a']);
    expect(pointerToPath(doc, '/if/properties/a')).toBeNull();
    expect(pointerToPath(doc, '')).toBeNull();
  });
});
