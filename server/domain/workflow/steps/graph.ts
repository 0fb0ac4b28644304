// What the step compilers build: the process's nodes and sequence flows in the order they are added
// (the layout follows that order), written out as BPMN 2.0 XML with the zc extension by render-xml.ts.

import type { NotifyDef } from '../model.js';

export interface Assignment {
  role: string;
  scope: string;
}

export type GraphNode =
  | { kind: 'startEvent'; id: string; name: string }
  | { kind: 'endEvent'; id: string; name: string; terminate: boolean }
  | {
      kind: 'userTask';
      id: string;
      name: string;
      assignment: Assignment;
      formKey: string;
      decisions: readonly string[];
      voting?: { attendees: string; completionCondition: string; decisionVariable: string };
      /** task operations the step allows (转办, 委派 …) and 审批意见必填: zc:TaskOperations */
      operations?: readonly string[];
      opinionRequired?: boolean;
    }
  | { kind: 'serviceTask'; id: string; name: string; action: string; notify?: NotifyDef }
  | { kind: 'exclusiveGateway'; id: string; name?: string; default?: string }
  | { kind: 'parallelGateway'; id: string; name?: string }
  | { kind: 'timerCatch'; id: string; name: string; workingDays: number; countStartDay: boolean }
  | { kind: 'boundaryTimer'; id: string; name: string; attachedTo: string; workingDays: number; countStartDay: boolean }
  | { kind: 'boundaryMessage'; id: string; name: string; attachedTo: string; message: string };

export interface GraphFlow {
  id: string;
  source: string;
  target: string;
  name?: string;
  /** FEEL */
  condition?: string;
}

/** Where a compiled step continues: a flow still to be drawn from `from` to whatever comes next. */
export interface Exit {
  from: string;
  name?: string;
  condition?: string;
  /** the default flow of the exclusive gateway `from` */
  isDefault?: boolean;
}

/** A compiled step (or chain): the element it is entered at and the ways out of it. */
export interface Fragment {
  entry: string;
  exits: Exit[];
}

export class Graph {
  readonly nodes: GraphNode[] = [];
  readonly flows: GraphFlow[] = [];
  /** message names used by boundary message events */
  readonly messages = new Set<string>();
  /** element id -> the id of the step it was compiled from */
  readonly owners = new Map<string, string>();
  /** ids given twice (two steps, or a step and a part of another, made the same id) */
  readonly duplicates: { id: string; owner: string | undefined }[] = [];
  private readonly ids = new Set<string>();

  constructor(private readonly owner: () => string | undefined = () => undefined) {}

  has(id: string): boolean {
    return this.ids.has(id);
  }

  add<N extends GraphNode>(node: N): N {
    if (this.ids.has(node.id)) this.duplicates.push({ id: node.id, owner: this.owner() });
    this.ids.add(node.id);
    this.nodes.push(node);
    const owner = this.owner();
    if (owner !== undefined) this.owners.set(node.id, owner);
    if (node.kind === 'boundaryMessage') this.messages.add(node.message);
    return node;
  }

  /** a sequence flow; its id is made from its ends, numbered when the pair already has one */
  flow(source: string, target: string, opts: { name?: string; condition?: string } = {}): string {
    const base = `Flow_${source}_${target}`;
    let id = base;
    for (let n = 2; this.ids.has(id); n++) id = `${base}_${n}`;
    this.ids.add(id);
    this.flows.push({ id, source, target, ...(opts.name ? { name: opts.name } : {}), ...(opts.condition ? { condition: opts.condition } : {}) });
    return id;
  }

  /** draws every exit to `target`, marking gateway defaults */
  connect(exits: readonly Exit[], target: string): void {
    for (const e of exits) {
      const id = this.flow(e.from, target, e);
      if (e.isDefault) {
        const gw = this.nodes.find((n) => n.id === e.from);
        if (gw?.kind === 'exclusiveGateway') gw.default = id;
      }
    }
  }
}
