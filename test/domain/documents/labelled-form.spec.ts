import { describe, expect, it } from 'vitest';
import { labelledForm } from '../../../server/domain/documents/labelled-form.js';
import { formFields, templateFields } from '../../../server/domain/documents/context-fields.js';

const schema = {
  type: 'object',
  properties: {
    specialty: { type: 'string', title: '申报专业', enum: ['jianshe', 'gonglu'] },
    degree: { type: 'string', title: '学历', enum: ['bk', 'ss'], enumNames: ['本科', '硕士'] },
    post: { type: 'string', title: '岗位', oneOf: [{ const: 'tech', title: '专业技术岗' }, { const: 'mgmt', title: '管理岗' }] },
    areas: { type: 'array', title: '研究方向', items: { type: 'string', enum: ['a', 'b', 'c'], enumNames: ['结构', '岩土', '桥梁'] }, uniqueItems: true },
    fullTime: { type: 'boolean', title: '全日制' },
    papers: { type: 'array', items: { type: 'object', properties: { kind: { type: 'string', enum: ['lw', 'zz'] }, representative: { type: 'boolean' }, title: { type: 'string' } } } },
    birthDate: { type: 'string', format: 'date' },
    poge: { type: 'boolean', title: '破格申报' },
  },
  // a show-if field lives in a branch
  if: { properties: { poge: { const: true } }, required: ['poge'] },
  then: { properties: { basis: { type: 'string', enum: ['contrib', 'talent'], enumNames: ['重大贡献', '引进高层次人才'] } } },
};
const uiSchema = { papers: { items: { kind: { 'ui:enumNames': ['论文', '著作'] } } } };

describe('labelledForm', () => {
  const data = {
    specialty: 'jianshe',
    degree: 'ss',
    post: 'mgmt',
    areas: ['c', 'a'],
    fullTime: false,
    papers: [{ kind: 'zz', representative: true, title: '寒区混凝土' }, { kind: 'lw', representative: false }],
    birthDate: '1980-01-01',
    poge: true,
    basis: 'talent',
    free: 'kept',
  };

  it('prints labels for selects, multi selects, yes/no, rows and show-if fields; keeps text and dates', () => {
    expect(labelledForm({ schema, uiSchema, data, optionsAt: { '/specialty': { jianshe: '建设工程' } } })).toEqual({
      specialty: '建设工程',
      degree: '硕士',
      post: '管理岗',
      areas: '桥梁、结构',
      fullTime: '否',
      papers: [{ kind: '著作', representative: '是', title: '寒区混凝土' }, { kind: '论文', representative: '否' }],
      birthDate: '1980-01-01',
      poge: '是',
      basis: '引进高层次人才',
      free: 'kept',
    });
  });

  it('leaves the raw form as it was, and values without a label as they are', () => {
    const before = JSON.stringify(data);
    const out = labelledForm({ schema, data: { ...data, degree: 'unknown' } });
    expect(JSON.stringify(data)).toBe(before);
    expect(out.degree).toBe('unknown');
    expect(out.specialty).toBe('jianshe'); // no label anywhere: the value, never nothing
  });
});

describe('the template field picker inserts labels', () => {
  it('selects, yes/no, multi selects, tables and show-if fields come from formLabels; text and dates from form', () => {
    const by = (label: string) => formFields(schema).find((f) => f.label === label)?.insert;
    expect(by('学历')).toBe('{{formLabels.degree}}');
    expect(by('岗位')).toBe('{{formLabels.post}}');
    expect(by('研究方向')).toBe('{{formLabels.areas}}');
    expect(by('全日制')).toBe('{{formLabels.fullTime}}');
    expect(by('basis')).toBe('{{formLabels.basis}}');
    expect(by('papers')).toMatch(/^\{\{#each formLabels\.papers\}\}/);
    expect(by('birthDate')).toBe('{{date form.birthDate}}');
    const facts = templateFields(schema).find((g) => g.key === 'applicant')?.fields ?? [];
    expect(facts.find((f) => f.label === '申报专业')?.insert).toBe('{{specialtyName}}');
    expect(facts.find((f) => f.label === '申报途径')?.insert).toBe('{{pathName}}');
    expect(facts.find((f) => f.label === '申报状态')?.insert).toBe('{{statusName}}');
  });
});
