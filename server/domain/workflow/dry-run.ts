// 试运行: walks a flow for a sample applicant from a start date along the happy path (every review 同意,
// every vote passing, every 公示 without complaint), with the real engine and time moved on to each timer's
// due instant, so the dates follow the same working-day rules as production. Pure: nothing is stored.
import type { HolidayCalendar } from '../calendar/calendar.js';
import { shanghaiDate, startOfShanghaiDay } from '../calendar/due.js';
import { describeCondition } from '../rules/condition-describe.js';
import { fail, ok, type Result } from '../result.js';
import { evaluateBoolean } from './feel.js';
import type { CompiledModel, ElementDef } from './model.js';
import { newState, type OpenTask, type Variables, type WorkflowEvent, type WorkflowState } from './state.js';
import { step } from './step.js';
import { FLOW_FACTS } from './steps/flow-facts.js';
import { STEP_TYPE_LABELS } from './steps/labels.js';
import type { ConditionStep, Step, StepFlow } from './steps/types.js';
import { walkSteps } from './steps/walk.js';

export interface DryRunInput {
  model: CompiledModel;
  /** the steps the model was compiled from, and element id -> step id (compileSteps' owners) */
  steps: StepFlow;
  owners: Readonly<Record<string, string>>;
  /** the sample applicant's facts (dry-run-profiles.ts) */
  facts: Variables;
  /** 'YYYY-MM-DD', Beijing date the application is submitted */
  start: string;
  calendars: readonly HolidayCalendar[];
}

export interface DryRunBranch {
  name: string;
  /** the condition in Chinese; 其他情况 when no condition held */
  condition: string;
}

export interface DryRunStep {
  id: string;
  name: string;
  type: Step['type'];
  typeLabel: string;
  /** earliest Beijing dates the step starts and is done */
  start: string;
  end: string;
  branch?: DryRunBranch;
}

export interface DryRun {
  steps: DryRunStep[];
  end: { id: string; name: string; date: string };
}

const HAPPY_SCORE = 100;
const SAMPLE_EXPERTS = ['样例专家1', '样例专家2', '样例专家3', '样例专家4', '样例专家5'];
/** every routing key a step may be given to, with a placeholder org: nothing is looked up */
const SAMPLE_ROUTING = Object.fromEntries(['unit', 'competent', 'league', 'centre', 'committeeOffice', 'committee', 'applicant'].map((k) => [k, `样例-${k}`]));
/** far more events than any flow needs: a flow that loops forever on the happy path is reported, not run */
const MAX_EVENTS = 2_000;
const OFFICE_HOURS_MS = 9 * 3_600_000;

/** the answer a task gets on the happy path; undefined: the task is left open (a 公示 waiting for complaints) */
function happyPayload(task: OpenTask, el: ElementDef): Variables | undefined {
  if (el.kind === 'userTask' && el.voting) return { vote: 'approve' };
  const d = task.decisions;
  if (d.length === 0) return {};
  for (const good of ['approve', 'pass', 'resubmit']) if (d.includes(good)) return { decision: good };
  if (d.includes('scored')) return { decision: 'scored', ...Object.fromEntries(['lectureScore', 'interviewScore', 'quantScore', 'democraticScore'].map((k) => [k, HAPPY_SCORE])) };
  if (d.every((x) => x === 'complaint')) return undefined;
  return { decision: d[0]! };
}

/** the next event on the happy path: an action done, a task answered, else the earliest timer */
function nextEvent(model: CompiledModel, s: WorkflowState, now: string): WorkflowEvent | undefined {
  const action = s.tokens.find((t) => t.wait === 'action');
  if (action) return { type: 'actionCompleted', tokenId: action.id, output: {}, now };
  for (const task of s.openTasks) {
    const el = model.elements[task.elementId];
    const payload = el ? happyPayload(task, el) : undefined;
    if (payload) return { type: 'completeTask', taskId: task.id, userId: task.assignee ?? '试运行', payload, now };
  }
  const timer = [...s.timers].sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
  if (timer) return { type: 'timerFired', timerId: timer.id, now: timer.dueAt > now ? timer.dueAt : now };
  return undefined;
}

/** the branch an exclusive gateway takes, decided as the engine decides it (step.ts, exclusive) */
function branchTaken(model: CompiledModel, gatewayId: string, variables: Variables, cond: ConditionStep): DryRunBranch | undefined {
  const el = model.elements[gatewayId];
  if (el?.kind !== 'exclusiveGateway') return undefined;
  let taken = el.default;
  for (const flowId of el.outgoing) {
    const c = model.flows[flowId]?.condition;
    if (flowId === el.default || !c) continue;
    const r = evaluateBoolean(c, variables);
    if (r.ok && r.value) {
      taken = flowId;
      break;
    }
  }
  const name = taken ? model.flows[taken]?.name : undefined;
  const b = cond.branches.find((x) => x.name === name);
  if (!b) return undefined;
  return { name: b.name, condition: b.otherwise || !b.condition ? '其他情况（以上条件都不成立）' : describeCondition(b.condition, FLOW_FACTS) };
}

/** last instant a step was busy, as a date: a timer due at 00:00 ends the day before */
function endDate(from: string, to: string): string {
  const t = Date.parse(to);
  const midnight = shanghaiDate(to) !== null && startOfShanghaiDay(shanghaiDate(to)!) === new Date(t).toISOString();
  return shanghaiDate(midnight && to > from ? new Date(t - 1).toISOString() : to) ?? '';
}

export function dryRun(input: DryRunInput): Result<DryRun> {
  const { model, owners } = input;
  const day0 = startOfShanghaiDay(input.start);
  if (!day0) return fail('dryRun.bad_start', `开始日期格式错误：${input.start}`, [{ code: 'dryRun.bad_start', message: '开始日期应为 YYYY-MM-DD', pointer: '/start' }]);
  let now = new Date(Date.parse(day0) + OFFICE_HOURS_MS).toISOString();
  const stepsById = new Map([...walkSteps(input.steps)].map((l) => [l.step.id, l.step]));
  const variables: Variables = { routing: SAMPLE_ROUTING, experts: SAMPLE_EXPERTS, applicant: { id: '试运行', name: '样例申报人' }, ...input.facts };
  let state = newState();
  let event: WorkflowEvent | undefined = { type: 'start', now, variables };
  const branches = new Map<string, DryRunBranch>();
  for (let n = 0; event && state.status !== 'completed' && state.status !== 'terminated'; n += 1) {
    if (n > MAX_EVENTS) return fail('dryRun.too_long', '试运行超过了可能的步数：流程可能在循环');
    const seen = state.history.length;
    const r = step(model, state, event, { calendars: input.calendars });
    if (!r.ok) return fail('dryRun.failed', `试运行未能走完：${r.error.message}`, r.error.details);
    state = r.value.state;
    now = event.now;
    for (const h of state.history.slice(seen)) {
      const owner = stepsById.get(owners[h.elementId] ?? '');
      if (h.kind === 'leave' && owner?.type === 'condition' && h.elementId === owner.id) {
        const b = branchTaken(model, h.elementId, state.variables, owner);
        if (b) branches.set(owner.id, b);
      }
    }
    const inc = state.incidents[0];
    if (inc) {
      const el = model.elements[inc.elementId];
      return fail('dryRun.incident', `试运行停在“${el?.name ?? inc.elementId}”：${inc.reason}`, [{ code: inc.code, message: inc.reason, elementId: inc.elementId }]);
    }
    event = nextEvent(model, state, now);
  }
  if (state.status !== 'completed') return fail('dryRun.stuck', '试运行未能走完：流程在等待外部消息', state.tokens.map((t) => ({ code: 'dryRun.waiting', message: `等待于 ${model.elements[t.elementId]?.name ?? t.elementId}`, elementId: t.elementId })));

  // per step: the first time one of its elements was entered and the last time one was left
  const spans = new Map<string, { from: string; to: string }>();
  for (const h of state.history) {
    const id = owners[h.elementId];
    if (!id) continue;
    const span = spans.get(id);
    if (!span) spans.set(id, { from: h.at, to: h.at });
    else if (h.at > span.to) span.to = h.at;
  }
  const steps: DryRunStep[] = [];
  for (const [id, span] of spans) {
    const s = stepsById.get(id);
    if (!s) continue;
    const branch = branches.get(id);
    const start = shanghaiDate(span.from) ?? '';
    // a branching step is the moment its gateway decides; its branches' steps carry their own dates
    const end = s.type === 'condition' || s.type === 'parallel' ? start : endDate(span.from, span.to);
    steps.push({ id, name: s.name, type: s.type, typeLabel: STEP_TYPE_LABELS[s.type], start, end, ...(branch ? { branch } : {}) });
  }
  const last = [...state.history].reverse().find((h) => model.elements[h.elementId]?.kind === 'endEvent');
  const endEl = last ? model.elements[last.elementId] : undefined;
  return ok({ steps, end: { id: endEl?.id ?? '', name: endEl?.name ?? '结束', date: shanghaiDate(last?.at ?? now) ?? '' } });
}
