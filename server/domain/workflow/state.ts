// Workflow instance state, events and effects. The state is plain JSON stored inside the
// application document; openTasks and timers are kept flat so the store can index them.
import type { NotifyDef } from './model.js';

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
  /** the assignee was set by a task operation (转办, 委派, 加签, 撤回): a personal task, not an expert's ballot */
  personal?: true;
  /** 委派: the person the task goes back to (the delegate is the assignee meanwhile) */
  delegatedBy?: string;
  /** 加签: this task is the co-review of that task; it is answered, never completed */
  cosignOf?: string;
  /** what delegates and co-reviewers answered, shown to the one who completes the task */
  opinions?: TaskOpinion[];
  /** 催办: the last reminder (at most one per working day) */
  remindedAt?: string;
}

/** an answer given back on a task (委派 returned, 加签 answered) */
export interface TaskOpinion {
  kind: 'delegate' | 'cosign';
  userId: string;
  opinion: string;
  at: string;
}

/** the last decision, kept until the flow moves on, so that its author may take it back (撤回) */
export interface LastDecision {
  taskId: string;
  elementId: string;
  userId: string;
  at: string;
  /** the state just before the decision (without its own lastDecision) */
  before: Omit<WorkflowState, 'lastDecision'>;
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
  /** 撤回: set by a completion, dropped by the next event that moves the flow (task-ops/last-decision.ts) */
  lastDecision?: LastDecision;
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
  | { type: 'retryIncident'; incidentId: string; now: string }
  | TaskOpEvent;

/** task operations (task-ops/): each allowed per step, refused with a Chinese reason otherwise */
export type TaskOpEvent =
  | { type: 'transferTask'; taskId: string; userId: string; toUserId: string; now: string }
  | { type: 'delegateTask'; taskId: string; userId: string; toUserId: string; now: string }
  | { type: 'returnDelegation'; taskId: string; userId: string; opinion: string; now: string }
  | { type: 'addCosigner'; taskId: string; userId: string; cosignerId: string; now: string }
  | { type: 'answerCosign'; taskId: string; userId: string; opinion: string; now: string }
  | { type: 'remindTask'; taskId: string; userId: string; now: string }
  | { type: 'withdrawDecision'; taskId: string; userId: string; now: string }
  | { type: 'returnToStep'; taskId: string; userId: string; elementId: string; opinion: string; now: string }
  /** 评审会议开始: the vote that `taskId` is a ballot of is seated to the members present (task-ops/seat-vote.ts) */
  | { type: 'seatVote'; taskId: string; userId: string; attendees: string[]; now: string };

export type Effect =
  | { type: 'createTask'; task: OpenTask }
  | { type: 'cancelTask'; taskId: string; elementId: string }
  /** the same task, now for another person (转办, 委派 and its return, 撤回) */
  | { type: 'reassignTask'; task: OpenTask }
  | { type: 'scheduleTimer'; timerId: string; elementId: string; dueAt: string }
  | { type: 'cancelTimer'; timerId: string }
  /** notify/stepName: a 发送通知 step's settings, carried so who is told is planned from the effects alone */
  | { type: 'runAction'; tokenId: string; name: string; elementId: string; notify?: NotifyDef; stepName?: string }
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
