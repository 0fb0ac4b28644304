// The layout's own vocabulary, free of BPMN and of elkjs: a flow graph in, shapes and routed edges out.
// The step designer builds a FlowGraph from its steps; the CLI builds one from a BPMN document.

export interface Point {
  x: number;
  y: number;
}

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** How a node is drawn: decides its size and whether its name sits inside it or below it. */
export type NodeKind = 'task' | 'gateway' | 'event';

export interface FlowGraphNode {
  id: string;
  kind: NodeKind;
  name?: string;
}

/** An event on a task's border (BPMN boundary event): drawn on the host's lower edge. */
export interface FlowGraphBoundary {
  id: string;
  hostId: string;
  name?: string;
}

export interface FlowGraphEdge {
  id: string;
  sourceId: string;
  targetId: string;
  name?: string;
}

export interface FlowGraph {
  nodes: FlowGraphNode[];
  boundaries: FlowGraphBoundary[];
  edges: FlowGraphEdge[];
}

export interface ShapeLayout {
  id: string;
  bounds: Bounds;
  /** where the name is drawn, for shapes whose name sits outside them (events, gateways) */
  label?: Bounds;
}

export interface EdgeLayout {
  id: string;
  /** orthogonal route from the source's border to the target's border */
  waypoints: Point[];
  label?: Bounds;
}

export interface DiagramLayout {
  shapes: ShapeLayout[];
  edges: EdgeLayout[];
}
