// What every check reads: the one process of the document, its flow nodes and sequence flows.
import type { Problem } from '../../result.js';
import { list, ref, type ModdleElement } from '../moddle.js';

export interface CheckContext {
  definitions: ModdleElement;
  process: ModdleElement;
  /** flow nodes (everything in flowElements except sequence flows) */
  nodes: ModdleElement[];
  flows: ModdleElement[];
  /** node id -> outgoing / incoming sequence flows, computed from sourceRef/targetRef */
  outgoing: Map<string, ModdleElement[]>;
  incoming: Map<string, ModdleElement[]>;
  /** task id -> boundary events attached to it */
  boundaries: Map<string, ModdleElement[]>;
  actions: readonly string[];
}

export type Check = (ctx: CheckContext) => Problem[];

export function buildContext(definitions: ModdleElement, process: ModdleElement, actions: readonly string[]): CheckContext {
  const all = list(process, 'flowElements');
  const flows = all.filter((e) => e.$type === 'bpmn:SequenceFlow');
  const nodes = all.filter((e) => e.$type !== 'bpmn:SequenceFlow');
  const outgoing = new Map<string, ModdleElement[]>();
  const incoming = new Map<string, ModdleElement[]>();
  const boundaries = new Map<string, ModdleElement[]>();
  for (const n of nodes) {
    outgoing.set(n.id ?? '', []);
    incoming.set(n.id ?? '', []);
  }
  for (const f of flows) {
    const s = ref(f, 'sourceRef')?.id;
    const t = ref(f, 'targetRef')?.id;
    if (s !== undefined) outgoing.get(s)?.push(f);
    if (t !== undefined) incoming.get(t)?.push(f);
  }
  for (const n of nodes) {
    const host = n.$type === 'bpmn:BoundaryEvent' ? ref(n, 'attachedToRef')?.id : undefined;
    if (host !== undefined) boundaries.set(host, [...(boundaries.get(host) ?? []), n]);
  }
  return { definitions, process, nodes, flows, outgoing, incoming, boundaries, actions };
}

export function problem(code: string, message: string, elementId: string | undefined): Problem {
  return elementId === undefined ? { code, message } : { code, message, elementId };
}

/** The single event definition of an event, or undefined when there are none. */
export function eventDefinitions(el: ModdleElement): ModdleElement[] {
  return list(el, 'eventDefinitions');
}
