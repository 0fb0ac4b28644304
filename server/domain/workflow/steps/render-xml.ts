// Graph -> BPMN 2.0 XML (no diagram yet: layout-xml.ts adds it). Plain text so the generated source
// reads like a hand-written flow: one element per line, zc extension elements inline.
import type { Graph, GraphFlow, GraphNode } from './graph.js';

const NS = [
  'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"',
  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
  'xmlns:zc="http://zhicheng.example/schema/bpmn/zc"',
].join(' ');

export const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const attrs = (a: Record<string, string | undefined>): string =>
  Object.entries(a)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('');

const messageId = (name: string): string => `Msg_${name.replace(/[^A-Za-z0-9_]/g, '_')}`;

function extensions(n: GraphNode): string {
  const out: string[] = [];
  switch (n.kind) {
    case 'userTask':
      out.push(`<zc:Assignment${attrs({ role: n.assignment.role, scope: n.assignment.scope })} />`);
      out.push(`<zc:DecisionForm${attrs({ formKey: n.formKey, decisions: n.decisions.join(',') })} />`);
      if ((n.operations?.length ?? 0) > 0 || n.opinionRequired) out.push(`<zc:TaskOperations${attrs({ allowed: n.operations?.length ? n.operations.join(',') : undefined, opinionRequired: n.opinionRequired ? 'true' : undefined })} />`);
      if (n.voting) out.push(`<zc:Voting${attrs({ attendees: n.voting.attendees, completionCondition: n.voting.completionCondition, decisionVariable: n.voting.decisionVariable })} />`);
      break;
    case 'serviceTask':
      out.push(`<zc:Action${attrs({ name: n.action })} />`);
      if (n.notify) out.push(`<zc:Notify${attrs({ to: n.notify.to.join(','), role: n.notify.role, scope: n.notify.scope, template: n.notify.template })} />`);
      break;
    case 'timerCatch':
    case 'boundaryTimer':
      out.push(`<zc:Duration${attrs({ value: String(n.workingDays), unit: 'workingDays', countStartDay: n.countStartDay ? 'true' : undefined })} />`);
      break;
  }
  return out.length > 0 ? `<bpmn:extensionElements>${out.join('')}</bpmn:extensionElements>` : '';
}

function node(n: GraphNode, flows: readonly GraphFlow[]): string {
  const io = [...flows.filter((f) => f.target === n.id).map((f) => `<bpmn:incoming>${f.id}</bpmn:incoming>`), ...flows.filter((f) => f.source === n.id).map((f) => `<bpmn:outgoing>${f.id}</bpmn:outgoing>`)].join('');
  const name = 'name' in n ? n.name : undefined;
  switch (n.kind) {
    case 'startEvent':
      return `<bpmn:startEvent${attrs({ id: n.id, name })}>${io}</bpmn:startEvent>`;
    case 'endEvent':
      return `<bpmn:endEvent${attrs({ id: n.id, name })}>${io}${n.terminate ? `<bpmn:terminateEventDefinition id="${n.id}_def" />` : ''}</bpmn:endEvent>`;
    case 'userTask': {
      const multi = n.voting ? '<bpmn:multiInstanceLoopCharacteristics />' : '';
      return `<bpmn:userTask${attrs({ id: n.id, name })}>${extensions(n)}${io}${multi}</bpmn:userTask>`;
    }
    case 'serviceTask':
      return `<bpmn:serviceTask${attrs({ id: n.id, name })}>${extensions(n)}${io}</bpmn:serviceTask>`;
    case 'exclusiveGateway':
      return `<bpmn:exclusiveGateway${attrs({ id: n.id, name, default: n.default })}>${io}</bpmn:exclusiveGateway>`;
    case 'parallelGateway':
      return `<bpmn:parallelGateway${attrs({ id: n.id, name })}>${io}</bpmn:parallelGateway>`;
    case 'timerCatch':
      return `<bpmn:intermediateCatchEvent${attrs({ id: n.id, name })}>${extensions(n)}${io}<bpmn:timerEventDefinition id="${n.id}_def" /></bpmn:intermediateCatchEvent>`;
    case 'boundaryTimer':
      return `<bpmn:boundaryEvent${attrs({ id: n.id, name, attachedToRef: n.attachedTo, cancelActivity: 'true' })}>${extensions(n)}${io}<bpmn:timerEventDefinition id="${n.id}_def" /></bpmn:boundaryEvent>`;
    case 'boundaryMessage':
      return `<bpmn:boundaryEvent${attrs({ id: n.id, name, attachedToRef: n.attachedTo, cancelActivity: 'true' })}>${io}<bpmn:messageEventDefinition${attrs({ id: `${n.id}_def`, messageRef: messageId(n.message) })} /></bpmn:boundaryEvent>`;
  }
}

function flow(f: GraphFlow): string {
  const a = attrs({ id: f.id, name: f.name, sourceRef: f.source, targetRef: f.target });
  if (!f.condition) return `<bpmn:sequenceFlow${a} />`;
  return `<bpmn:sequenceFlow${a}><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${escapeXml(f.condition)}</bpmn:conditionExpression></bpmn:sequenceFlow>`;
}

export function renderXml(graph: Graph, process: { id: string; name: string }): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!-- 由简易模式的步骤生成（server/domain/workflow/steps）：请在设计器中按步骤修改 -->',
    `<bpmn:definitions ${NS}${attrs({ id: `defs-${process.id}`, targetNamespace: 'http://zhicheng.example/bpmn' })}>`,
    ...[...graph.messages].sort().map((m) => `  <bpmn:message${attrs({ id: messageId(m), name: m })} />`),
    `  <bpmn:process${attrs({ id: process.id, name: process.name, isExecutable: 'true' })}>`,
    ...graph.nodes.map((n) => `    ${node(n, graph.flows)}`),
    ...graph.flows.map((f) => `    ${flow(f)}`),
    '  </bpmn:process>',
    '</bpmn:definitions>',
    '',
  ];
  return lines.join('\n');
}
