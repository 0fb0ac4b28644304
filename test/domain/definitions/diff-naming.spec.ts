// The readable diff names what changed by the titles, names and messages in the body, never by array index or key.
// Fixture: a 档案系列 level before and after an edit of its form, rules, materials and flow (diff-naming.fixture.json).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffDefinition, diffJson } from '../../../server/domain/definitions/diff.js';

const fixture = JSON.parse(readFileSync(new URL('./diff-naming.fixture.json', import.meta.url), 'utf8')) as { before: unknown; after: unknown };

describe('the readable diff of a definition', () => {
  it('says each change of a level in Chinese, named by the labels found in the body', () => {
    expect(diffJson(fixture.before, fixture.after)).toEqual([
      { change: 'changed', text: '申报表单 · 字段「学历」：必填 → 选填' },
      { change: 'removed', text: '申报表单 · 字段「学历」 · 选项：删除「大专」' },
      { change: 'added', text: '申报表单 · 字段「学历」 · 选项：新增「博士」' },
      { change: 'changed', text: '申报表单 · 字段「从事档案工作年限」 · 最小值：0 → 2' },
      { change: 'added', text: '申报表单：新增字段「联系电话」' },
      { change: 'changed', text: '资格规则 · 正常申报 · 条件「取得中级职称后须满5年」 · 说明：取得中级职称后须满5年 → 取得中级职称后须满6年' },
      { change: 'removed', text: '资格规则 · 破格申报第1条 · 条件「取得中级职称后须满5年」：已删除' },
      { change: 'changed', text: '材料清单 · 「学历证书」：必填 → 选填' },
      { change: 'added', text: '材料清单：新增「继续教育证明」' },
      { change: 'changed', text: '评审流程 · 标识：online-review → entrusted-review' },
    ]);
  });

  it('names no array index and no internal key where the body has a name', () => {
    for (const { text } of diffJson(fixture.before, fixture.after)) {
      expect(text).not.toMatch(/\/|\[\d+\]|\bproperties\b|\bconditions\b|pogé-1|第\d+项/);
    }
  });

  it('has nothing to say about equal bodies, and a reordered list is one line', () => {
    expect(diffJson(fixture.before, structuredClone(fixture.before))).toEqual([]);
    const before = { materials: [{ id: 'a', name: '身份证' }, { id: 'b', name: '学历证书' }] };
    expect(diffJson(before, { materials: [...before.materials].reverse() })).toEqual([{ change: 'moved', text: '材料清单：顺序已调整' }]);
  });

  it('a uiSchema entry is named by the title of the field it shapes', () => {
    const before = { form: { properties: { education: { title: '学历' } } }, uiSchema: { education: { 'ui:widget': 'select' } } };
    const after = { ...before, uiSchema: { education: { 'ui:widget': 'radio' } } };
    expect(diffJson(before, after)).toEqual([{ change: 'changed', text: '表单界面 · 字段「学历」 · 输入方式：select → radio' }]);
  });

  it('a long text (a template) is reported as changed, not printed', () => {
    const a = { name: '评审表', source: `<h1>{{form.name}}</h1>${'x'.repeat(100)}` };
    expect(diffJson(a, { ...a, source: `${a.source}<p>新段落</p>` })).toEqual([{ change: 'changed', text: '内容：已修改' }]);
  });

  it('a workflow is compared element by element through the flow diff', async () => {
    const xml = (name: string) =>
      `<?xml version="1.0" encoding="UTF-8"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x"><bpmn:process id="p" isExecutable="true"><bpmn:startEvent id="s" name="开始"/><bpmn:userTask id="t" name="${name}"/></bpmn:process></bpmn:definitions>`;
    const lines = await diffDefinition('workflow', { name: '评审', xml: xml('单位审核') }, { name: '评审', xml: xml('单位初审') });
    expect(lines).toEqual([{ change: 'changed', text: '流程图 · 用户任务「单位初审」 · 名称：单位审核 → 单位初审' }]);
  });
});
