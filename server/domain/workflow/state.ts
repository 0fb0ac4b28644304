// Workflow instance state, events and effects. The state is plain JSON stored inside the
// application document; openTasks and timers are kept flat so the store can index them.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Variables = Record<string, Json>;

export type TokenWait = 'task' | 'action' | 'timer' | 'message' | 'incident';

export interface Token {
  id: string;
  elementId: string;
  /** flow it arrived by (parallel joins count per incoming flow) */
  via?: string;
  wait: TokenWait;
}

export interface OpenTask {
  id: string;
  tokenId: string;
  elementId: string;
  name?: string;
  role: string;
  scope: string;
  /** org resolved from variables.routing[scope] */
  orgId: string;
  createdAt: string;
  /** due instant of an interrupting boundary timer (e.g. correction deadline) */
  dueAt?: string;
  /** voting instance: only this expert may complete it */
  assignee?: string;
  decisions: string[];
  formKey?: string;
}

export interface Timer {
  id: string;
  tokenId: string;
  /** the timer event (intermediate catch or boundary) */
  elementId: string;
  dueAt: string;
}

export interface MessageWait {
  tokenId: string;
  elementId: string;
  message: string;
}

export interface Incident {
  id: string;
  tokenId: string;
  elementId: string;
  code: string;
  reason: string;
  at: string;
  /** what a retry does: re-run the action, or re-enter the element (FEEL, assignment, calendar) */
  retry: 'action' | 'enter' | 'vote';
}

/** Ballots stay in state only: never copied into task payloads or variables. */
export interface VoteTally {
  attendees: string[];
  ballots: Record<string, string>;
}

export interface HistoryEntry {
  elementId: string;
  kind: 'enter' | 'leave';
  at: string;
}

export interface WorkflowState {
  status: 'new' | 'active' | 'completed' | 'terminated';
  variables: Variables;
  tokens: Token[];
  openTasks: OpenTask[];
  timers: Timer[];
  messageWaits: MessageWait[];
  incidents: Incident[];
  /** parallel gateway id -> incoming flow id -> tokens arrived and not yet joined */
  joins: Record<string, Record<string, number>>;
  /** voting token id -> tally */
  votes: Record<string, VoteTally>;
  /** the address (reach.ts) of every task ever created: whom the flow has reached; absent in older states */
  reached?: string[];
  history: HistoryEntry[];
  /** id counter for tokens, tasks, timers, incidents */
  seq: number;
}

export function newState(): WorkflowState {
  return {
    status: 'new',
    variables: {},
    tokens: [],
    openTasks: [],
    timers: [],
    messageWaits: [],
    incidents: [],
    joins: {},
    votes: {},
    reached: [],
    history: [],
    seq: 0,
  };
}

export type WorkflowEvent =
  | { type: 'start'; now: string; variables: Variables }
  | { type: 'completeTask'; taskId: string; userId: string; payload: Variables; now: string }
  | { type: 'timerFired'; timerId: string; now: string }
  | { type: 'message'; name: string; payload: Variables; now: string }
  | { type: 'actionCompleted'; tokenId: string; output: Variables; now: string }
  | { type: 'actionFailed'; tokenId: string; reason: string; now: string }
  | { type: 'retryIncident'; incidentId: string; now: string };

export type Effect =
  | { type: 'createTask'; task: OpenTask }
  | { type: 'cancelTask'; taskId: string; elementId: string }
  | { type: 'scheduleTimer'; timerId: string; elementId: string; dueAt: string }
  | { type: 'cancelTimer'; timerId: string }
  | { type: 'runAction'; tokenId: string; name: string; elementId: string }
  | { type: 'incident'; id: string; elementId: string; code: string; reason: string }
  | { type: 'completed'; terminated: boolean };

/** Element ids to colour on the diagram: where tokens wait, and where they have been. */
export function highlight(state: WorkflowState): { active: string[]; finished: string[] } {
  const active = [...new Set(state.tokens.map((t) => t.elementId))];
  const activeSet = new Set(active);
  const finished = new Set<string>();
  for (const h of state.history) if (h.kind === 'leave' && !activeSet.has(h.elementId)) finished.add(h.elementId);
  return { active, finished: [...finished] };
}
