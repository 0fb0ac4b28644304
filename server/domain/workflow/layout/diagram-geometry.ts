// Reads back the drawn diagram of a BPMN document: its extent and what overlaps, so tests and the CLI
// can say whether a layout is readable (wider than tall, nothing drawn on top of something else).

import { list, ref, type ModdleElement } from '../moddle.js';
import type { Bounds, Point } from './types.js';

export interface DrawnShape {
  elementId: string;
  bounds: Bounds;
  label?: Bounds;
  /** the task a boundary event sits on (it overlaps that task on purpose) */
  hostId?: string;
}

export interface DrawnEdge {
  elementId: string;
  waypoints: Point[];
  label?: Bounds;
}

export interface DrawnDiagram {
  shapes: DrawnShape[];
  edges: DrawnEdge[];
}

const num = (el: ModdleElement | undefined, name: string): number => {
  const v = el?.[name];
  return typeof v === 'number' ? v : Number(v ?? 0);
};

const boundsOf = (el: ModdleElement | undefined): Bounds | undefined =>
  el ? { x: num(el, 'x'), y: num(el, 'y'), width: num(el, 'width'), height: num(el, 'height') } : undefined;

const labelOf = (di: ModdleElement): { label?: Bounds } => {
  const labelDi = ref(di, 'label');
  const b = boundsOf(labelDi ? ref(labelDi, 'bounds') : undefined);
  return b ? { label: b } : {};
};

/** The shapes and edges of the first diagram of parsed BPMN definitions. */
export function drawnDiagram(definitions: ModdleElement): DrawnDiagram {
  const plane = ref(list(definitions, 'diagrams')[0] ?? definitions, 'plane');
  const out: DrawnDiagram = { shapes: [], edges: [] };
  for (const di of plane ? list(plane, 'planeElement') : []) {
    const el = ref(di, 'bpmnElement');
    const elementId = el?.id ?? '';
    if (di.$type === 'bpmndi:BPMNShape') {
      const hostId = el ? ref(el, 'attachedToRef')?.id : undefined;
      out.shapes.push({ elementId, bounds: boundsOf(ref(di, 'bounds')) ?? { x: 0, y: 0, width: 0, height: 0 }, ...labelOf(di), ...(hostId ? { hostId } : {}) });
    } else if (di.$type === 'bpmndi:BPMNEdge') {
      const waypoints = list(di, 'waypoint').map((p) => ({ x: num(p, 'x'), y: num(p, 'y') }));
      out.edges.push({ elementId, waypoints, ...labelOf(di) });
    }
  }
  return out;
}

/** The box around every shape, label and waypoint. */
export function diagramExtent(d: DrawnDiagram): Bounds {
  const boxes: Bounds[] = [
    ...d.shapes.flatMap((s) => (s.label ? [s.bounds, s.label] : [s.bounds])),
    ...d.edges.flatMap((e) => [...e.waypoints.map((p) => ({ ...p, width: 0, height: 0 })), ...(e.label ? [e.label] : [])]),
  ];
  if (boxes.length === 0) return { x: 0, y: 0, width: 0, height: 0 };
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  return { x, y, width: right - x, height: bottom - y };
}

export const intersects = (a: Bounds, b: Bounds): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Pairs of element ids whose shapes or labels are drawn over each other (a boundary event on its task is meant to). */
export function overlaps(d: DrawnDiagram): [string, string][] {
  const boxes = d.shapes.flatMap((s) => [
    { id: s.elementId, box: s.bounds, hostId: s.hostId },
    ...(s.label ? [{ id: `${s.elementId}#label`, box: s.label, hostId: undefined }] : []),
  ]);
  for (const e of d.edges) if (e.label) boxes.push({ id: `${e.elementId}#label`, box: e.label, hostId: undefined });
  const out: [string, string][] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.hostId === b.id || b.hostId === a.id) continue;
      if (intersects(a.box, b.box)) out.push([a.id, b.id]);
    }
  }
  return out;
}
