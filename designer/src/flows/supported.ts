// The BPMN the engine executes (server/domain/workflow/checks/supported-elements.ts), asked of a replace
// target or a shape: the palette, context pad and replace menu offer nothing else.
export interface ElementTarget {
  type: string;
  eventDefinitionType?: string;
  cancelActivity?: boolean;
  isExpanded?: boolean;
  triggeredByEvent?: boolean;
}

const TIMER = 'bpmn:TimerEventDefinition';
const MESSAGE = 'bpmn:MessageEventDefinition';

export function isSupportedTarget(t: ElementTarget): boolean {
  switch (t.type) {
    case 'bpmn:StartEvent':
      return !t.eventDefinitionType;
    case 'bpmn:EndEvent':
      return !t.eventDefinitionType || t.eventDefinitionType === 'bpmn:TerminateEventDefinition';
    case 'bpmn:IntermediateCatchEvent':
      return t.eventDefinitionType === TIMER || t.eventDefinitionType === MESSAGE;
    case 'bpmn:BoundaryEvent':
      return (t.eventDefinitionType === TIMER || t.eventDefinitionType === MESSAGE) && t.cancelActivity !== false;
    case 'bpmn:UserTask':
    case 'bpmn:ServiceTask':
    case 'bpmn:ExclusiveGateway':
    case 'bpmn:ParallelGateway':
      return true;
    default:
      return false;
  }
}

/** Chinese names of the element types people meet in the modeler and in check messages */
export const TYPE_LABELS: Record<string, string> = {
  'bpmn:StartEvent': '开始事件',
  'bpmn:EndEvent': '结束事件',
  'bpmn:UserTask': '用户任务',
  'bpmn:ServiceTask': '服务任务',
  'bpmn:Task': '任务',
  'bpmn:SendTask': '发送任务',
  'bpmn:ReceiveTask': '接收任务',
  'bpmn:ScriptTask': '脚本任务',
  'bpmn:ManualTask': '人工任务',
  'bpmn:BusinessRuleTask': '业务规则任务',
  'bpmn:CallActivity': '调用活动',
  'bpmn:SubProcess': '子流程',
  'bpmn:ExclusiveGateway': '排他网关',
  'bpmn:ParallelGateway': '并行网关',
  'bpmn:InclusiveGateway': '包容网关',
  'bpmn:EventBasedGateway': '事件网关',
  'bpmn:ComplexGateway': '复杂网关',
  'bpmn:IntermediateCatchEvent': '中间事件',
  'bpmn:IntermediateThrowEvent': '中间抛出事件',
  'bpmn:BoundaryEvent': '边界事件',
  'bpmn:SequenceFlow': '连线',
  'bpmn:Process': '流程',
  'bpmn:Participant': '池',
  'bpmn:Collaboration': '协作',
  'bpmn:Group': '分组',
  'bpmn:TextAnnotation': '注释',
  'bpmn:DataObjectReference': '数据对象',
  'bpmn:DataStoreReference': '数据存储',
};
