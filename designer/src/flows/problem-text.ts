// Check messages name elements as people see them: “名称” or 未命名的用户任务, never an id such as
// Activity_0owc1la, and element types in Chinese instead of bpmn:Task.
import { TYPE_LABELS } from './supported.js';

interface Registry {
  get(id: string): { type: string; businessObject?: { name?: string } } | undefined;
}

export function elementName(registry: Registry | undefined, id: string): string {
  const el = registry?.get(id);
  if (!el) return '已删除的元素';
  const name = el.businessObject?.name;
  return name ? `“${name}”` : `未命名的${TYPE_LABELS[el.type] ?? '元素'}`;
}

/** the zc settings by the names the properties panel shows */
const ZC_LABELS: Record<string, string> = {
  'zc:Assignment': '办理设置',
  'zc:DecisionForm': '决定表单',
  'zc:Action': '内置动作',
  'zc:Duration': '时长设置',
  'zc:Voting': '投票设置',
};

export function humanizeMessage(message: string, registry: Registry | undefined): string {
  let out = message.replace(/（(bpmn:[A-Za-z]+)）/g, (m, type: string) => (TYPE_LABELS[type] ? `（${TYPE_LABELS[type]}）` : m));
  out = out.replace(/zc:[A-Za-z]+/g, (m) => ZC_LABELS[m] ?? m);
  // an attribute's name after its Chinese label, e.g. 办理角色（role）: the label says it
  out = out.replace(/（[A-Za-z][A-Za-z_]*）/g, (m, offset: number, all: string) => (/[\u4e00-\u9fa5]$/.test(all.slice(0, offset)) ? '' : m));
  // “名称”（id） → “名称”
  out = out.replace(/(“[^”]*”)（([A-Za-z_][\w.-]*)）/g, (m, name: string, id: string) => (registry?.get(id) ? name : m));
  // a bare id of an element on the diagram
  out = out.replace(/(?<![\w“])([A-Za-z_][\w-]*)(?![\w”])/g, (m, id: string) => (registry?.get(id) ? elementName(registry, id) : m));
  return out;
}
