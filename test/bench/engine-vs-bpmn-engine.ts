// Benchmark: the sample review flow run to completion by our engine and by bpmn-engine, two fair ways:
//   in memory: each engine keeps its instance in memory and serialises its state to JSON after every step (what a
//     store would write); bpmn-engine's XML is parsed once (one moddle context for every instance)
//   recovered: the state goes through JSON and the instance is rebuilt from it before every step (our state is
//     plain data, so JSON.parse is the rebuild; bpmn-engine: getState / JSON / recover / resume, as today)
// The same flow shape on both sides (printed): sample-review.bpmn and its plain twin sample-review.plain.bpmn.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';
import { Engine } from 'bpmn-engine';
import type { HolidayCalendar } from '../../server/domain/calendar/calendar.js';
import { compileWorkflow } from '../../server/domain/workflow/compile.js';
import type { CompiledModel } from '../../server/domain/workflow/model.js';
import { newState, type Effect, type WorkflowEvent, type WorkflowState } from '../../server/domain/workflow/state.js';
import { step } from '../../server/domain/workflow/step.js';

export interface BenchOptions {
  /** instances run by our engine (default 2000) */
  instances?: number;
  /** instances run by bpmn-engine (default 30: ~0.4 s each with recover per step) */
  bpmnEngineInstances?: number;
  /** called with the state after every transition; default: JSON round trip (what a store does) */
  persist?: (state: WorkflowState) => void;
  log?: (line: string) => void;
}

export interface BenchFigures {
  engineInstancesPerS: number;
  engineStepsPerS: number;
  bpmnEngineInstancesPerS: number;
  ratio: number;
  /** our engine with the state kept in memory, JSON.stringify after every step */
  engineInMemoryInstancesPerS: number;
  /** bpmn-engine kept in memory, getState + JSON.stringify after every step, XML parsed once */
  bpmnEngineInMemoryInstancesPerS: number;
  ratioInMemory: number;
}

/** the flow both sides run, in words (printed as a comment line) */
export const FLOW_SHAPE =
  'sample-review: 单位审核 approve → 单位公示 (timer) → 主管部门 return → 补正 resubmit → 主管部门 approve → 5 of 7 expert ballots approve → ' +
  'open publicity (action) → complaint message → 调查 dismiss → close publicity (action) → 备案 → certificate (action); ' +
  '16 steps on each side (bpmn-engine: the same path with timers, actions and the complaint as user tasks, sample-review.plain.bpmn)';

const ROOT = join(import.meta.dirname, '../..');
const ACTIONS = ['publicity.open', 'publicity.close', 'certificate.issue', 'application.withdraw'];
const EXPERTS = ['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7'];
const ROUTING = { unit: 'u1', competent: 'c1', league: 'l1', centre: 'sc', committeeOffice: 'co', committee: 'cm', applicant: 'a1' };

function calendars(): HolidayCalendar[] {
  return [2022, 2023, 2024, 2025, 2026].map(
    (y) => JSON.parse(readFileSync(join(ROOT, `seeds/calendars/${y}.json`), 'utf8')) as HolidayCalendar,
  );
}

/** Drives one instance through the full path: return for correction, 5 approvals of 7, complaint dismissed. */
function runOne(model: CompiledModel, env: { calendars: HolidayCalendar[] }, persist: (s: WorkflowState) => WorkflowState): number {
  let state = newState();
  let effects: Effect[] = [];
  let now = Date.parse('2022-09-29T01:30:00.000Z');
  let steps = 0;
  const send = (e: WorkflowEvent): void => {
    const r = step(model, state, e, env);
    if (!r.ok) throw new Error(`${e.type}: ${r.error.message}`);
    state = persist(r.value.state);
    effects = r.value.effects;
    steps++;
  };
  const at = (): string => new Date((now += 3_600_000)).toISOString();
  const task = (elementId: string, assignee?: string) => {
    const t = state.openTasks.find((x) => x.elementId === elementId && (assignee === undefined || x.assignee === assignee));
    if (!t) throw new Error(`no task ${elementId}`);
    return t;
  };
  const complete = (elementId: string, decision: string): void =>
    send({ type: 'completeTask', taskId: task(elementId).id, userId: 'u', payload: { decision }, now: at() });
  const action = (): void => {
    const run = effects.find((f) => f.type === 'runAction');
    if (!run || run.type !== 'runAction') throw new Error('no action');
    send({ type: 'actionCompleted', tokenId: run.tokenId, output: {}, now: at() });
  };

  send({ type: 'start', now: at(), variables: { routing: ROUTING, experts: EXPERTS } });
  complete('UnitReview', 'approve');
  const timer = state.timers[0]!;
  now = Date.parse(timer.dueAt);
  send({ type: 'timerFired', timerId: timer.id, now: timer.dueAt });
  complete('CompetentCheck', 'return');
  complete('Correction', 'resubmit');
  complete('CompetentCheck', 'approve');
  for (const e of EXPERTS.slice(0, 5)) {
    send({ type: 'completeTask', taskId: task('Vote', e).id, userId: e, payload: { vote: 'approve' }, now: at() });
  }
  action(); // publicity.open
  send({ type: 'message', name: 'complaint', payload: { text: '投诉' }, now: at() });
  complete('Investigate', 'dismiss');
  action(); // publicity.close
  complete('Filing', 'file');
  action(); // certificate.issue
  if (state.status !== 'completed') throw new Error(`instance ended ${state.status}`);
  return steps;
}

// bpmn-engine's default expressions only read properties; the JS conditions need a handler,
// and it must be passed again on every recover or each condition counts as true.
type ExprFn = (environment: unknown, content: unknown) => unknown;
const fnCache = new Map<string, ExprFn>();
const expressions = {
  resolveExpression(tpl: string, context: { environment?: unknown; content?: unknown }): unknown {
    const m = /^\$\{([\s\S]+)\}$/.exec(tpl);
    if (!m) return tpl;
    const body = m[1]!;
    let fn = fnCache.get(body);
    if (!fn) {
      fn = new Function('environment', 'content', `return (${body});`) as ExprFn;
      fnCache.set(body, fn);
    }
    return fn(context.environment, context.content);
  },
  isExpression: (t?: string): boolean => !!t && /^\$\{[\s\S]+\}$/.test(t),
  hasExpression: (t?: string): boolean => !!t && /\$\{[\s\S]+?\}/.test(t),
};

interface PostponedApi {
  id: string;
  owner: { environment: { variables: Record<string, unknown> } };
  signal(message?: unknown): void;
}

const SCRIPT: readonly [string, Record<string, unknown>][] = [
  ['UnitReview', { decision: 'approve' }],
  ['UnitPublicity', {}],
  ['CompetentCheck', { decision: 'return' }],
  ['Correction', {}],
  ['CompetentCheck', { decision: 'approve' }],
  ['Vote1', {}],
  ['Vote2', {}],
  ['Vote3', {}],
  ['Vote4', {}],
  ['Vote5', { voteResult: 'passed' }],
  ['OpenPublicity', {}],
  ['ResultPublicity', { complaint: true }],
  ['Investigate', { decision: 'dismiss' }],
  ['ClosePublicity', {}],
  ['Filing', {}],
  ['IssueCertificate', {}],
];

/** bpmn-engine kept in memory: one engine per instance from the moddle context parsed once, getState + JSON per step */
async function runOneBpmnEngineInMemory(moddleContext: unknown): Promise<void> {
  const engine = new Engine({ name: 'review', moddleContext, expressions } as ConstructorParameters<typeof Engine>[0]);
  const execution = await engine.execute({ variables: {} });
  for (const [id, vars] of SCRIPT) {
    JSON.stringify(await engine.getState());
    const api = (execution.getPostponed() as unknown as PostponedApi[]).find((a) => a.id === id);
    if (!api) throw new Error(`bpmn-engine: ${id} is not waiting`);
    Object.assign(api.owner.environment.variables, vars);
    api.signal();
  }
  JSON.stringify(await engine.getState());
  if (engine.state === 'running') throw new Error('bpmn-engine: instance did not complete');
}

async function runOneBpmnEngine(source: string): Promise<void> {
  let engine = new Engine({ name: 'review', source, expressions });
  let execution = await engine.execute({ variables: {} });
  for (const [id, vars] of SCRIPT) {
    const state = JSON.stringify(await engine.getState());
    if (engine.state === 'running') await engine.stop();
    engine = new Engine({ name: 'review', expressions }).recover(JSON.parse(state), { expressions });
    execution = await engine.resume();
    const api = (execution.getPostponed() as unknown as PostponedApi[]).find((a) => a.id === id);
    if (!api) throw new Error(`bpmn-engine: ${id} is not waiting`);
    Object.assign(api.owner.environment.variables, vars);
    api.signal();
  }
  if (engine.state === 'running') throw new Error('bpmn-engine: instance did not complete');
}

export async function runEngineBench(options: BenchOptions = {}): Promise<BenchFigures> {
  const log = options.log ?? ((line: string) => console.log(line));
  const n = options.instances ?? 2000;
  const m = options.bpmnEngineInstances ?? 30;
  const hook = options.persist;
  // default persistence: serialise and reload, as a store round trip would
  const persist = (s: WorkflowState): WorkflowState => {
    if (hook) {
      hook(s);
      return s;
    }
    return JSON.parse(JSON.stringify(s)) as WorkflowState;
  };

  const xml = readFileSync(join(ROOT, 'test/domain/workflow/sample-review.bpmn'), 'utf8');
  const c0 = performance.now();
  const compiled = await compileWorkflow(xml, { actions: ACTIONS });
  const compileMs = performance.now() - c0;
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.error));
  const env = { calendars: calendars() };

  for (let i = 0; i < 50; i++) runOne(compiled.value, env, persist); // warm-up
  const t0 = performance.now();
  let steps = 0;
  for (let i = 0; i < n; i++) steps += runOne(compiled.value, env, persist);
  const engineMs = performance.now() - t0;

  // in memory: the state stays, serialised after every step
  const inMemory = (st: WorkflowState): WorkflowState => (JSON.stringify(st), st);
  for (let i = 0; i < 50; i++) runOne(compiled.value, env, inMemory); // warm-up
  const t2 = performance.now();
  for (let i = 0; i < n; i++) runOne(compiled.value, env, inMemory);
  const engineMemMs = performance.now() - t2;

  const plain = readFileSync(join(import.meta.dirname, 'sample-review.plain.bpmn'), 'utf8');
  for (let i = 0; i < 5; i++) await runOneBpmnEngine(plain); // warm-up
  const t1 = performance.now();
  for (let i = 0; i < m; i++) await runOneBpmnEngine(plain);
  const bpmnMs = performance.now() - t1;

  const moddleContext: unknown = await new BpmnModdle().fromXML(plain);
  const mm = m * 10;
  for (let i = 0; i < 20; i++) await runOneBpmnEngineInMemory(moddleContext); // warm-up
  const t3 = performance.now();
  for (let i = 0; i < mm; i++) await runOneBpmnEngineInMemory(moddleContext);
  const bpmnMemMs = performance.now() - t3;

  const figures: BenchFigures = {
    engineInstancesPerS: (n / engineMs) * 1000,
    engineStepsPerS: (steps / engineMs) * 1000,
    bpmnEngineInstancesPerS: (m / bpmnMs) * 1000,
    ratio: 0,
    engineInMemoryInstancesPerS: (n / engineMemMs) * 1000,
    bpmnEngineInMemoryInstancesPerS: (mm / bpmnMemMs) * 1000,
    ratioInMemory: 0,
  };
  figures.ratio = figures.engineInstancesPerS / figures.bpmnEngineInstancesPerS;
  figures.ratioInMemory = figures.engineInMemoryInstancesPerS / figures.bpmnEngineInMemoryInstancesPerS;
  log(`engine_pure.compile_ms: ${compileMs.toFixed(1)} ms`);
  log(`engine_pure.instances: ${n} count`);
  log(`engine_pure.steps_per_instance: ${(steps / n).toFixed(0)} count`);
  log(`engine_pure.instances_per_s: ${figures.engineInstancesPerS.toFixed(0)} instances/s`);
  log(`engine_pure.steps_per_s: ${figures.engineStepsPerS.toFixed(0)} steps/s`);
  log(`engine_pure.ms_per_instance: ${(engineMs / n).toFixed(3)} ms`);
  log(`engine_pure.persistence: ${hook ? 'hook' : 'json_roundtrip'} mode`);
  log(`bpmn_engine.instances: ${m} count`);
  log(`bpmn_engine.instances_per_s: ${figures.bpmnEngineInstancesPerS.toFixed(1)} instances/s`);
  log(`bpmn_engine.ms_per_instance: ${(bpmnMs / m).toFixed(2)} ms`);
  log(`engine_pure.ratio_vs_bpmn_engine: ${figures.ratio.toFixed(1)} x`);
  log(`# flow shape: ${FLOW_SHAPE}`);
  log(`engine_pure.in_memory_instances_per_s: ${figures.engineInMemoryInstancesPerS.toFixed(0)} instances/s`);
  log(`bpmn_engine.in_memory_instances: ${mm} count`);
  log(`bpmn_engine.in_memory_instances_per_s: ${figures.bpmnEngineInMemoryInstancesPerS.toFixed(1)} instances/s`);
  log(`engine.ratio_vs_bpmn_engine_in_memory: ${figures.ratioInMemory.toFixed(1)} x`);
  log(`engine.ratio_vs_bpmn_engine_recovered: ${figures.ratio.toFixed(1)} x`);
  log(`machine.load1: ${loadavg()[0]!.toFixed(2)} load`);
  return figures;
}
