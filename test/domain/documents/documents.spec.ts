import { describe, expect, it } from 'vitest';
import templates from './templates.fixture.json' with { type: 'json' };
import badTemplates from './bad-templates.fixture.json' with { type: 'json' };
import formSchema from '../forms/form.fixture.json' with { type: 'json' };
import {
  checkTemplate,
  checkTemplates,
  formatDate,
  labelsFromSchema,
  pointerLabel,
  renderBody,
  renderDocument,
} from '../../../server/domain/documents/index.js';

const application = {
  form: {
    name: '张三',
    birthDate: '1980-01-01',
    currentTitle: { name: '工程师', since: '2016-12-31' },
    papers: [
      { title: '寒区混凝土<b>抗冻</b>研究', publishedOn: '2019-05-01', representative: true },
      { title: '风电场运维', publishedOn: '2020-11-20', representative: false },
    ],
    specialties: ['建设', '水利'],
  },
  path: { name: '破格申报（四）', quotaExempt: true },
};

const body = (name: keyof typeof templates, data: unknown, definition = 'gongcheng.fugao@1'): string => {
  const r = renderBody({ definition, name, source: templates[name], data, title: name, labels: labelsFromSchema(formSchema) });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

describe('renderDocument', () => {
  it('wraps the body in a full A4 printable page', () => {
    const r = renderDocument({ definition: 'gongcheng.fugao@1', name: 'pingshenbiao', source: templates.pingshenbiao, data: application, title: '评审表 <张三>' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(r.value).toContain('<html lang="zh-CN">');
    expect(r.value).toContain('<meta charset="utf-8">');
    expect(r.value).toContain('@page { size: A4; margin: 18mm; }');
    expect(r.value).toContain('"WenQuanYi Micro Hei"');
    expect(r.value).toMatch(/font-family:[^;]*serif;/);
    expect(r.value).toContain('border: 1px solid #000');
    expect(r.value).toContain('<title>评审表 &lt;张三&gt;</title>');
  });

  it('renders a table row per array item, with dates in Chinese form', () => {
    const html = body('pingshenbiao', application);
    expect(html).toContain('<td>1980年01月01日</td>');
    expect(html).toContain('<tr><td>0</td><td>2019年05月01日</td><td>寒区混凝土&lt;b&gt;抗冻&lt;/b&gt;研究</td><td>是</td></tr>');
    expect(html).toContain('<tr><td>1</td><td>2020年11月20日</td><td>风电场运维</td><td>否</td></tr>');
    expect(html).toContain('破格申报（四）（不占岗位指标）');
    expect(html).toContain('专业方向：建设、水利');
    expect(body('pingshenbiao', { form: { name: '李四', papers: [] }, path: { name: '正常申报' } })).toContain('<td colspan="4">无</td>');
  });

  it('escapes <script> and quotes from the data', () => {
    const html = body('pingshenbiao', { ...application, form: { ...application.form, name: '<script>alert("x")</script>' } });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    const joined = body('gongshi', { campaign: { year: 2022 }, from: '2022-09-29', to: '2022-10-10', names: ['<img src=x onerror=alert(1)>', '王五'] });
    expect(joined).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;，王五');
  });

  it('blocks prototype access: constructor and __proto__ render empty', () => {
    const source = '[{{constructor.name}}][{{form.constructor.name}}][{{__proto__}}][{{lookup form "constructor"}}][{{form.toString}}][{{form.hasOwnProperty}}]';
    const r = renderBody({ definition: 'proto@1', name: 'p', source, data: { form: { name: '张三' } }, title: 't' });
    expect(r).toEqual({ ok: true, value: '[][][][][][]' });
  });

  it('lists the one-time notice items by field label', () => {
    const html = body('gaozhishu', {
      form: { name: '张三' },
      deadline: '2022-07-10',
      problems: [
        { pointer: '/idNumber', message: '身份证号须为18位，末位可为X' },
        { pointer: '/papers/2/title', message: '应当有必需属性 title' },
      ],
    });
    expect(html).toContain('需补正以下 2 项，请于2022年07月10日前一次补正');
    expect(html).toContain('<li>身份证号：身份证号须为18位，末位可为X</li>');
    expect(html).toContain('<li>论文第3项 题目：应当有必需属性 title</li>');
  });

  it('compiles once per definition version and template name', () => {
    const a = body('gongshi', { campaign: { year: 2022 }, names: [] }, 'cache@1');
    // same version and name: the cached template is used even if a different source is passed
    const r = renderBody({ definition: 'cache@1', name: 'gongshi', source: 'changed', data: { campaign: { year: 2022 }, names: [] }, title: 't' });
    expect(r.ok && r.value).toBe(a);
    const v2 = renderBody({ definition: 'cache@2', name: 'gongshi', source: 'changed', data: {}, title: 't' });
    expect(v2).toEqual({ ok: true, value: 'changed' });
  });

  it('refuses an unsafe template as a value instead of rendering it', () => {
    const r = renderBody({ definition: 'bad@1', name: 'raw', source: badTemplates.raw, data: { form: { name: '<script>' } }, title: 't' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.details.map((p) => p.code)).toEqual(['documents.unescaped_output', 'documents.unescaped_output']);
  });
});

describe('checkTemplates (publish time)', () => {
  it('passes the fixture templates', () => {
    expect(checkTemplates(templates, { required: ['pingshenbiao', 'gaozhishu', 'gongshi'] })).toEqual([]);
  });

  it('lists every problem of every template with its pointer', () => {
    const problems = checkTemplates(badTemplates, { required: ['songshenbiao'], source: 'gongcheng.fugao@2' });
    expect(problems.map((p) => [p.pointer, p.code])).toEqual([
      ['/templates/songshenbiao', 'documents.missing_template'],
      ['/templates/raw', 'documents.unescaped_output'],
      ['/templates/raw', 'documents.unescaped_output'],
      ['/templates/broken', 'documents.syntax'],
      ['/templates/helpers', 'documents.unknown_helper'],
      ['/templates/helpers', 'documents.unknown_helper'],
      ['/templates/partial', 'documents.partial'],
    ]);
    expect(problems.every((p) => p.source === 'gongcheng.fugao@2' && /[\u4e00-\u9fff]/.test(p.message))).toBe(true);
    expect(problems[1]?.message).toContain('第 1 行第 4 列');
    expect(problems[4]?.message).toContain('「upper」');
  });

  it('passes a template using every helper', () => {
    expect(checkTemplate('{{date d}}{{#if (eq a "x")}}{{join l "/"}}{{/if}}{{pointerLabel p}}{{#each l}}{{this}}{{/each}}{{#with a}}{{.}}{{/with}}')).toEqual([]);
  });
});

describe('helpers', () => {
  it('formats dates as YYYY年MM月DD日, instants on China time', () => {
    expect(formatDate('2021-12-31')).toBe('2021年12月31日');
    expect(formatDate('2021-12-31T16:30:00Z')).toBe('2022年01月01日');
    expect(formatDate(undefined)).toBe('');
    expect(formatDate('待定')).toBe('待定');
  });

  it('labels pointers from the form schema', () => {
    const labels = labelsFromSchema(formSchema);
    expect(labels['/education/degree']).toBe('学历');
    expect(pointerLabel('/education/degree', labels)).toBe('最高学历 学历');
    expect(pointerLabel('/papers/0/representative', labels)).toBe('论文第1项 代表作');
    expect(pointerLabel('/unknown/x', labels)).toBe('unknown x');
  });
});
