// Turns a checked moddle process into the plain-JSON CompiledModel. Runs only after every check
// passed, so missing pieces here are programming errors, reported as problems all the same.
import type { Problem } from '../result.js';
import { parseFeel, type FeelExpr } from './feel.js';
import { DEFAULT_NOTIFY_TEMPLATE, type ElementDef, type FlowDef, type CompiledModel, type NotifyDef } from './model.js';
import { bool, ext, ref, str, type ModdleElement } from './moddle.js';
import { eventDefinitions, type CheckContext } from './checks/context.js';
import { readDuration } from './checks/timer-durations.js';

function feel(source: string | undefined, elementId: string | undefined, problems: Problem[]): FeelExpr {
  const r = parseFeel(source ?? '');
  if (r.ok) return r.value;
  problems.push({ code: r.error.code, message: r.error.message, ...(elementId ? { elementId } : {}) });
  return { source: source ?? '', names: [] };
}

function messageName(e: ModdleElement): string {
  const def = eventDefinitions(e).find((d) => d.$type === 'bpmn:MessageEventDefinition');
  const msg = def ? ref(def, 'messageRef') : undefined;
  return (msg ? str(msg, 'name') : undefined)?.trim() ?? '';
}

/** zc:Notify: whom a 发送通知 step tells; nobody named means the applicant, no template the generic one */
function readNotify(n: ModdleElement): NotifyDef | undefined {
  const z = ext(n, 'zc:Notify');
  if (!z) return undefined;
  const to = (str(z, 'to') ?? '').split(',').map((s) => s.trim()).filter((s): s is 'applicant' | 'handlers' => s === 'applicant' || s === 'handlers');
  const role = str(z, 'role')?.trim();
  const scope = str(z, 'scope')?.trim();
  const both = role && scope ? { role, scope } : {};
  return { to: to.length === 0 && !role ? ['applicant'] : to, ...both, template: str(z, 'template')?.trim() || DEFAULT_NOTIFY_TEMPLATE };
}

function buildNode(n: ModdleElement, ctx: CheckContext, problems: Problem[]): ElementDef {
  const id = n.id ?? '';
  const name = str(n, 'name');
  const base = {
    id,
    ...(name ? { name } : {}),
    incoming: (ctx.incoming.get(id) ?? []).map((f) => f.id ?? ''),
    outgoing: (ctx.outgoing.get(id) ?? []).map((f) => f.id ?? ''),
  };
  const boundary = (ctx.boundaries.get(id) ?? []).map((b) => b.id ?? '');
  const defs = eventDefinitions(n).map((d) => d.$type);
  switch (n.$type) {
    case 'bpmn:StartEvent':
      return { ...base, kind: 'startEvent' };
    case 'bpmn:EndEvent':
      return { ...base, kind: 'endEvent', terminate: defs.includes('bpmn:TerminateEventDefinition') };
    case 'bpmn:UserTask': {
      const a = ext(n, 'zc:Assignment');
      const form = ext(n, 'zc:DecisionForm');
      const v = ext(n, 'zc:Voting');
      const decisions = (form ? (str(form, 'decisions') ?? '') : '')
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
      const formKey = form ? str(form, 'formKey') : undefined;
      const ops = ext(n, 'zc:TaskOperations');
      const operations = (ops ? (str(ops, 'allowed') ?? '') : '').split(',').map((s) => s.trim()).filter((s) => s !== '');
      return {
        ...base,
        kind: 'userTask',
        assignment: { role: (a ? str(a, 'role') : '')?.trim() ?? '', scope: (a ? str(a, 'scope') : '')?.trim() ?? '' },
        decisions: v && decisions.length === 0 ? ['approve', 'reject'] : decisions,
        ...(formKey ? { formKey } : {}),
        ...(operations.length > 0 ? { operations } : {}),
        ...(ops && bool(ops, 'opinionRequired') === true ? { opinionRequired: true } : {}),
        ...(v
          ? {
              voting: {
                attendees: feel(str(v, 'attendees'), id, problems),
                completionCondition: feel(str(v, 'completionCondition'), id, problems),
                decisionVariable: str(v, 'decisionVariable') ?? 'voteResult',
              },
            }
          : {}),
        boundary,
      };
    }
    case 'bpmn:ServiceTask': {
      const notify = readNotify(n);
      return { ...base, kind: 'serviceTask', action: str(ext(n, 'zc:Action') ?? n, 'name')?.trim() ?? '', ...(notify ? { notify } : {}), boundary };
    }
    case 'bpmn:ExclusiveGateway': {
      const def = ref(n, 'default')?.id;
      return { ...base, kind: 'exclusiveGateway', ...(def ? { default: def } : {}) };
    }
    case 'bpmn:ParallelGateway':
      return { ...base, kind: 'parallelGateway' };
    case 'bpmn:IntermediateCatchEvent':
      return defs.includes('bpmn:TimerEventDefinition')
        ? { ...base, kind: 'timerCatch', duration: readDuration(n) ?? { value: '', unit: 'calendarDays' } }
        : { ...base, kind: 'messageCatch', message: messageName(n) };
    case 'bpmn:BoundaryEvent': {
      const attachedTo = ref(n, 'attachedToRef')?.id ?? '';
      return defs.includes('bpmn:TimerEventDefinition')
        ? { ...base, kind: 'boundaryTimer', attachedTo, duration: readDuration(n) ?? { value: '', unit: 'calendarDays' } }
        : { ...base, kind: 'boundaryMessage', attachedTo, message: messageName(n) };
    }
    default:
      problems.push({ code: 'bpmn.unsupported_element', message: `元素 ${id}（${n.$type}）不受支持`, elementId: id });
      return { ...base, kind: 'startEvent' };
  }
}

export function buildModel(ctx: CheckContext, problems: Problem[]): CompiledModel {
  const elements: Record<string, ElementDef> = {};
  for (const n of ctx.nodes) elements[n.id ?? ''] = buildNode(n, ctx, problems);
  const flows: Record<string, FlowDef> = {};
  for (const f of ctx.flows) {
    const cond = ref(f, 'conditionExpression');
    const name = str(f, 'name');
    flows[f.id ?? ''] = {
      id: f.id ?? '',
      ...(name ? { name } : {}),
      source: ref(f, 'sourceRef')?.id ?? '',
      target: ref(f, 'targetRef')?.id ?? '',
      ...(cond ? { condition: feel(str(cond, 'body'), f.id, problems) } : {}),
    };
  }
  const start = ctx.nodes.find((n) => n.$type === 'bpmn:StartEvent');
  const pname = str(ctx.process, 'name');
  return { processId: ctx.process.id ?? '', ...(pname ? { name: pname } : {}), startId: start?.id ?? '', elements, flows };
}
