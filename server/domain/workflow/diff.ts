// What changed between two versions of a flow, element by element (matched by id): added, removed, and changed
// with every changed setting, the zc extension included. bpmn-js-differ was tried first: it does not look inside
// extension elements (a changed 办理角色 went unreported), and those settings are what departments change most.
import { createModdle, ext, list, ref, str, bool, type ModdleElement } from './moddle.js';

export interface SettingChange {
  /** stable name of the setting, e.g. 'name', 'zc:Assignment.role', 'condition' */
  field: string;
  /** what people call it */
  label: string;
  from?: string;
  to?: string;
}

export interface ElementDiff {
  id: string;
  /** the element's name, or for an unnamed one what it is and where it sits (never a bare id) */
  name: string;
  type: string;
  typeLabel: string;
  changes?: SettingChange[];
}

export interface FlowDiff {
  added: ElementDiff[];
  removed: ElementDiff[];
  changed: ElementDiff[];
}

export const TYPE_LABELS: Record<string, string> = {
  'bpmn:StartEvent': '开始事件',
  'bpmn:EndEvent': '结束事件',
  'bpmn:UserTask': '用户任务',
  'bpmn:ServiceTask': '服务任务',
  'bpmn:Task': '任务',
  'bpmn:ExclusiveGateway': '排他网关',
  'bpmn:ParallelGateway': '并行网关',
  'bpmn:IntermediateCatchEvent': '中间事件',
  'bpmn:BoundaryEvent': '边界事件',
  'bpmn:SequenceFlow': '连线',
};

const ZC_FIELDS: [type: string, attr: string, label: string][] = [
  ['zc:Assignment', 'role', '办理角色'],
  ['zc:Assignment', 'scope', '机构范围'],
  ['zc:DecisionForm', 'formKey', '决定表单'],
  ['zc:DecisionForm', 'decisions', '可选结论'],
  ['zc:Action', 'name', '内置动作'],
  ['zc:Duration', 'value', '时长'],
  ['zc:Duration', 'unit', '计时单位'],
  ['zc:Duration', 'countStartDay', '起始当日计入'],
  ['zc:Voting', 'attendees', '参会专家'],
  ['zc:Voting', 'completionCondition', '通过条件'],
  ['zc:Voting', 'decisionVariable', '结果变量'],
  ['zc:TaskOperations', 'allowed', '允许的任务操作'],
  ['zc:TaskOperations', 'opinionRequired', '审批意见必填'],
  ['zc:Notify', 'to', '通知对象'],
  ['zc:Notify', 'role', '通知角色'],
  ['zc:Notify', 'scope', '通知机构'],
  ['zc:Notify', 'template', '通知内容'],
];

const text = (v: unknown): string | undefined => (v === undefined || v === null || v === '' ? undefined : String(v));

/** every setting of one element that a version can change, as display strings keyed by field */
interface Setting {
  label: string;
  value: string | undefined;
  /** compared instead of value when the value is a display name (a renamed target is not a changed flow) */
  key?: string;
}

function settings(el: ModdleElement): Map<string, Setting> {
  const out = new Map<string, Setting>();
  const put = (field: string, label: string, value: unknown, key?: string) => out.set(field, { label, value: text(value), ...(key !== undefined ? { key } : {}) });
  put('type', '类型', TYPE_LABELS[el.$type] ?? el.$type);
  put('name', '名称', str(el, 'name'));
  for (const [type, attr, label] of ZC_FIELDS) {
    const x = ext(el, type);
    put(`${type}.${attr}`, label, x ? (typeof x[attr] === 'boolean' ? (x[attr] ? '是' : '否') : x[attr]) : undefined);
  }
  if (el.$type === 'bpmn:SequenceFlow') {
    put('source', '起点', nameOf(ref(el, 'sourceRef')), ref(el, 'sourceRef')?.id ?? '');
    put('target', '终点', nameOf(ref(el, 'targetRef')), ref(el, 'targetRef')?.id ?? '');
    const cond = ref(el, 'conditionExpression');
    put('condition', '条件', cond ? str(cond, 'body') : undefined);
  }
  const dflt = ref(el, 'default');
  if (dflt) put('default', '默认路径', `通往${nameOf(ref(dflt, 'targetRef'))}`, dflt.id ?? '');
  put('multi', '多实例（专家投票）', ref(el, 'loopCharacteristics') ? '是' : undefined);
  if (el.$type === 'bpmn:BoundaryEvent') {
    put('attachedTo', '附着于', nameOf(ref(el, 'attachedToRef')), ref(el, 'attachedToRef')?.id ?? '');
    put('interrupting', '中断任务', bool(el, 'cancelActivity') === false ? '否' : '是');
  }
  const defs = list(el, 'eventDefinitions').map((d) => d.$type);
  put('event', '事件类型', defs.map((d) => EVENT_LABELS[d] ?? d).join('、'));
  return out;
}

const EVENT_LABELS: Record<string, string> = {
  'bpmn:TimerEventDefinition': '定时',
  'bpmn:MessageEventDefinition': '消息',
  'bpmn:TerminateEventDefinition': '终止',
};

function nameOf(el: ModdleElement | undefined): string {
  if (!el) return '（无）';
  const name = str(el, 'name');
  return name ? `“${name}”` : `未命名的${TYPE_LABELS[el.$type] ?? '元素'}`;
}

/** a readable name for an element: its own, or for a flow where it goes from and to */
export function describeElement(el: ModdleElement): string {
  const name = str(el, 'name');
  if (name) return name;
  if (el.$type === 'bpmn:SequenceFlow') return `从${nameOf(ref(el, 'sourceRef'))}到${nameOf(ref(el, 'targetRef'))}的连线`;
  if (el.$type === 'bpmn:BoundaryEvent') return `${nameOf(ref(el, 'attachedToRef'))}上的边界事件`;
  return `未命名的${TYPE_LABELS[el.$type] ?? '元素'}`;
}

function flowElements(definitions: ModdleElement): Map<string, ModdleElement> {
  const process = list(definitions, 'rootElements').find((r) => r.$type === 'bpmn:Process');
  const out = new Map<string, ModdleElement>();
  for (const el of process ? list(process, 'flowElements') : []) if (el.id) out.set(el.id, el);
  return out;
}

const entry = (el: ModdleElement, changes?: SettingChange[]): ElementDiff => ({
  id: el.id ?? '',
  name: describeElement(el),
  type: el.$type,
  typeLabel: TYPE_LABELS[el.$type] ?? '元素',
  ...(changes ? { changes } : {}),
});

/** compares two parsed definitions: `before` is the older version */
export function diffDefinitions(before: ModdleElement, after: ModdleElement): FlowDiff {
  const a = flowElements(before);
  const b = flowElements(after);
  const out: FlowDiff = { added: [], removed: [], changed: [] };
  for (const [id, el] of b) if (!a.has(id)) out.added.push(entry(el));
  for (const [id, el] of a) if (!b.has(id)) out.removed.push(entry(el));
  for (const [id, el] of b) {
    const old = a.get(id);
    if (!old) continue;
    const sa = settings(old);
    const sb = settings(el);
    const changes: SettingChange[] = [];
    for (const field of new Set([...sa.keys(), ...sb.keys()])) {
      const x = sa.get(field);
      const y = sb.get(field);
      if ((x?.key ?? x?.value) === (y?.key ?? y?.value)) continue;
      changes.push({ field, label: (y ?? x)?.label ?? field, ...(x?.value !== undefined ? { from: x.value } : {}), ...(y?.value !== undefined ? { to: y.value } : {}) });
    }
    if (changes.length) out.changed.push(entry(el, changes));
  }
  return out;
}

/** parses both versions (already published, so already bounded and checked) and compares them */
export async function diffFlows(beforeXml: string, afterXml: string): Promise<FlowDiff> {
  const moddle = createModdle();
  const [x, y] = await Promise.all([moddle.fromXML(beforeXml, 'bpmn:Definitions'), moddle.fromXML(afterXml, 'bpmn:Definitions')]);
  return diffDefinitions(x.rootElement, y.rootElement);
}
