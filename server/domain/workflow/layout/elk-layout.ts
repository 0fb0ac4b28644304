// FlowGraph -> DiagramLayout with elkjs's layered algorithm: left to right, orthogonal edges, names given
// room so nothing is drawn over them. Pure apart from being async (elkjs answers with a promise);
// runs in Node and in the browser.

import elkModule from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkLabel, ElkNode, ElkPort, ELK as ElkApi } from 'elkjs/lib/elk-api.js';
import { modelOrder } from './model-order.js';
import { labelSize, NODE_SIZE, taskSize } from './sizes.js';
import type { Bounds, DiagramLayout, EdgeLayout, FlowGraph, FlowGraphNode, Point, ShapeLayout } from './types.js';

// elk.bundled.js is CommonJS whose typings declare an ES default export; under NodeNext the default
// import is the module object, at run time (Node and Vite) it is the constructor itself.
type ElkConstructor = new () => ElkApi;
const ELK = ((elkModule as unknown as { default?: ElkConstructor }).default ?? elkModule) as unknown as ElkConstructor;

const BOUNDARY = NODE_SIZE.event;

const ROOT_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.padding': '[top=30,left=30,bottom=30,right=30]',
  'elk.spacing.nodeNode': '30',
  'elk.layered.spacing.nodeNodeBetweenLayers': '45',
  'elk.spacing.edgeNode': '18',
  'elk.layered.spacing.edgeNodeBetweenLayers': '18',
  'elk.spacing.edgeEdge': '12',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '12',
  'elk.spacing.edgeLabel': '4',
  'elk.spacing.labelNode': '4',
  'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
};

const inPort = (id: string): string => `${id}::in`;
const outPort = (id: string): string => `${id}::out`;

const label = (text: string | undefined): ElkLabel[] => (text ? [{ text, ...labelSize(text) }] : []);

/** Events and gateways take and give every flow at their left and right points, as drawn in BPMN. */
function pointNode(n: FlowGraphNode): ElkNode {
  const { width, height } = NODE_SIZE[n.kind];
  const port = (id: string, side: 'WEST' | 'EAST'): ElkPort => ({
    id,
    width: 0,
    height: 0,
    x: side === 'WEST' ? 0 : width,
    y: height / 2,
    layoutOptions: { 'elk.port.side': side },
  });
  return {
    id: n.id,
    width,
    height,
    labels: label(n.name),
    ports: [port(inPort(n.id), 'WEST'), port(outPort(n.id), 'EAST')],
    layoutOptions: { 'elk.portConstraints': 'FIXED_POS', 'elk.nodeLabels.placement': 'OUTSIDE V_BOTTOM H_CENTER' },
  };
}

function taskNode(n: FlowGraphNode, graph: FlowGraph): ElkNode {
  const ports: ElkPort[] = graph.boundaries
    .filter((b) => b.hostId === n.id)
    .map((b) => ({
      id: b.id,
      ...BOUNDARY,
      labels: label(b.name),
      // half inside the task, half below it: where BPMN draws a boundary event
      layoutOptions: { 'elk.port.side': 'SOUTH', 'elk.port.borderOffset': String(-BOUNDARY.height / 2) },
    }));
  return {
    id: n.id,
    ...taskSize(n.name),
    ports,
    layoutOptions: { 'elk.portConstraints': 'FIXED_SIDE', 'elk.portLabels.placement': 'OUTSIDE' },
  };
}

export function toElkGraph(graph: FlowGraph): ElkNode {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const boundaryIds = new Set(graph.boundaries.map((b) => b.id));
  const rank = new Map(modelOrder(graph).map((id, i) => [id, i]));
  const nodes = [...graph.nodes].sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
  const end = (id: string, dir: 'in' | 'out'): string => {
    if (boundaryIds.has(id)) return id;
    const n = byId.get(id);
    if (!n || n.kind === 'task') return id;
    return dir === 'in' ? inPort(id) : outPort(id);
  };
  const edges: ElkExtendedEdge[] = graph.edges.map((e) => ({
    id: e.id,
    sources: [end(e.sourceId, 'out')],
    targets: [end(e.targetId, 'in')],
    labels: label(e.name),
  }));
  return {
    id: '__root',
    layoutOptions: ROOT_OPTIONS,
    children: nodes.map((n) => (n.kind === 'task' ? taskNode(n, graph) : pointNode(n))),
    edges,
  };
}

const at = (base: Point, s: { x?: number; y?: number; width?: number; height?: number }): Bounds => ({
  x: Math.round(base.x + (s.x ?? 0)),
  y: Math.round(base.y + (s.y ?? 0)),
  width: Math.round(s.width ?? 0),
  height: Math.round(s.height ?? 0),
});

/** rounding x.5 coordinates one by one can tilt a segment by a pixel: keep each segment orthogonal */
function straighten(points: Point[]): Point[] {
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1]!, points[i]!];
    if (a.x !== b.x && a.y !== b.y && Math.abs(a.y - b.y) <= 1) b.y = a.y;
    else if (a.x !== b.x && a.y !== b.y && Math.abs(a.x - b.x) <= 1) b.x = a.x;
  }
  return points;
}

function fromElk(result: ElkNode, graph: FlowGraph): DiagramLayout {
  const origin = { x: 0, y: 0 };
  const shapes: ShapeLayout[] = [];
  const boundaryIds = new Set(graph.boundaries.map((b) => b.id));
  for (const child of result.children ?? []) {
    const bounds = at(origin, child);
    const nodeLabel = child.labels?.[0];
    shapes.push({ id: child.id, bounds, ...(nodeLabel ? { label: at(bounds, nodeLabel) } : {}) });
    for (const port of child.ports ?? []) {
      if (!boundaryIds.has(port.id)) continue;
      const pb = at(bounds, port);
      const portLabel = port.labels?.[0];
      shapes.push({ id: port.id, bounds: pb, ...(portLabel ? { label: at(pb, portLabel) } : {}) });
    }
  }
  const edges: EdgeLayout[] = (result.edges ?? []).map((e) => {
    const s = e.sections?.[0];
    const waypoints: Point[] = s ? straighten([s.startPoint, ...(s.bendPoints ?? []), s.endPoint].map((p) => ({ x: Math.round(p.x), y: Math.round(p.y) }))) : [];
    const edgeLabel = e.labels?.[0];
    return { id: e.id, waypoints, ...(edgeLabel ? { label: at(origin, edgeLabel) } : {}) };
  });
  return { shapes, edges };
}

/** Lays the flow out left to right. Every node, boundary event and edge of the graph gets a place. */
export async function layoutFlowGraph(graph: FlowGraph): Promise<DiagramLayout> {
  const result = await new ELK().layout(toElkGraph(graph));
  return fromElk(result, graph);
}
