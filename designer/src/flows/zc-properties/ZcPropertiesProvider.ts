// Adds a "职称扩展" group to the bpmn-js properties panel for the zc moddle extension (workflows/zc-moddle.json):
// every value is chosen from Chinese dropdowns fed by the catalog (catalog.ts) — role and org scope, decision form
// and its conclusions, built-in action, durations, voting rule, and for a flow out of a gateway the conclusion it
// follows. Nothing is typed as a key; a FEEL text field appears only for a condition that no dropdown expresses.
// Base groups the engine ignores (ISO timers, loop cardinality, signals …) are hidden.
import { CheckboxEntry, isCheckboxEntryEdited, isSelectEntryEdited, isTextFieldEntryEdited, SelectEntry, TextFieldEntry } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { useService } from 'bpmn-js-properties-panel';
import { getBusinessObject, is } from 'bpmn-js/lib/util/ModelUtil.js';
import { ACTION_LABELS, DURATION_UNITS, ROLE_LABELS, SCOPE_LABELS } from '../../common/labels.js';
import { ATTENDEE_SOURCES, conclusionLabel, conclusionsOf, EMPTY_CATALOG, formLabel, VOTING_RULES, type FlowCatalog } from '../catalog.js';
import { OPERATION_LABELS, TASK_OPERATIONS } from '../../../../server/domain/workflow/task-ops/operations.js';

type ZcType = 'zc:Assignment' | 'zc:DecisionForm' | 'zc:Action' | 'zc:Duration' | 'zc:Voting' | 'zc:TaskOperations' | 'zc:Notify';

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

// not strict: a modeler created without a catalog still opens (with empty lists)
const useCatalog = (): FlowCatalog => ((useService as (type: string, strict?: boolean) => unknown)('config.zcCatalog', false) as FlowCatalog | undefined) ?? EMPTY_CATALOG;

type Option = { value: string; label: string };
/** the options, plus the current value when it is none of them (shown, never silently dropped) */
const withCurrent = (opts: Option[], current: string, describe: (v: string) => string): Option[] =>
  [{ value: '', label: '（请选择）' }, ...opts, ...(current && !opts.some((o) => o.value === current) ? [{ value: current, label: describe(current) }] : [])];

function selectEntry(type: ZcType, prop: string, labelText: string, options: (catalog: FlowCatalog) => Option[], description?: string, describe: (v: string) => string = (v) => `其他（${v}）`) {
  return function Entry({ element, id }: EntryProps) {
    const catalog = useCatalog();
    const current = getExtension(element, type)?.get(prop) ?? '';
    return h(SelectEntry, {
      element,
      id,
      label: labelText,
      description,
      getValue: () => getExtension(element, type)?.get(prop) ?? '',
      setValue: useSetter(element, type, prop),
      getOptions: () => withCurrent(options(catalog), current, describe),
    });
  };
}

const fromMap = (map: Record<string, string>, skip: string[] = []) => () => Object.entries(map).filter(([k]) => !skip.includes(k)).map(([value, label]) => ({ value, label }));

function numberEntry(type: ZcType, prop: string, labelText: string, description?: string) {
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
      validate: (v: string) => (v && !/^\d+$/.test(v.trim()) ? '请填写整数天数' : null),
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

/** one checkbox per conclusion of the chosen decision form; the task lists the ticked ones */
function conclusionEntry(value: string, labelText: string, first: boolean) {
  return function Entry({ element, id }: EntryProps) {
    const set = useSetter(element, 'zc:DecisionForm', 'decisions');
    const list = (): string[] => String(getExtension(element, 'zc:DecisionForm')?.get('decisions') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    return h(CheckboxEntry, {
      element,
      id,
      label: `${first ? '可选结论：' : ''}${labelText}`,
      getValue: () => list().includes(value),
      setValue: (on: boolean) => {
        const now = list().filter((v) => v !== value);
        set((on ? [...now, value] : now).join(','));
      },
    });
  };
}

/** one checkbox per task operation (转办、委派 …): zc:TaskOperations allowed lists the ticked ones */
function operationEntry(value: string, labelText: string, first: boolean) {
  return function Entry({ element, id }: EntryProps) {
    const set = useSetter(element, 'zc:TaskOperations', 'allowed');
    const list = (): string[] => String(getExtension(element, 'zc:TaskOperations')?.get('allowed') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    return h(CheckboxEntry, {
      element,
      id,
      label: `${first ? '允许的任务操作：' : ''}${labelText}`,
      getValue: () => list().includes(value),
      setValue: (on: boolean) => {
        const now = list().filter((v) => v !== value);
        set(TASK_OPERATIONS.filter((op) => (on ? [...now, value] : now).includes(op)).join(','));
      },
    });
  };
}
const OpinionRequiredEntry = checkboxEntry('zc:TaskOperations', 'opinionRequired', '审批意见必填');

const RoleEntry = selectEntry('zc:Assignment', 'role', '办理角色', fromMap(ROLE_LABELS, ['admin', 'flowEditor', 'supervisor']), undefined, (v) => ROLE_LABELS[v as keyof typeof ROLE_LABELS] ?? `其他角色（${v}）`);
const ScopeEntry = selectEntry('zc:Assignment', 'scope', '机构范围', fromMap(SCOPE_LABELS), '按申报人所在单位的机构树确定办理机构');
const FormEntry = selectEntry(
  'zc:DecisionForm',
  'formKey',
  '决定表单',
  (c) => c.decisionForms.map((f) => ({ value: f.key, label: formLabel(c, f.key) })),
  '使用此流程的层级所定义的审核表单',
  (v) => formLabel(EMPTY_CATALOG, v),
);
const ActionEntry = selectEntry('zc:Action', 'name', '内置动作', fromMap(ACTION_LABELS));
/** 发送通知 (zc:Notify): one checkbox per kind of recipient, a role at an office, and the template by name */
function notifyToEntry(value: string, labelText: string, first: boolean) {
  return function Entry({ element, id }: EntryProps) {
    const set = useSetter(element, 'zc:Notify', 'to');
    const list = (): string[] => String(getExtension(element, 'zc:Notify')?.get('to') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    return h(CheckboxEntry, {
      element,
      id,
      label: `${first ? '通知对象：' : ''}${labelText}`,
      getValue: () => list().includes(value),
      setValue: (on: boolean) => {
        const now = list().filter((v) => v !== value);
        set(['applicant', 'handlers'].filter((v) => (on ? [...now, value] : now).includes(v)).join(','));
      },
    });
  };
}
const NotifyApplicantEntry = notifyToEntry('applicant', '申报人', true);
const NotifyHandlersEntry = notifyToEntry('handlers', '此前办理过该申报的各机构', false);
const NotifyScopeEntry = selectEntry('zc:Notify', 'scope', '另通知的机构', fromMap(SCOPE_LABELS), '与“另通知的角色”同时选择');
const NotifyRoleEntry = selectEntry('zc:Notify', 'role', '另通知的角色', fromMap(ROLE_LABELS, ['admin', 'flowEditor', 'supervisor']), undefined, (v) => ROLE_LABELS[v as keyof typeof ROLE_LABELS] ?? `其他角色（${v}）`);
const NotifyTemplateEntry = selectEntry('zc:Notify', 'template', '通知内容', (c) => (c.notifyTemplates ?? []).map((t) => ({ value: t.key, label: t.name })), '未选择时使用“流程通知”', () => '其他通知模板');
const DurationValueEntry = numberEntry('zc:Duration', 'value', '时长（天）', '如 5');
const DurationUnitEntry = selectEntry('zc:Duration', 'unit', '计时单位', fromMap(DURATION_UNITS), '工作日按节假日日历计算（含调休）');
const CountStartEntry = checkboxEntry('zc:Duration', 'countStartDay', '起始当日计入');
const AttendeesEntry = selectEntry('zc:Voting', 'attendees', '参会专家', () => ATTENDEE_SOURCES, '申报人所属评委会为本次评审抽取的专家');
const CompletionEntry = selectEntry('zc:Voting', 'completionCondition', '通过条件', () => VOTING_RULES, '无记名表决，达到条件即通过；全部投完仍未达到即未通过', (v) => `自定义条件：${v}`);

// ---- a flow out of an exclusive gateway: which conclusion it follows ----

const DEFAULT = '__default__';
const CUSTOM = '__custom__';

/** the conditions a flow out of this gateway can follow, from the user task right before the gateway */
function conditionChoices(gateway: any, catalog: FlowCatalog): Option[] {
  const task = (gateway.incoming ?? []).map((f: any) => f.sourceRef).find((s: any) => is(s, 'bpmn:UserTask'));
  if (!task) return [];
  const voting = getExtension(task, 'zc:Voting');
  if (voting) {
    const v = voting.get('decisionVariable') || 'voteResult';
    return [
      { value: `${v} = "passed"`, label: '表决通过' },
      { value: `${v} = "failed"`, label: '表决未通过' },
    ];
  }
  const form = getExtension(task, 'zc:DecisionForm');
  const current = String(form?.get('decisions') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const values = current.length ? current.map((value) => ({ value, label: conclusionLabel(value) })) : conclusionsOf(catalog, form?.get('formKey'), []);
  return values.map((c) => ({ value: `decision = "${c.value}"`, label: `结论为“${c.label}”` }));
}

function FlowConditionEntry({ element, id }: EntryProps) {
  const catalog = useCatalog();
  const modeling = useService('modeling');
  const moddle = useService('moddle');
  const bo = getBusinessObject(element);
  const gateway = bo.sourceRef;
  const body: string = bo.conditionExpression?.body ?? '';
  const choices = conditionChoices(gateway, catalog);
  const value = gateway.default === bo ? DEFAULT : !body ? '' : choices.some((c) => c.value === body) ? body : CUSTOM;
  return h(SelectEntry, {
    element,
    id,
    label: '走此路径的条件',
    description: '按前一环节的结论选择；“其他情况”即默认路径',
    getValue: () => value,
    setValue: (v: string) => {
      if (v === DEFAULT) {
        modeling.updateProperties(element, { conditionExpression: undefined });
        modeling.updateProperties(element.source, { default: bo });
        return;
      }
      if (gateway.default === bo) modeling.updateProperties(element.source, { default: undefined });
      if (v === CUSTOM) v = body || 'true';
      modeling.updateProperties(element, { conditionExpression: v ? moddle.create('bpmn:FormalExpression', { body: v }) : undefined });
    },
    getOptions: () => [{ value: '', label: '（请选择）' }, ...choices, { value: DEFAULT, label: '其他情况（默认路径）' }, { value: CUSTOM, label: '自定义条件（FEEL，高级）' }],
  });
}

function FlowExpressionEntry({ element, id }: EntryProps) {
  const modeling = useService('modeling');
  const moddle = useService('moddle');
  const debounce = useService('debounceInput');
  return h(TextFieldEntry, {
    element,
    id,
    label: '条件表达式（FEEL）',
    description: '如 channel = "direct"；常用条件请用上面的下拉选择',
    debounce,
    getValue: () => getBusinessObject(element).conditionExpression?.body ?? '',
    setValue: (v: string) => modeling.updateProperties(element, { conditionExpression: v ? moddle.create('bpmn:FormalExpression', { body: v }) : undefined }),
  });
}

function isCustomCondition(element: any, catalog: FlowCatalog): boolean {
  const bo = getBusinessObject(element);
  const body = bo.conditionExpression?.body;
  return !!body && !conditionChoices(bo.sourceRef, catalog).some((c) => c.value === body);
}

function entriesFor(element: any, catalog: FlowCatalog): { id: string; component: unknown; isEdited: unknown }[] {
  const e = (id: string, component: unknown, isEdited: unknown) => ({ id, element, component, isEdited });
  if (is(element, 'bpmn:UserTask')) {
    const form = getExtension(element, 'zc:DecisionForm');
    const current = String(form?.get('decisions') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    const conclusions = conclusionsOf(catalog, form?.get('formKey'), current);
    for (const v of current) if (!conclusions.some((c) => c.value === v)) conclusions.push({ value: v, label: conclusionLabel(v) });
    const out = [e('zc-role', RoleEntry, isSelectEntryEdited), e('zc-scope', ScopeEntry, isSelectEntryEdited), e('zc-formKey', FormEntry, isSelectEntryEdited)];
    conclusions.forEach((c, i) => out.push(e(`zc-decision-${c.value}`, conclusionEntry(c.value, c.label, i === 0), isCheckboxEntryEdited)));
    if (getBusinessObject(element).loopCharacteristics || getExtension(element, 'zc:Voting')) {
      out.push(e('zc-attendees', AttendeesEntry, isSelectEntryEdited), e('zc-completion', CompletionEntry, isSelectEntryEdited));
    } else {
      TASK_OPERATIONS.forEach((op, i) => out.push(e(`zc-operation-${op}`, operationEntry(op, OPERATION_LABELS[op], i === 0), isCheckboxEntryEdited)));
      out.push(e('zc-opinion-required', OpinionRequiredEntry, isCheckboxEntryEdited));
    }
    return out;
  }
  if (is(element, 'bpmn:ServiceTask')) {
    const action = [e('zc-action', ActionEntry, isSelectEntryEdited)];
    if (getExtension(element, 'zc:Action')?.get('name') !== 'notify') return action;
    return [
      ...action,
      e('zc-notify-applicant', NotifyApplicantEntry, isCheckboxEntryEdited),
      e('zc-notify-handlers', NotifyHandlersEntry, isCheckboxEntryEdited),
      e('zc-notify-scope', NotifyScopeEntry, isSelectEntryEdited),
      e('zc-notify-role', NotifyRoleEntry, isSelectEntryEdited),
      e('zc-notify-template', NotifyTemplateEntry, isSelectEntryEdited),
    ];
  }
  if (is(element, 'bpmn:IntermediateCatchEvent') || is(element, 'bpmn:BoundaryEvent')) {
    const timer = (getBusinessObject(element).eventDefinitions ?? []).some((d: unknown) => is(d, 'bpmn:TimerEventDefinition'));
    if (!timer) return [];
    return [
      e('zc-duration-value', DurationValueEntry, isTextFieldEntryEdited),
      e('zc-duration-unit', DurationUnitEntry, isSelectEntryEdited),
      e('zc-duration-start', CountStartEntry, isCheckboxEntryEdited),
    ];
  }
  if (is(element, 'bpmn:SequenceFlow') && is(getBusinessObject(element).sourceRef, 'bpmn:ExclusiveGateway')) {
    const out = [e('zc-condition', FlowConditionEntry, isSelectEntryEdited)];
    if (isCustomCondition(element, catalog)) out.push(e('zc-condition-expression', FlowExpressionEntry, isTextFieldEntryEdited));
    return out;
  }
  return [];
}

/** base groups whose settings the engine does not read (our zc settings replace timer and multi-instance) */
const HIDDEN_GROUPS = new Set(['timer', 'multiInstance', 'compensation', 'error', 'escalation', 'signal', 'link']);

export default class ZcPropertiesProvider {
  static $inject = ['propertiesPanel', 'injector'];
  private catalog: FlowCatalog;
  constructor(propertiesPanel: { registerProvider(priority: number, provider: unknown): void }, injector: { get(name: string, strict: boolean): unknown }) {
    this.catalog = (injector.get('config.zcCatalog', false) as FlowCatalog | undefined) ?? EMPTY_CATALOG;
    propertiesPanel.registerProvider(500, this);
  }
  getGroups(element: unknown) {
    return (groups: { id: string }[]) => {
      const kept = groups.filter((g) => !HIDDEN_GROUPS.has(g.id));
      const entries = entriesFor(element, this.catalog);
      if (entries.length === 0) return kept;
      // open from the start: these are the settings a department changes
      const group = { id: 'zc', label: '职称扩展', entries, shouldOpen: true };
      // right after "常规" so the platform's settings are the first thing an editor sees
      const at = kept.findIndex((g) => g.id === 'general');
      kept.splice(at < 0 ? 0 : at + 1, 0, group);
      return kept;
    };
  }
}
