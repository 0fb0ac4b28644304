// Only the BPMN subset the engine executes; anything else is refused at publish with its id.
import type { Problem } from '../../result.js';
import { bool, label, list, ref, type ModdleElement } from '../moddle.js';
import { eventDefinitions, problem, type CheckContext } from './context.js';

const NODE_TYPES = new Set([
  'bpmn:StartEvent',
  'bpmn:EndEvent',
  'bpmn:UserTask',
  'bpmn:ServiceTask',
  'bpmn:ExclusiveGateway',
  'bpmn:ParallelGateway',
  'bpmn:IntermediateCatchEvent',
  'bpmn:BoundaryEvent',
]);

const TIMER = 'bpmn:TimerEventDefinition';
const MESSAGE = 'bpmn:MessageEventDefinition';

function unsupported(el: ModdleElement, why: string): Problem {
  return problem('bpmn.unsupported_element', `元素 ${label(el)}（${el.$type}）不受支持：${why}`, el.id);
}

function checkNode(el: ModdleElement, ctx: CheckContext): Problem[] {
  if (!NODE_TYPES.has(el.$type)) return [unsupported(el, '流程引擎只支持开始/结束事件、用户任务、服务任务、排他网关、并行网关、定时和消息事件')];
  const defs = eventDefinitions(el).map((d) => d.$type);
  const out: Problem[] = [];
  switch (el.$type) {
    case 'bpmn:StartEvent':
      if (defs.length > 0) out.push(unsupported(el, '开始事件只能是空开始事件'));
      break;
    case 'bpmn:EndEvent':
      if (defs.length > 1 || (defs.length === 1 && defs[0] !== 'bpmn:TerminateEventDefinition')) {
        out.push(unsupported(el, '结束事件只能是空结束事件或终止结束事件'));
      }
      break;
    case 'bpmn:IntermediateCatchEvent':
      if (defs.length !== 1 || (defs[0] !== TIMER && defs[0] !== MESSAGE)) out.push(unsupported(el, '中间捕获事件只能是定时或消息事件'));
      break;
    case 'bpmn:BoundaryEvent': {
      if (defs.length !== 1 || (defs[0] !== TIMER && defs[0] !== MESSAGE)) out.push(unsupported(el, '边界事件只能是定时或消息事件'));
      if (bool(el, 'cancelActivity') === false) out.push(unsupported(el, '只支持中断型边界事件'));
      const host = ref(el, 'attachedToRef');
      if (!host || (host.$type !== 'bpmn:UserTask' && host.$type !== 'bpmn:ServiceTask')) {
        out.push(unsupported(el, '边界事件只能附着在用户任务或服务任务上'));
      }
      break;
    }
  }
  const loop = ref(el, 'loopCharacteristics');
  if (loop) {
    if (el.$type !== 'bpmn:UserTask' || loop.$type !== 'bpmn:MultiInstanceLoopCharacteristics') {
      out.push(unsupported(el, '只有用户任务可以是多实例（专家投票）'));
    } else if (bool(loop, 'isSequential') === true) {
      out.push(unsupported(el, '投票多实例必须是并行的'));
    }
  }
  if (ctx.boundaries.has(el.id ?? '') && el.$type !== 'bpmn:UserTask' && el.$type !== 'bpmn:ServiceTask') {
    out.push(unsupported(el, '只有任务可以附着边界事件'));
  }
  return out;
}

export function checkSupportedElements(ctx: CheckContext): Problem[] {
  const out: Problem[] = [];
  const processes = list(ctx.definitions, 'rootElements').filter((r) => r.$type === 'bpmn:Process');
  if (processes.length !== 1) out.push(problem('bpmn.process_count', `一个流程定义必须且只能包含一个流程，实际为 ${processes.length} 个`, undefined));
  for (const root of list(ctx.definitions, 'rootElements')) {
    if (root.$type === 'bpmn:Process' || root.$type === 'bpmn:Message') continue;
    if (root.$type === 'bpmn:Collaboration' && list(root, 'participants').length <= 1 && list(root, 'messageFlows').length === 0) continue;
    out.push(unsupported(root, '流程定义只能包含一个流程及其消息定义'));
  }
  for (const n of ctx.nodes) out.push(...checkNode(n, ctx));
  return out;
}
