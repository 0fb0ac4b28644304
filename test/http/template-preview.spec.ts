// The template editor's API: a seeded template previewed on a real application created through the API and on
// a level's sample; a broken template answered with each error at its line and column; only administrators
// may preview; a hostile template (nested {{#each}} that multiplies, a block that runs for seconds, nesting
// thousands deep) is refused or cut off within the rendering budget, and the server keeps answering.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RENDER_BUDGET } from '../../server/domain/documents/render-budget.js';
import { NOTIFICATION_FACT_NAMES } from '../../server/domain/notifications/template-facts.js';
import { applicationFacts } from '../../server/runtime/notifications/compose.js';
import type { TemplateDefinition } from '../../server/domain/schema-types.gen.js';
import { prepareApplication } from '../support/applicant-flow.js';
import { ENGINEER_MATERIALS, engineer, engineerForm } from '../support/engineer.js';
import { startHarness, type Harness } from '../support/harness.js';

interface Problem {
  code: string;
  message: string;
  line?: number;
  column?: number;
}

describe('template preview', () => {
  let h: Harness;
  let appId = '';
  let songshenbiao = '';
  beforeAll(async () => {
    h = await startHarness({ now: '2022-06-01T02:00:00.000Z', users: [engineer('li', '李工')] });
    appId = await prepareApplication(h.as('li'), { campaignId: '2022', levelKey: 'gongcheng.zhongji', form: engineerForm('李工'), materials: ENGINEER_MATERIALS });
    // the level uses the shared 送审表 (seeds/templates/songshenbiao.hbs)
    const shared = await h.platform.store.getDefinition<TemplateDefinition>('template', 'songshenbiao', 'latest');
    songshenbiao = shared!.body.source;
  });
  afterAll(async () => h.close());

  const preview = (payload: object, who = 'demo-admin') => h.as(who)({ method: 'POST', url: '/api/admin/templates/preview', payload });

  it('renders a seeded template on a real application, as the document itself would', async () => {
    const res = await preview({ source: songshenbiao, applicationId: appId, title: '送审表' });
    expect(res.statusCode, res.body).toBe(200);
    const html = res.json().html as string;
    expect(html).toContain('<!DOCTYPE html>');
    expect(html).toContain('<td>李工</td>');
    expect(html).toContain('<title>送审表 · 李工</title>');
    const unit = await h.platform.store.getOrg('unit-hhht-design');
    expect(html).toContain(unit!.name);
  });

  it('renders on a sample of a level, with Chinese placeholders from the form labels', async () => {
    const res = await preview({ source: songshenbiao, sampleLevel: 'gongcheng.zhongji' });
    expect(res.statusCode, res.body).toBe(200);
    const html = res.json().html as string;
    expect(html).toContain('<td>张三</td>');
    expect(html).toContain('示例单位（样例）');
    expect(html).toMatch(/\d{4}年\d{2}月\d{2}日/); // a date field through the date helper
    expect(html).not.toContain('<li>无</li>'); // the sample has rows in its tables
  });

  it('lists the form fields by their Chinese labels with paths, the platform facts and the helpers', async () => {
    const res = await h.as('demo-admin')({ method: 'GET', url: '/api/admin/templates/fields?levelKey=gongcheng.zhongji' });
    expect(res.statusCode, res.body).toBe(200);
    const { groups, helpers } = res.json() as { groups: { key: string; fields: { label: string; path: string; insert: string; kind: string }[] }[]; helpers: { name: string }[] };
    const form = groups.find((g) => g.key === 'form')!.fields;
    expect(form).toContainEqual(expect.objectContaining({ label: '姓名', path: 'form.name', insert: '{{form.name}}' }));
    expect(form).toContainEqual(expect.objectContaining({ label: '出生日期', path: 'form.birthDate', insert: '{{date form.birthDate}}' }));
    expect(form).toContainEqual(expect.objectContaining({ label: '最高学历 · 毕业院校', path: 'form.education.school' }));
    const keys = groups.map((g) => g.key);
    for (const k of ['applicant', 'unit', 'level', 'campaign', 'committee', 'certificate', 'notice', 'roster']) expect(keys).toContain(k);
    expect(helpers.map((x) => x.name)).toEqual(expect.arrayContaining(['date', 'join', 'eq', 'pointerLabel', 'each', 'if']));
    // every inserted text of every field compiles and renders on the sample
    const source = groups.flatMap((g) => g.fields.map((f) => f.insert)).join('\n');
    const all = await preview({ source, sampleLevel: 'gongcheng.zhongji' });
    expect(all.statusCode, all.body).toBe(200);
  });

  it('a broken template answers with each error at its line and column, in Chinese', async () => {
    const unclosed = await preview({ source: '<h1>送审表</h1>\n<p>{{form.name}}</p>\n<p>{{form.gender</p>\n', applicationId: appId });
    expect(unclosed.statusCode).toBe(422);
    const body = unclosed.json() as { code: string; message: string; details: Problem[] };
    expect(body.code).toBe('documents.invalid_template');
    expect(body.details).toHaveLength(1);
    expect(body.details[0]).toMatchObject({ code: 'documents.syntax', line: 3 });
    expect(body.details[0]!.message).toMatch(/^模板语法错误（第 3 行第 \d+ 列）/);

    const mismatched = await preview({ source: '<ol>\n{{#each form.papers}}\n<li>{{title}}</li>\n{{/if}}\n</ol>', sampleLevel: 'gongcheng.zhongji' });
    expect(mismatched.statusCode).toBe(422);
    expect(mismatched.json().details[0]).toMatchObject({ code: 'documents.syntax', line: 2, column: 4, message: '模板语法错误（第 2 行第 4 列）：{{#each}} 与结束标记 {{/if}} 不配对' });

    // a {{ left open shows where it starts, not on the later line where parsing gives up
    const open = await preview({ source: '<h1>送审表</h1>\n<p>{{form.name\n<table>\n<tr><td>x</td></tr>', sampleLevel: 'gongcheng.zhongji' });
    expect(open.json().details[0]).toMatchObject({ code: 'documents.syntax', line: 2, column: 4, message: '模板语法错误（第 2 行第 4 列）：这里的 {{ 没有用 }} 结束' });

    const missingEnd = await preview({ source: '<p>\n{{#if certificate}}\n有证书\n', sampleLevel: 'gongcheng.zhongji' });
    expect(missingEnd.json().details[0]).toMatchObject({ code: 'documents.syntax', line: 4, column: 1 });
    expect(missingEnd.json().details[0].message).toContain('缺少结束标记');

    // an error only rendering finds is the template's problem too, never a 500
    const noArgument = await preview({ source: '{{#if}}x{{/if}}', sampleLevel: 'gongcheng.zhongji' });
    expect(noArgument.statusCode).toBe(422);
    expect(noArgument.json()).toMatchObject({ code: 'documents.render_failed', message: '文书生成失败：{{#if}} 后面需要写且只写一个栏目' });

    // what publishing refuses too, each at its own line
    const refused = await preview({ source: 'a\n{{{form.name}}}\nb {{upper form.name}}', sampleLevel: 'gongcheng.zhongji' });
    expect(refused.json().details).toEqual([
      expect.objectContaining({ code: 'documents.unescaped_output', line: 2, column: 1 }),
      expect.objectContaining({ code: 'documents.unknown_helper', line: 3, column: 3 }),
    ]);
  });

  it('a notification template (notify-*) previews as its message: title line, then body, with the sample facts', async () => {
    const returned = await h.platform.store.getDefinition<TemplateDefinition>('template', 'notify-returned', 'latest');
    const res = await preview({ source: returned!.body.source, purpose: 'notification', title: '通知：退回补正' });
    expect(res.statusCode, res.body).toBe(200);
    const html = res.json().html as string;
    expect(html).toContain('<title>通知：退回补正 · 样例</title>');
    expect(html).toContain('第一行是标题，其余是正文');
    // the first line is the title; the deadline is the sample's Beijing date a week after now (2022-06-01)
    expect(html).toContain('<h2 data-part="title">您的示例职称申报被退回补正，请于2022年06月08日前补正</h2>');
    const body = /<div data-part="body"[^>]*>([\s\S]*?)<\/div>/.exec(html)![1]!;
    expect(body).toContain('您申报的示例系列·示例职称经审核');
    expect(body).toContain('· 最高学历 · 毕业证书：请上传清晰的毕业证书扫描件');
    expect(body).toContain('还有 5 个工作日');
    // plain text, escaped once: what the template writes as markup is shown, not run
    const tagged = await preview({ source: '<b>{{applicantName}}</b>\n{{recipientName}} & {{stepName}}', purpose: 'notification' });
    expect(tagged.json().html).toContain('<h2 data-part="title">&lt;b&gt;张三&lt;/b&gt;</h2>');
    expect(tagged.json().html).toContain('张三 &amp; 单位审核');
    // errors at their line, like a document; a notification preview takes no application or level
    const broken = await preview({ source: '标题\n{{#if deadline}}\n正文', purpose: 'notification' });
    expect(broken.statusCode).toBe(422);
    expect(broken.json().details[0]).toMatchObject({ code: 'documents.syntax' });
    expect((await preview({ source: 'x', purpose: 'notification', sampleLevel: 'gongcheng.zhongji' })).statusCode).toBe(200);
    expect((await preview({ source: 'x', purpose: 'document' })).statusCode).toBe(400);
  });

  it('a notification template is offered the facts a notification carries, by their Chinese labels', async () => {
    const res = await h.as('demo-admin')({ method: 'GET', url: '/api/admin/templates/fields?purpose=notification' });
    expect(res.statusCode, res.body).toBe(200);
    const { groups, helpers } = res.json() as { groups: { fields: { label: string; path: string; insert: string }[] }[]; helpers: { name: string }[] };
    const fields = groups.flatMap((g) => g.fields);
    expect(fields).toContainEqual(expect.objectContaining({ label: '剩余工作日', path: 'workingDaysLeft', insert: '{{workingDaysLeft}}' }));
    expect(fields).toContainEqual(expect.objectContaining({ label: '期限（最后一天）', insert: '{{date deadline}}' }));
    expect(fields).toContainEqual(expect.objectContaining({ label: '申报人姓名', path: 'applicantName' }));
    expect(fields.some((f) => f.path.startsWith('form.'))).toBe(false);
    expect(helpers.map((x) => x.name)).not.toContain('pointerLabel');
    // every inserted text renders on the sample facts
    const all = await preview({ source: `标题\n${fields.map((f) => f.insert).join('\n')}`, purpose: 'notification' });
    expect(all.statusCode, all.body).toBe(200);
    // one source of truth: every fact compose.ts gives a template is in the list
    const app = await h.platform.store.getApplication(appId);
    const facts = await applicationFacts(h.platform, { ...app!, status: 'returned', notice: { items: [{ message: 'x' }], deadline: '2022-06-10T16:00:00.000Z' } } as typeof app & object);
    for (const name of [...Object.keys(facts), 'recipientName', 'stepName', 'fromName', 'note', 'forApplicant']) expect(NOTIFICATION_FACT_NAMES).toContain(name);
  });

  it('only administrators may preview; the body is bounded like a stored template', async () => {
    expect((await preview({ source: '{{form.name}}', applicationId: appId }, 'li')).statusCode).toBe(403);
    expect((await h.as('li')({ method: 'GET', url: '/api/admin/templates/fields' })).statusCode).toBe(403);
    expect((await h.anon({ method: 'POST', url: '/api/admin/templates/preview', payload: { source: 'x', applicationId: appId } })).statusCode).toBe(401);
    const big = await preview({ source: 'x'.repeat(40 * 1024), applicationId: appId });
    expect(big.statusCode).toBe(400);
    expect(big.json()).toMatchObject({ code: expect.any(String), message: expect.any(String), details: expect.any(Array) });
    expect((await preview({ source: 'x' })).statusCode).toBe(400); // neither an application nor a sample
    expect((await preview({ source: 'x', applicationId: 'nope' })).statusCode).toBe(404);
  });

  it('a hostile template is cut off within the budget and the server keeps answering', async () => {
    // {{#each}} nested 30 deep over a two-row list: 2³⁰ rows unless counted
    const nested = `${'{{#each @root.rows}}'.repeat(30)}x${'{{/each}}'.repeat(30)}`;
    const multiplied = await preview({ source: nested, sampleLevel: 'gongcheng.zhongji' });
    expect(multiplied.statusCode).toBe(422);
    // the count cuts it off, or on a loaded machine the clock first: either way a refusal within the budget
    expect(multiplied.json().code).toMatch(/^documents\.(too_many_iterations|render_timeout)$/);
    expect(multiplied.json().message).toMatch(/^文书生成已中止：/);

    // few iterations, each of thousands of lookups: the clock stops it (the budget is the assertion here)
    const heavy = `${'{{#each @root.rows}}'.repeat(12)}${'{{a.b.c}}'.repeat(3000)}${'{{/each}}'.repeat(12)}`;
    const started = performance.now();
    const slow = await preview({ source: heavy, sampleLevel: 'gongcheng.zhongji' });
    const spent = performance.now() - started;
    expect(slow.statusCode).toBe(422);
    expect(slow.json().code).toMatch(/^documents\.(render_timeout|too_many_iterations)$/);
    expect(spent).toBeLessThan(RENDER_BUDGET.ms * 10);

    // nesting makes Handlebars' parser slow (seconds for 2,000 blocks, a minute for 5,000 brackets): refused unparsed
    const deep = `<p>\n${'{{#if a}}'.repeat(1900)}x${'{{/if}}'.repeat(1900)}`;
    const tooDeep = await preview({ source: deep, sampleLevel: 'gongcheng.zhongji' });
    expect(tooDeep.statusCode).toBe(422);
    expect(tooDeep.json().details[0]).toMatchObject({ code: 'documents.too_deep', line: 2, column: 289 });
    const brackets = `{{eq ${'(eq '.repeat(5000)}a${')'.repeat(5000)}}}`;
    const tooDeepToo = await preview({ source: brackets, sampleLevel: 'gongcheng.zhongji' });
    expect(tooDeepToo.json().details[0]).toMatchObject({ code: 'documents.too_deep', line: 1 });

    expect((await h.anon({ method: 'GET', url: '/health' })).statusCode).toBe(200);
  });
});
