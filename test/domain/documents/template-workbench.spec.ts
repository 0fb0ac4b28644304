// The pure parts behind the template editor: sample answers from a form schema, the catalogue of fields and
// facts a template may use, syntax errors at their line and column, nesting refused before parsing, and the
// rendering budget on the real document path (a published template that multiplies is cut off, not run).
import { describe, expect, it } from 'vitest';
import { checkTemplate } from '../../../server/domain/documents/compile-check.js';
import { formFields, templateFields } from '../../../server/domain/documents/context-fields.js';
import { renderBody } from '../../../server/domain/documents/render.js';
import { RENDER_BUDGET, withinRenderBudget } from '../../../server/domain/documents/render-budget.js';
import { COMPILE_OPTIONS, hb } from '../../../server/domain/documents/instance.js';
import { sampleDocumentData } from '../../../server/domain/documents/sample-context.js';
import { sampleForm, sampleOf } from '../../../server/domain/documents/sample-data.js';
import { previewTemplate } from '../../../server/domain/documents/preview.js';

const form = {
  type: 'object',
  properties: {
    name: { type: 'string', title: '姓名', maxLength: 30 },
    gender: { type: 'string', title: '性别', enum: ['男', '女'] },
    birthDate: { type: 'string', title: '出生日期', format: 'date' },
    hours: { type: 'integer', title: '继续教育学时', minimum: 90 },
    fullTime: { type: 'boolean', title: '全日制' },
    fields: { type: 'array', title: '研究方向', items: { type: 'string', enum: ['结构', '岩土', '给排水'] } },
    education: { type: 'object', title: '最高学历', properties: { school: { type: 'string', title: '毕业院校', maxLength: 4 } } },
    papers: { type: 'array', title: '论文', items: { type: 'object', properties: { title: { type: 'string', title: '题目' }, date: { type: 'string', title: '发表时间', format: 'date' } } } },
    'odd-key': { type: 'string', title: '带横线的键' },
  },
};

describe('sample answers from a form schema', () => {
  it('fills each field after its label, keeps within the schema, and gives tables two rows', () => {
    expect(sampleForm(form)).toEqual({
      name: '张三',
      gender: '男',
      birthDate: '2018-07-01',
      hours: 90,
      fullTime: true,
      fields: ['结构', '岩土'],
      education: { school: '示例毕业' }, // cut to maxLength 4
      papers: [
        { title: '示例题目1', date: '2018-07-01' },
        { title: '示例题目2', date: '2021-09-01' },
      ],
      'odd-key': '示例带横线的键',
    });
  });

  it('a deeply nested schema yields a small sample, not a deep one', () => {
    let deep: Record<string, unknown> = { type: 'string', title: '底' };
    for (let i = 0; i < 500; i++) deep = { type: 'object', properties: { a: deep } };
    const depth = (v: unknown): number => (typeof v === 'object' && v !== null ? 1 + Math.max(0, ...Object.values(v).map(depth)) : 0);
    expect(depth(sampleOf(deep))).toBeLessThanOrEqual(13);
    expect(sampleOf({ type: 'array', items: { type: 'string' }, minItems: 1000 })).toHaveLength(5);
  });
});

describe('fields and facts a template may use', () => {
  it('lists form fields by label with their paths and what to insert; lists carry their row fields', () => {
    const fields = formFields(form);
    const by = (label: string) => fields.find((f) => f.label === label);
    expect(by('姓名')).toEqual({ label: '姓名', path: 'form.name', kind: 'value', insert: '{{form.name}}' });
    expect(by('出生日期')?.insert).toBe('{{date form.birthDate}}');
    expect(by('全日制')?.insert).toBe('{{formLabels.fullTime}}'); // prints 是/否 (labelled-form.ts)
    expect(by('研究方向')?.insert).toBe('{{formLabels.fields}}'); // the options' labels, joined with 、
    expect(by('最高学历 · 毕业院校')?.path).toBe('form.education.school');
    expect(by('带横线的键')?.insert).toBe('{{form.[odd-key]}}');
    const papers = by('论文')!;
    expect(papers.kind).toBe('list');
    expect(papers.children?.map((c) => c.insert)).toEqual(['{{title}}', '{{date date}}']);
    expect(papers.insert).toBe('{{#each formLabels.papers}}\n<p>{{title}}，{{date date}}</p>\n{{/each}}');
  });

  it('every insert of every field and fact compiles and renders on the sample', () => {
    const source = templateFields(form).flatMap((g) => g.fields.flatMap((f) => [f.insert])).join('\n');
    const data = sampleDocumentData({ key: 'x.y', title: '工程师', grade: '中级', form }, '2026-06-01T02:00:00.000Z');
    const page = previewTemplate({ source, data, title: 't' });
    expect(page.ok ? '' : JSON.stringify(page.error)).toBe('');
    if (page.ok) expect(page.value).toContain('示例题目2');
  });
});

describe('errors at their line and column', () => {
  const first = (source: string) => checkTemplate(source, '/source')[0];

  it('a parse error, a mismatched block, a missing end, a {{ left open', () => {
    expect(first('a\nb {{x y=}}')).toMatchObject({ code: 'documents.syntax', line: 2, column: 9, pointer: '/source' });
    expect(first('a\n  {{#each x}}\n{{/if}}')).toMatchObject({ line: 2, column: 6, message: '模板语法错误（第 2 行第 6 列）：{{#each}} 与结束标记 {{/if}} 不配对' });
    expect(first('{{#if a}}\nx')).toMatchObject({ line: 2 });
    expect(first('{{#if a}}\nx')!.message).toContain('缺少结束标记');
    expect(first('<p>\n<b>{{a.b\n</b>\n</p>')).toMatchObject({ line: 2, column: 4, message: '模板语法错误（第 2 行第 4 列）：这里的 {{ 没有用 }} 结束' });
  });

  it('what publishing refuses is located too', () => {
    expect(checkTemplate('x\n {{> part}}')).toEqual([expect.objectContaining({ code: 'documents.partial', line: 2, column: 2 })]);
  });

  it('nesting is refused before Handlebars parses it (which is slow at depth), at the block that goes too deep', () => {
    const deep = `a\n${'{{#if a}}'.repeat(2000)}x${'{{/if}}'.repeat(2000)}`;
    expect(first(deep)).toMatchObject({ code: 'documents.too_deep', line: 2, column: 289 });
    expect(first(`{{eq ${'(eq '.repeat(5000)}a${')'.repeat(5000)}}}`)).toMatchObject({ code: 'documents.too_deep', line: 1 });
    // thirty-two is fine, {{^}} (else) and brackets in quotes do not count
    expect(checkTemplate(`${'{{#if a}}'.repeat(32)}x{{^}}y${'{{/if}}'.repeat(32)} {{lookup a "((((((((((((((((((("}}`)).toEqual([]);
  });
});

describe('the rendering budget', () => {
  it('a published template whose {{#each}} multiply is cut off, as a problem of that template', () => {
    const source = `${'{{#each @root.rows}}'.repeat(20)}x${'{{/each}}'.repeat(20)}`;
    const r = renderBody({ definition: 'template/roster@1', name: 'huamingce', source, data: { rows: [1, 2, 3] }, title: 't' });
    const template = () => hb.compile(source, COMPILE_OPTIONS)({ rows: [1, 2, 3] });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      // the count (or, on a loaded machine, the clock) stops it
      expect(r.error.code).toMatch(/^documents\.(too_many_iterations|render_timeout)$/);
      expect(r.error.details[0]).toMatchObject({ pointer: '/templates/huamingce', source: 'template/roster@1' });
    }
    // the count alone, with the clock out of the way: deterministic
    const counted = withinRenderBudget(() => template(), {}, { iterations: 1000, ms: 600_000 });
    expect(counted).toMatchObject({ ok: false, error: { code: 'documents.too_many_iterations', message: '文书生成已中止：{{#each}} 循环超过 1000 次（循环套循环过多）' } });
    expect(RENDER_BUDGET.iterations).toBeGreaterThanOrEqual(10_000);
    // a real roster's worth of rows renders
    const rows = Array.from({ length: 3000 }, (_, i) => ({ seq: i + 1, papers: [{ t: 'a' }, { t: 'b' }] }));
    const roster = renderBody({ definition: 'template/roster@1', name: 'huamingce2', source: '{{#each rows}}{{seq}}{{#each papers}}{{t}}{{/each}}{{/each}}', data: { rows }, title: 't' });
    expect(roster.ok).toBe(true);
  });
});
