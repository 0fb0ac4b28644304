// The engine: step(model, state, event, env) -> {state, effects}. Pure: no I/O, no clock (time
// comes from event.now), the input state is never mutated (copy-on-write of what changes).
// Tokens wait at user tasks, service tasks, timers and messages; everything else is passed
// through within one step. A failing expression, assignment or calendar lookup stops only that
// token, as an incident that an admin can retry.
import type { HolidayCalendar } from '../calendar/calendar.js';
import { computeDue } from '../calendar/due.js';
import { fail, ok, type Result } from '../result.js';
import { evaluateBoolean, evaluateFeel } from './feel.js';
import type { CompiledModel, ElementDef } from './model.js';
import { reachKey } from './reach.js';
import { completionHold, rememberDecision, runTaskOp } from './task-ops/engine-hooks.js';
import type {
  Effect,
  Incident,
  Json,
  MessageWait,
  OpenTask,
  Timer,
  Token,
  Variables,
  WorkflowEvent,
  WorkflowState,
} from './state.js';

export interface StepEnv {
  /** holiday calendars for working-day timers (pure data, loaded by the runtime) */
  calendars: readonly HolidayCalendar[];
}

export interface StepOutput {
  state: WorkflowState;
  effects: Effect[];
}

type UserTaskDef = Extract<ElementDef, { kind: 'userTask' }>;
type TaskDef = Extract<ElementDef, { kind: 'userTask' | 'serviceTask' }>;

/** Safety net against a cycle made only of gateways (the checks cannot see every such loop). */
const MAX_MOVES = 10_000;

function isObject(v: Json | undefined): v is { [key: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export class Run {
  readonly s: WorkflowState;
  readonly effects: Effect[] = [];
  private readonly agenda: Token[] = [];
  private moves = 0;

  constructor(
    readonly model: CompiledModel,
    state: WorkflowState,
    readonly env: StepEnv,
    readonly now: string,
  ) {
    // copy-on-write: top-level containers are copied, nested objects are replaced, never mutated
    this.s = {
      ...state,
      variables: { ...state.variables },
      tokens: [...state.tokens],
      openTasks: [...state.openTasks],
      timers: [...state.timers],
      messageWaits: [...state.messageWaits],
      incidents: [...state.incidents],
      joins: { ...state.joins },
      votes: { ...state.votes },
      reached: [...(state.reached ?? [])],
      history: [...state.history],
    };
  }

  id(prefix: string): string {
    this.s.seq += 1;
    return `${prefix}${this.s.seq}`;
  }

  el(id: string): ElementDef {
    const e = this.model.elements[id];
    if (!e) throw new Error(`compiled model has no element ${id}`); // a model/state mismatch is a bug
    return e;
  }

  hist(elementId: string, kind: 'enter' | 'leave'): void {
    this.s.history.push({ elementId, kind, at: this.now });
  }

  emit(e: Effect): void {
    this.effects.push(e);
  }

  setWait(token: Token, wait: Token['wait']): void {
    const i = this.s.tokens.findIndex((t) => t.id === token.id);
    const next = { ...token, wait };
    if (i >= 0) this.s.tokens[i] = next;
    else this.s.tokens.push(next);
  }

  dropToken(tokenId: string): void {
    this.s.tokens = this.s.tokens.filter((t) => t.id !== tokenId);
  }

  schedule(token: Token): void {
    this.agenda.push(token);
  }

  leave(token: Token, flowIds: readonly string[]): void {
    this.hist(token.elementId, 'leave');
    flowIds.forEach((flowId, i) => {
      const flow = this.model.flows[flowId];
      if (!flow) return;
      this.schedule({ id: i === 0 ? token.id : this.id('k'), elementId: flow.target, via: flowId, wait: 'task' });
    });
  }

  incident(token: Token, code: string, reason: string, retry: Incident['retry']): void {
    const inc: Incident = { id: this.id('i'), tokenId: token.id, elementId: token.elementId, code, reason, at: this.now, retry };
    this.s.incidents.push(inc);
    this.setWait(token, 'incident');
    this.emit({ type: 'incident', id: inc.id, elementId: inc.elementId, code, reason });
  }

  setVariable(name: string, value: Json): void {
    this.s.variables[name] = value;
  }

  recordTask(elementId: string, value: Json): void {
    const prev = this.s.variables['tasks'];
    this.s.variables['tasks'] = { ...(isObject(prev) ? prev : {}), [elementId]: value };
  }

  /** Moves every scheduled token until each waits somewhere or ends. */
  drain(): void {
    while (this.agenda.length > 0) {
      if (++this.moves > MAX_MOVES) {
        const t = this.agenda.shift()!;
        this.incident(t, 'flow.loop', `流程在 ${t.elementId} 附近出现无等待环路，已停止`, 'enter');
        continue;
      }
      const token = this.agenda.shift()!;
      if (this.s.status !== 'active') return;
      this.enter(token);
    }
    if (this.s.status === 'active' && this.s.tokens.length === 0) {
      this.s.status = 'completed';
      this.emit({ type: 'completed', terminated: false });
    }
  }

  enter(token: Token): void {
    const el = this.el(token.elementId);
    this.hist(el.id, 'enter');
    switch (el.kind) {
      case 'startEvent':
      case 'boundaryTimer':
      case 'boundaryMessage':
        return this.leave(token, el.outgoing);
      case 'endEvent':
        this.hist(el.id, 'leave');
        if (el.terminate) this.terminate();
        return;
      case 'exclusiveGateway':
        return this.exclusive(token, el);
      case 'parallelGateway':
        return this.parallel(token, el);
      case 'userTask':
        return this.userTask(token, el);
      case 'serviceTask': {
        if (!this.arm(token, el)) return;
        this.setWait(token, 'action');
        return this.emit({ type: 'runAction', tokenId: token.id, name: el.action, elementId: el.id, ...(el.notify ? { notify: el.notify, stepName: el.name ?? '' } : {}) });
      }
      case 'timerCatch': {
        const due = computeDue(el.duration, this.now, this.env.calendars);
        if (!due.ok) return this.incident(token, due.error.code, `定时事件 ${el.id}：${due.error.message}`, 'enter');
        this.addTimer(token, el.id, due.value);
        return this.setWait(token, 'timer');
      }
      case 'messageCatch':
        this.s.messageWaits.push({ tokenId: token.id, elementId: el.id, message: el.message });
        return this.setWait(token, 'message');
    }
  }

  exclusive(token: Token, el: Extract<ElementDef, { kind: 'exclusiveGateway' }>): void {
    if (el.outgoing.length === 1 && !this.model.flows[el.outgoing[0]!]?.condition) return this.leave(token, el.outgoing);
    for (const flowId of el.outgoing) {
      const cond = this.model.flows[flowId]?.condition;
      if (flowId === el.default || !cond) continue;
      const r = evaluateBoolean(cond, this.s.variables);
      if (!r.ok) return this.incident(token, r.error.code, `排他网关 ${el.id} 的出口 ${flowId}：${r.error.message}`, 'enter');
      if (r.value) return this.leave(token, [flowId]);
    }
    if (el.default) return this.leave(token, [el.default]);
    this.incident(token, 'gateway.no_path', `排他网关 ${el.id} 没有条件成立的出口，也没有默认流`, 'enter');
  }

  parallel(token: Token, el: Extract<ElementDef, { kind: 'parallelGateway' }>): void {
    if (el.incoming.length <= 1) return this.leave(token, el.outgoing);
    const arrived = { ...(this.s.joins[el.id] ?? {}) };
    const via = token.via ?? '';
    arrived[via] = (arrived[via] ?? 0) + 1;
    if (el.incoming.every((f) => (arrived[f] ?? 0) > 0)) {
      for (const f of el.incoming) arrived[f] = (arrived[f] ?? 0) - 1;
      for (const f of el.incoming) if (arrived[f] === 0) delete arrived[f];
      this.setJoin(el.id, arrived);
      return this.leave(token, el.outgoing);
    }
    this.setJoin(el.id, arrived); // token absorbed: waits as a count on its incoming flow
  }

  setJoin(gatewayId: string, arrived: Record<string, number>): void {
    if (Object.keys(arrived).length === 0) delete this.s.joins[gatewayId];
    else this.s.joins[gatewayId] = arrived;
  }

  addTimer(token: Token, elementId: string, dueAt: string): Timer {
    const timer: Timer = { id: this.id('tm'), tokenId: token.id, elementId, dueAt };
    this.s.timers.push(timer);
    this.emit({ type: 'scheduleTimer', timerId: timer.id, elementId, dueAt });
    return timer;
  }

  /** Arms the boundary events of a task; false (and an incident) when a due date cannot be computed. */
  arm(token: Token, el: TaskDef): boolean {
    const dues: { id: string; dueAt: string }[] = [];
    for (const b of el.boundary) {
      const be = this.el(b);
      if (be.kind !== 'boundaryTimer') continue;
      const due = computeDue(be.duration, this.now, this.env.calendars);
      if (!due.ok) {
        this.incident(token, due.error.code, `边界定时事件 ${b}：${due.error.message}`, 'enter');
        return false;
      }
      dues.push({ id: b, dueAt: due.value });
    }
    for (const d of dues) this.addTimer(token, d.id, d.dueAt);
    for (const b of el.boundary) {
      const be = this.el(b);
      if (be.kind === 'boundaryMessage') this.s.messageWaits.push({ tokenId: token.id, elementId: b, message: be.message });
    }
    return true;
  }

  /** Cancels what a token armed: its timers, message waits, open tasks and tally. */
  disarm(tokenId: string, reasonTasks: boolean): void {
    for (const t of this.s.timers) if (t.tokenId === tokenId) this.emit({ type: 'cancelTimer', timerId: t.id });
    this.s.timers = this.s.timers.filter((t) => t.tokenId !== tokenId);
    this.s.messageWaits = this.s.messageWaits.filter((w) => w.tokenId !== tokenId);
    if (reasonTasks) {
      for (const t of this.s.openTasks) if (t.tokenId === tokenId) this.emit({ type: 'cancelTask', taskId: t.id, elementId: t.elementId });
      this.s.openTasks = this.s.openTasks.filter((t) => t.tokenId !== tokenId);
    }
    delete this.s.votes[tokenId];
  }

  userTask(token: Token, el: UserTaskDef): void {
    const routing = this.s.variables['routing'];
    const orgId = isObject(routing) ? routing[el.assignment.scope] : undefined;
    if (typeof orgId !== 'string' || orgId === '') {
      return this.incident(
        token,
        'task.no_org',
        `用户任务 ${el.name ?? el.id} 需要“${el.assignment.scope}”范围的办理机构，但申报的 routing.${el.assignment.scope} 为空`,
        'enter',
      );
    }
    let attendees: string[] = [];
    if (el.voting) {
      const r = evaluateFeel(el.voting.attendees, this.s.variables);
      if (!r.ok) return this.incident(token, r.error.code, `投票任务 ${el.id} 的参会专家：${r.error.message}`, 'enter');
      const v = r.value;
      if (!Array.isArray(v) || v.length === 0 || !v.every((x): x is string => typeof x === 'string' && x !== '')) {
        return this.incident(token, 'vote.bad_attendees', `投票任务 ${el.id} 的参会专家必须是非空的专家编号列表`, 'enter');
      }
      attendees = [...new Set(v)];
    }
    if (!this.arm(token, el)) return;
    const dueAt = this.s.timers
      .filter((t) => t.tokenId === token.id)
      .map((t) => t.dueAt)
      .sort()[0];
    const base = {
      tokenId: token.id,
      elementId: el.id,
      ...(el.name ? { name: el.name } : {}),
      role: el.assignment.role,
      scope: el.assignment.scope,
      orgId,
      createdAt: this.now,
      ...(dueAt ? { dueAt } : {}),
      decisions: el.decisions,
      ...(el.formKey ? { formKey: el.formKey } : {}),
    };
    const tasks: OpenTask[] = el.voting
      ? attendees.map((assignee) => ({ id: this.id('t'), ...base, assignee }))
      : [{ id: this.id('t'), ...base }];
    if (el.voting) this.s.votes[token.id] = { attendees, ballots: {} };
    // whom the flow has reached, kept after the task is done (who may see the application)
    const reached = (this.s.reached ??= []);
    for (const task of tasks) {
      this.s.openTasks.push(task);
      if (!reached.includes(reachKey(task))) reached.push(reachKey(task));
      this.emit({ type: 'createTask', task });
    }
    this.setWait(token, 'task');
  }

  /** After a ballot: finish the vote when the condition holds or everybody voted. */
  tallyVote(token: Token, el: UserTaskDef): void {
    const voting = el.voting;
    const tally = this.s.votes[token.id];
    if (!voting || !tally) return;
    const ballots = Object.values(tally.ballots);
    const counts = {
      approvals: ballots.filter((b) => b === 'approve').length,
      rejections: ballots.filter((b) => b === 'reject').length,
      votes: ballots.length,
      attending: tally.attendees.length,
    };
    const r = evaluateBoolean(voting.completionCondition, { ...this.s.variables, ...counts });
    if (!r.ok) return this.incident(token, r.error.code, `投票任务 ${el.id} 的通过条件：${r.error.message}`, 'vote');
    if (!r.value && counts.votes < counts.attending) return;
    const result = r.value ? 'passed' : 'failed';
    this.disarm(token.id, true);
    this.dropToken(token.id);
    this.setVariable(voting.decisionVariable, result);
    this.recordTask(el.id, { ...counts, result, at: this.now });
    this.leave(token, el.outgoing);
  }

  /** An interrupting boundary event fires: the task and everything it armed are cancelled. */
  interrupt(tokenId: string, boundaryId: string): void {
    const token = this.s.tokens.find((t) => t.id === tokenId);
    if (!token) return;
    this.disarm(tokenId, true);
    this.s.incidents = this.s.incidents.filter((i) => i.tokenId !== tokenId);
    this.dropToken(tokenId);
    this.hist(token.elementId, 'leave');
    this.schedule({ id: this.id('k'), elementId: boundaryId, wait: 'task' });
  }

  terminate(): void {
    for (const t of this.s.tokens) this.disarm(t.id, true);
    this.s.tokens = [];
    this.s.joins = {};
    this.agenda.length = 0;
    this.s.status = 'terminated';
    this.emit({ type: 'completed', terminated: true });
  }
}

function merge(vars: Variables, payload: Variables): void {
  for (const [k, v] of Object.entries(payload)) vars[k] = v;
}

export function step(model: CompiledModel, state: WorkflowState, event: WorkflowEvent, env: StepEnv): Result<StepOutput> {
  if (Number.isNaN(Date.parse(event.now))) return fail('event.bad_time', `事件时间格式错误：${event.now}`);
  if (event.type === 'start') {
    if (state.status !== 'new') return fail('instance.already_started', '流程实例已经启动');
    const run = new Run(model, state, env, event.now);
    run.s.status = 'active';
    run.s.variables = { ...event.variables };
    run.schedule({ id: run.id('k'), elementId: model.startId, wait: 'task' });
    run.drain();
    return ok({ state: run.s, effects: run.effects });
  }
  if (state.status !== 'active') return fail('instance.not_active', `流程实例已${state.status === 'new' ? '未启动' : '结束'}，不能再处理事件`);
  const run = new Run(model, state, env, event.now);
  const s = run.s;
  switch (event.type) {
    case 'completeTask': {
      const task = s.openTasks.find((t) => t.id === event.taskId);
      if (!task) return fail('task.not_open', `任务 ${event.taskId} 不存在或已办结`);
      if (task.assignee !== undefined && task.assignee !== event.userId) {
        return fail('task.not_assignee', `任务 ${event.taskId} 只能由 ${task.assignee} 办理`);
      }
      const el = run.el(task.elementId);
      if (el.kind !== 'userTask') return fail('task.not_open', `任务 ${event.taskId} 不是用户任务`);
      const held = completionHold(run, task); // 委派、加签 in progress (task-ops/)
      if (!held.ok) return held;
      const field = el.voting ? 'vote' : 'decision';
      const decision = event.payload[field];
      if (task.decisions.length > 0 && (typeof decision !== 'string' || !task.decisions.includes(decision))) {
        return fail('task.bad_decision', `任务“${el.name ?? el.id}”的${el.voting ? '表决' : '办理'}结果必须是 ${task.decisions.join('、')} 之一，实际为 ${JSON.stringify(decision ?? null)}`, [
          { code: 'task.bad_decision', message: `${field} 取值不允许`, pointer: `/${field}`, elementId: el.id },
        ]);
      }
      const token = s.tokens.find((t) => t.id === task.tokenId);
      if (!token) return fail('task.not_open', `任务 ${event.taskId} 的流程令牌已不存在`);
      s.openTasks = s.openTasks.filter((t) => t.id !== task.id);
      if (el.voting) {
        const tally = s.votes[token.id];
        if (tally) s.votes[token.id] = { ...tally, ballots: { ...tally.ballots, [event.userId]: String(decision) } };
        run.tallyVote(token, el);
      } else {
        merge(s.variables, event.payload);
        run.recordTask(el.id, { ...event.payload, userId: event.userId, at: event.now });
        run.disarm(token.id, true);
        run.dropToken(token.id);
        run.leave(token, el.outgoing);
      }
      break;
    }
    case 'timerFired': {
      const timer = s.timers.find((t) => t.id === event.timerId);
      if (!timer) return fail('timer.not_found', `定时器 ${event.timerId} 不存在或已取消`);
      s.timers = s.timers.filter((t) => t.id !== timer.id);
      const el = run.el(timer.elementId);
      if (el.kind === 'boundaryTimer') run.interrupt(timer.tokenId, el.id);
      else {
        const token = s.tokens.find((t) => t.id === timer.tokenId);
        if (token) {
          run.dropToken(token.id);
          run.leave(token, el.outgoing);
        }
      }
      break;
    }
    case 'message': {
      const waits: MessageWait[] = s.messageWaits.filter((w) => w.message === event.name);
      if (waits.length === 0) return fail('message.no_subscriber', `当前没有等待消息“${event.name}”的环节`);
      const prev = s.variables['messages'];
      s.variables['messages'] = { ...(isObject(prev) ? prev : {}), [event.name]: event.payload };
      for (const w of waits) {
        if (!s.messageWaits.includes(w)) continue; // already cancelled by an earlier interrupt in this step
        const el = run.el(w.elementId);
        if (el.kind === 'boundaryMessage') run.interrupt(w.tokenId, el.id);
        else {
          const token = s.tokens.find((t) => t.id === w.tokenId);
          s.messageWaits = s.messageWaits.filter((x) => x !== w);
          if (token) {
            run.dropToken(token.id);
            run.leave(token, el.outgoing);
          }
        }
      }
      break;
    }
    case 'actionCompleted':
    case 'actionFailed': {
      const token = s.tokens.find((t) => t.id === event.tokenId && t.wait === 'action');
      if (!token) return fail('token.not_waiting', `令牌 ${event.tokenId} 没有在等待动作结果`);
      if (event.type === 'actionFailed') {
        run.incident(token, 'action.failed', `动作执行失败（${token.elementId}）：${event.reason}`, 'action');
        break;
      }
      merge(s.variables, event.output);
      run.disarm(token.id, true);
      run.dropToken(token.id);
      run.leave(token, run.el(token.elementId).outgoing);
      break;
    }
    case 'retryIncident': {
      const inc = s.incidents.find((i) => i.id === event.incidentId);
      if (!inc) return fail('incident.not_found', `故障 ${event.incidentId} 不存在或已处理`);
      s.incidents = s.incidents.filter((i) => i.id !== inc.id);
      const token = s.tokens.find((t) => t.id === inc.tokenId);
      if (!token) break;
      const el = run.el(token.elementId);
      if (inc.retry === 'action' && el.kind === 'serviceTask') {
        run.setWait(token, 'action');
        run.emit({ type: 'runAction', tokenId: token.id, name: el.action, elementId: el.id, ...(el.notify ? { notify: el.notify, stepName: el.name ?? '' } : {}) });
      } else if (inc.retry === 'vote' && el.kind === 'userTask') {
        run.setWait(token, 'task');
        run.tallyVote({ ...token, wait: 'task' }, el);
      } else {
        run.dropToken(token.id);
        run.schedule({ ...token, wait: 'task' });
      }
      break;
    }
    default: {
      const op = runTaskOp(run, event); // 转办、委派、加签、催办、撤回、退回到指定环节 (task-ops/)
      if (!op.ok) return op;
    }
  }
  run.drain();
  rememberDecision(run, state, event); // 撤回 stays possible until the flow moves on
  return ok({ state: run.s, effects: run.effects });
}
