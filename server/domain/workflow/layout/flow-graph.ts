// The flow graph of a BPMN process: what the layout needs to know and nothing else.

import { list, ref, str, type ModdleElement } from '../moddle.js';
import type { FlowGraph, NodeKind } from './types.js';

/** How bpmn-js draws a flow node; undefined for what is not one (data objects, annotations, flows). */
export function nodeKind(type: string): NodeKind | undefined {
  if (type === 'bpmn:SequenceFlow' || !type.startsWith('bpmn:')) return undefined;
  if (type.endsWith('Gateway')) return 'gateway';
  if (type.endsWith('Event')) return 'event';
  if (type.endsWith('Task') || type === 'bpmn:SubProcess' || type === 'bpmn:CallActivity' || type === 'bpmn:Transaction') return 'task';
  return undefined;
}

const named = (el: ModdleElement): { name?: string } => {
  const name = str(el, 'name')?.trim();
  return name ? { name } : {};
};

export function flowGraphOf(process: ModdleElement): FlowGraph {
  const graph: FlowGraph = { nodes: [], boundaries: [], edges: [] };
  for (const el of list(process, 'flowElements')) {
    const id = el.id;
    if (id === undefined) continue;
    if (el.$type === 'bpmn:SequenceFlow') {
      const sourceId = ref(el, 'sourceRef')?.id;
      const targetId = ref(el, 'targetRef')?.id;
      if (sourceId !== undefined && targetId !== undefined) graph.edges.push({ id, sourceId, targetId, ...named(el) });
      continue;
    }
    const hostId = el.$type === 'bpmn:BoundaryEvent' ? ref(el, 'attachedToRef')?.id : undefined;
    if (hostId !== undefined) {
      graph.boundaries.push({ id, hostId, ...named(el) });
      continue;
    }
    const kind = nodeKind(el.$type);
    if (kind) graph.nodes.push({ id, kind, ...named(el) });
  }
  // a boundary event on something that is not a task (refused at publish) is still drawn, as a plain event
  const hosts = new Set(graph.nodes.filter((n) => n.kind === 'task').map((n) => n.id));
  for (const b of graph.boundaries.filter((b) => !hosts.has(b.hostId))) graph.nodes.push({ id: b.id, kind: 'event', ...(b.name ? { name: b.name } : {}) });
  graph.boundaries = graph.boundaries.filter((b) => hosts.has(b.hostId));
  // flows with an end that is not drawn (a dangling reference) or that enter a boundary event are left out
  const nodeIds = new Set(graph.nodes.map((n) => n.id));
  const boundaryIds = new Set(graph.boundaries.map((b) => b.id));
  graph.edges = graph.edges.filter((e) => (nodeIds.has(e.sourceId) || boundaryIds.has(e.sourceId)) && nodeIds.has(e.targetId));
  return graph;
}
