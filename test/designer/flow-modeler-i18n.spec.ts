// The modeler is Chinese and honest (issue 12 item 3), checked without a browser: every text bpmn-js, diagram-js
// and the properties panel ask `translate` for in our configuration has a Chinese entry, and the replace menu
// offers exactly the element types the engine runs.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/config.js';
import * as ReplaceOptions from 'bpmn-js/lib/features/replace/ReplaceOptions.js';
import { PopupEntries } from 'bpmn-js/lib/features/popup-menu/PopupEntries.js';
import { humanizeMessage } from '../../designer/src/flows/problem-text.js';
import { allowedReplaceEntry } from '../../designer/src/flows/replace-menu.js';
import { STEP_TEMPLATES } from '../../designer/src/flows/step-templates.js';
import { translate, TRANSLATED } from '../../designer/src/flows/translate.js';

const NM = join(REPO_ROOT, 'node_modules');
const CALL = /translate\(\s*'((?:[^'\\]|\\.)*)'|translate\(\s*"((?:[^"\\]|\\.)*)"/g;

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? jsFiles(p) : p.endsWith('.js') ? [p] : [];
  });
}
const literals = (source: string) => [...source.matchAll(CALL)].map((m) => (m[1] ?? m[2])!);

describe('the modeler speaks Chinese', () => {
  it('translates every text bpmn-js and diagram-js ask for', () => {
    const asked = new Set([...jsFiles(join(NM, 'bpmn-js/lib')), ...jsFiles(join(NM, 'diagram-js/lib'))].flatMap((f) => literals(readFileSync(f, 'utf8'))));
    expect([...asked].filter((s) => !TRANSLATED.includes(s))).toEqual([]);
  });

  it('translates the labels of every replace option and popup entry', () => {
    const labels = new Set<string>();
    for (const e of Object.values(PopupEntries) as { label?: unknown }[]) if (typeof e.label === 'string') labels.add(e.label);
    for (const list of Object.values(ReplaceOptions) as unknown[]) {
      if (Array.isArray(list)) for (const o of list as { label?: unknown }[]) if (typeof o.label === 'string') labels.add(o.label);
    }
    labels.add('Empty pool/participant (removes content)');
    expect([...labels].filter((s) => !TRANSLATED.includes(s))).toEqual([]);
  });

  it('translates the properties panel: the generic BPMN provider we load and the panel library', () => {
    const panel = readFileSync(join(NM, 'bpmn-js-properties-panel/dist/index.esm.js'), 'utf8');
    // the BPMN provider's module ends the bundle's first part; the Zeebe and Camunda 7 providers follow (not loaded)
    const bpmnPart = panel.slice(0, panel.indexOf('function getExtensionElementsList'));
    const lib = readFileSync(join(NM, '@bpmn-io/properties-panel/dist/index.esm.js'), 'utf8');
    const asked = new Set([...literals(bpmnPart), ...literals(lib)]);
    expect(asked.size).toBeGreaterThan(50);
    expect([...asked].filter((s) => !TRANSLATED.includes(s))).toEqual([]);
  });

  it('fills placeholders and keeps unknown texts visible', () => {
    expect(translate('Open {element}', { element: '子流程' })).toBe('打开子流程');
    expect(translate('Create user task')).toBe('用户任务：由某个角色办理');
  });

  it('offers step templates for every step type, named in Chinese', () => {
    expect(STEP_TEMPLATES.map((t) => t.label)).toEqual(['审核', '公示', '花名册', '送交', '专家评审', '结果公示', '核准备案', '发证', '通知']);
    for (const t of STEP_TEMPLATES) for (const p of t.parts) expect(p.name).toMatch(/[\u4e00-\u9fa5]/);
  });
});

describe('the replace menu is honest', () => {
  const task = { type: 'bpmn:UserTask' };
  it('keeps only the element types the engine runs', () => {
    expect(allowedReplaceEntry(task, 'replace-with-user-task')).toBe(true);
    expect(allowedReplaceEntry(task, 'replace-with-service-task')).toBe(true);
    for (const id of ['replace-with-task', 'replace-with-send-task', 'replace-with-script-task', 'replace-with-call-activity', 'replace-with-receive-task', 'replace-with-manual-task', 'replace-with-rule-task', 'replace-with-collapsed-subprocess']) {
      expect(allowedReplaceEntry(task, id), id).toBe(false);
    }
    const boundary = { type: 'bpmn:BoundaryEvent' };
    expect(allowedReplaceEntry(boundary, 'replace-with-timer-boundary')).toBe(true);
    expect(allowedReplaceEntry(boundary, 'replace-with-non-interrupting-timer-boundary')).toBe(false);
    expect(allowedReplaceEntry(boundary, 'replace-with-signal-boundary')).toBe(false);
    const end = { type: 'bpmn:EndEvent' };
    expect(allowedReplaceEntry(end, 'replace-with-terminate-end')).toBe(true);
    expect(allowedReplaceEntry(end, 'replace-with-message-end')).toBe(false);
  });

  it('offers a default flow only out of an exclusive gateway', () => {
    const fromGateway = { type: 'bpmn:SequenceFlow', businessObject: { sourceRef: { $type: 'bpmn:ExclusiveGateway' } } };
    const fromTask = { type: 'bpmn:SequenceFlow', businessObject: { sourceRef: { $type: 'bpmn:UserTask' } } };
    expect(allowedReplaceEntry(fromGateway, 'replace-with-default-flow')).toBe(true);
    expect(allowedReplaceEntry(fromTask, 'replace-with-default-flow')).toBe(false);
    expect(allowedReplaceEntry(fromTask, 'replace-with-conditional-flow')).toBe(false);
  });
});

describe('check problems read as people name things', () => {
  const elements: Record<string, { type: string; businessObject: { name?: string } }> = {
    Activity_0owc1la: { type: 'bpmn:Task', businessObject: {} },
    unitReview: { type: 'bpmn:UserTask', businessObject: { name: '单位审核' } },
  };
  const registry = { get: (id: string) => elements[id] };
  it('names elements, types and settings in Chinese, never by id, type code or attribute name', () => {
    expect(humanizeMessage('元素 Activity_0owc1la（bpmn:Task）不受支持：流程引擎只支持开始/结束事件', registry)).toBe('元素 未命名的任务（任务）不受支持：流程引擎只支持开始/结束事件');
    expect(humanizeMessage('用户任务 “单位审核”（unitReview） 未指定办理角色（role）', registry)).toBe('用户任务 “单位审核” 未指定办理角色');
    expect(humanizeMessage('多实例用户任务 “单位审核”（unitReview） 缺少 zc:Voting（参会专家和通过条件）', registry)).toBe('多实例用户任务 “单位审核” 缺少 投票设置（参会专家和通过条件）');
    // a FEEL expression in a message stays as written
    expect(humanizeMessage('条件 decision = "approve" 无法解析', registry)).toBe('条件 decision = "approve" 无法解析');
  });
});
