// Adds a "职称扩展" group to the bpmn-js properties panel for the zc moddle extension
// (workflows/zc-moddle.json): candidate role and org scope, decision form, built-in action, durations, voting.
// Entries are the panel library's own SelectEntry / TextFieldEntry / CheckboxEntry; the values live in typed
// children of bpmn:extensionElements, created on first edit.
import {
  CheckboxEntry,
  isCheckboxEntryEdited,
  isSelectEntryEdited,
  isTextFieldEntryEdited,
  SelectEntry,
  TextFieldEntry,
} from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { useService } from 'bpmn-js-properties-panel';
import { getBusinessObject, is } from 'bpmn-js/lib/util/ModelUtil.js';
import { ACTION_LABELS, DURATION_UNITS, ROLE_LABELS, SCOPE_LABELS } from '../../common/labels.js';

type ZcType = 'zc:Assignment' | 'zc:DecisionForm' | 'zc:Action' | 'zc:Duration' | 'zc:Voting';

export function getExtension(element: unknown, type: ZcType): any {
  const bo = getBusinessObject(element);
  return (bo?.get?.('extensionElements')?.get('values') ?? []).find((v: unknown) => is(v, type));
}

/** set one attribute of a zc extension element, creating extensionElements and the element as needed (one undo step) */
function setExtensionProperty(services: { commandStack: any; bpmnFactory: any }, element: any, type: ZcType, prop: string, value: unknown) {
  const { commandStack, bpmnFactory } = services;
  const bo = getBusinessObject(element);
  const commands: { cmd: string; context: unknown }[] = [];
  let ext = bo.get('extensionElements');
  if (!ext) {
    ext = bpmnFactory.create('bpmn:ExtensionElements', { values: [] });
    ext.$parent = bo;
    commands.push({ cmd: 'element.updateModdleProperties', context: { element, moddleElement: bo, properties: { extensionElements: ext } } });
  }
  let item = (ext.get('values') as unknown[]).find((v) => is(v, type)) as any;
  if (!item) {
    item = bpmnFactory.create(type, {});
    item.$parent = ext;
    commands.push({ cmd: 'element.updateModdleProperties', context: { element, moddleElement: ext, properties: { values: [...ext.get('values'), item] } } });
  }
  commands.push({ cmd: 'element.updateModdleProperties', context: { element, moddleElement: item, properties: { [prop]: value === '' ? undefined : value } } });
  commandStack.execute('properties-panel.multi-command-executor', commands);
}

interface EntryProps {
  element: any;
  id: string;
}

function useSetter(element: any, type: ZcType, prop: string) {
  const commandStack = useService('commandStack');
  const bpmnFactory = useService('bpmnFactory');
  return (value: unknown) => setExtensionProperty({ commandStack, bpmnFactory }, element, type, prop, value);
}

const options = (map: Record<string, string>) => () => [{ value: '', label: '（未设置）' }, ...Object.entries(map).map(([value, label]) => ({ value, label: `${label}（${value}）` }))];

function selectEntry(type: ZcType, prop: string, labelText: string, map: Record<string, string>, description?: string) {
  return function Entry({ element, id }: EntryProps) {
    return h(SelectEntry, {
      element,
      id,
      label: labelText,
      description,
      getValue: () => getExtension(element, type)?.get(prop) ?? '',
      setValue: useSetter(element, type, prop),
      getOptions: options(map),
    });
  };
}

function textEntry(type: ZcType, prop: string, labelText: string, description?: string) {
  return function Entry({ element, id }: EntryProps) {
    const debounce = useService('debounceInput');
    return h(TextFieldEntry, {
      element,
      id,
      label: labelText,
      description,
      debounce,
      getValue: () => getExtension(element, type)?.get(prop) ?? '',
      setValue: useSetter(element, type, prop),
    });
  };
}

function checkboxEntry(type: ZcType, prop: string, labelText: string) {
  return function Entry({ element, id }: EntryProps) {
    return h(CheckboxEntry, {
      element,
      id,
      label: labelText,
      getValue: () => !!getExtension(element, type)?.get(prop),
      setValue: useSetter(element, type, prop),
    });
  };
}

const RoleEntry = selectEntry('zc:Assignment', 'role', '办理角色', ROLE_LABELS);
const ScopeEntry = selectEntry('zc:Assignment', 'scope', '机构范围', SCOPE_LABELS, '按申报人所在单位的机构树确定办理机构');
const FormKeyEntry = textEntry('zc:DecisionForm', 'formKey', '决定表单', '层级定义中 decisions 下的表单键，如 review');
const DecisionsEntry = textEntry('zc:DecisionForm', 'decisions', '可选结论', '逗号分隔，如 approve,return,reject');
const ActionEntry = selectEntry('zc:Action', 'name', '内置动作', ACTION_LABELS);
const DurationValueEntry = textEntry('zc:Duration', 'value', '时长', '数字，如 5');
const DurationUnitEntry = selectEntry('zc:Duration', 'unit', '计时单位', DURATION_UNITS, '工作日按节假日日历计算（含调休）');
const CountStartEntry = checkboxEntry('zc:Duration', 'countStartDay', '起始当日计入');
const AttendeesEntry = textEntry('zc:Voting', 'attendees', '参会专家', 'FEEL 表达式，得到参会专家列表');
const CompletionEntry = textEntry('zc:Voting', 'completionCondition', '完成条件', 'FEEL，如 赞成票 >= 参会人数 × 2/3');
const DecisionVariableEntry = textEntry('zc:Voting', 'decisionVariable', '结果变量', '默认 voteResult');

function entriesFor(element: any): { id: string; component: unknown; isEdited: unknown }[] {
  const e = (id: string, component: unknown, isEdited: unknown) => ({ id, element, component, isEdited });
  if (is(element, 'bpmn:UserTask')) {
    return [
      e('zc-role', RoleEntry, isSelectEntryEdited),
      e('zc-scope', ScopeEntry, isSelectEntryEdited),
      e('zc-formKey', FormKeyEntry, isTextFieldEntryEdited),
      e('zc-decisions', DecisionsEntry, isTextFieldEntryEdited),
      e('zc-attendees', AttendeesEntry, isTextFieldEntryEdited),
      e('zc-completion', CompletionEntry, isTextFieldEntryEdited),
      e('zc-decisionVariable', DecisionVariableEntry, isTextFieldEntryEdited),
    ];
  }
  if (is(element, 'bpmn:ServiceTask')) return [e('zc-action', ActionEntry, isSelectEntryEdited)];
  if (is(element, 'bpmn:IntermediateCatchEvent') || is(element, 'bpmn:BoundaryEvent')) {
    return [
      e('zc-duration-value', DurationValueEntry, isTextFieldEntryEdited),
      e('zc-duration-unit', DurationUnitEntry, isSelectEntryEdited),
      e('zc-duration-start', CountStartEntry, isCheckboxEntryEdited),
    ];
  }
  return [];
}

export default class ZcPropertiesProvider {
  static $inject = ['propertiesPanel'];
  constructor(propertiesPanel: { registerProvider(priority: number, provider: unknown): void }) {
    propertiesPanel.registerProvider(500, this);
  }
  getGroups(element: unknown) {
    return (groups: { id: string }[]) => {
      const entries = entriesFor(element);
      if (entries.length === 0) return groups;
      const group = { id: 'zc', label: '职称扩展', entries };
      // right after "General" so the platform's settings are the first thing an editor sees
      const at = groups.findIndex((g) => g.id === 'general');
      groups.splice(at < 0 ? 0 : at + 1, 0, group);
      return groups;
    };
  }
}
