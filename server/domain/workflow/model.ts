// The compiled model: plain JSON (no moddle objects), so it can be cached, stored beside the
// published version, and sent to the browser. FEEL is pre-parsed (see feel.ts).
import type { DurationSpec } from '../calendar/due.js';
import type { FeelExpr } from './feel.js';

interface Base {
  id: string;
  name?: string;
  /** sequence flow ids, in document order */
  incoming: string[];
  outgoing: string[];
}

export interface Assignment {
  role: string;
  /** key into state.variables.routing, e.g. unit, competent, league, centre, committeeOffice, committee */
  scope: string;
}

export const DEFAULT_NOTIFY_TEMPLATE = 'notify-flow';

/** 发送通知: who a `notify` service task tells (zc:Notify), and with which notification template */
export interface NotifyDef {
  /** applicant = 申报人, handlers = every office the flow has reached so far */
  to: ('applicant' | 'handlers')[];
  /** also everyone holding `role` at the application's routing[scope] */
  role?: string;
  scope?: string;
  /** a notification template definition's key */
  template: string;
}

export interface VotingDef {
  attendees: FeelExpr;
  completionCondition: FeelExpr;
  decisionVariable: string;
}

export type ElementDef =
  | (Base & { kind: 'startEvent' })
  | (Base & { kind: 'endEvent'; terminate: boolean })
  | (Base & {
      kind: 'userTask';
      assignment: Assignment;
      /** allowed values of payload.decision (payload.vote for a voting task); empty = any */
      decisions: string[];
      formKey?: string;
      voting?: VotingDef;
      /** task operations this step allows (task-ops/operations.ts); absent = none */
      operations?: string[];
      /** 审批意见必填 */
      opinionRequired?: boolean;
      boundary: string[];
    })
  | (Base & { kind: 'serviceTask'; action: string; notify?: NotifyDef; boundary: string[] })
  | (Base & { kind: 'exclusiveGateway'; default?: string })
  | (Base & { kind: 'parallelGateway' })
  | (Base & { kind: 'timerCatch'; duration: DurationSpec })
  | (Base & { kind: 'messageCatch'; message: string })
  | (Base & { kind: 'boundaryTimer'; attachedTo: string; duration: DurationSpec })
  | (Base & { kind: 'boundaryMessage'; attachedTo: string; message: string });

export type ElementKind = ElementDef['kind'];

export interface FlowDef {
  id: string;
  name?: string;
  source: string;
  target: string;
  condition?: FeelExpr;
}

export interface CompiledModel {
  processId: string;
  name?: string;
  startId: string;
  elements: Record<string, ElementDef>;
  flows: Record<string, FlowDef>;
}
