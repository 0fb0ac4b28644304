// DiagramLayout -> BPMN DI: replaces whatever diagram the document had with one plane for the process.

import type { BpmnModdle } from 'bpmn-moddle';
import { list, type ModdleElement } from '../moddle.js';
import type { Bounds, DiagramLayout } from './types.js';

export function writeDiagram(moddle: BpmnModdle, definitions: ModdleElement, process: ModdleElement, layout: DiagramLayout): void {
  const byId = new Map(list(process, 'flowElements').map((el) => [el.id, el]));
  const bounds = (b: Bounds): ModdleElement => moddle.create('dc:Bounds', { x: b.x, y: b.y, width: b.width, height: b.height });
  const label = (b: Bounds | undefined): Record<string, unknown> => (b ? { label: moddle.create('bpmndi:BPMNLabel', { bounds: bounds(b) }) } : {});
  const planeElement: ModdleElement[] = [];
  for (const s of layout.shapes) {
    const el = byId.get(s.id);
    if (!el) continue;
    const marker = el.$type === 'bpmn:ExclusiveGateway' ? { isMarkerVisible: true } : {};
    planeElement.push(moddle.create('bpmndi:BPMNShape', { id: `${s.id}_di`, bpmnElement: el, bounds: bounds(s.bounds), ...marker, ...label(s.label) }));
  }
  for (const e of layout.edges) {
    const el = byId.get(e.id);
    if (!el) continue;
    const waypoint = e.waypoints.map((p) => moddle.create('dc:Point', { x: p.x, y: p.y }));
    planeElement.push(moddle.create('bpmndi:BPMNEdge', { id: `${e.id}_di`, bpmnElement: el, waypoint, ...label(e.label) }));
  }
  const id = process.id ?? 'process';
  const plane = moddle.create('bpmndi:BPMNPlane', { id: `BPMNPlane_${id}`, bpmnElement: process, planeElement });
  const diagram = moddle.create('bpmndi:BPMNDiagram', { id: `BPMNDiagram_${id}`, plane });
  const diagrams = definitions.get('diagrams');
  if (Array.isArray(diagrams)) diagrams.splice(0, diagrams.length, diagram);
}
