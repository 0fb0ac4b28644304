// Benchmark: a seeded multi-step review flow run to completion through the real runtime, many instances in flight
// at once, every transition one guarded write to the embedded SQLite store (document, task/timer/history indexes,
// hash-chained audit record, notifications), each durable (WAL, synchronous=NORMAL) before the next step is taken.
// Printed beside SQLite's own commit limit measured in the same process and run, and the machine's load.
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../server/config.js';
import { FakeClock } from '../../server/domain/clock.js';
import { ok } from '../../server/domain/result.js';
import type { JsonObject } from '../../server/domain/json.js';
import type { Application } from '../../server/domain/schema-types.gen.js';
import type { CompiledModel } from '../../server/domain/workflow/model.js';
import type { OpenTask, Variables, WorkflowEvent, WorkflowState } from '../../server/domain/workflow/state.js';
import { createPlatform, type Platform } from '../../server/runtime/platform.js';
import { loadSeeds } from '../../server/runtime/seeds/load-seeds.js';
import { openSqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import { engineerForm } from '../support/engineer.js';
import { tempDir } from '../support/temp-dir.js';

/** the flow 工程 副高级 (gongcheng.fugao) uses: seeds/levels/gongcheng.fugao.json → workflows/league-review.bpmn */
export const SEEDED_FLOW = 'league-review';
const EXPERTS = ['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7'];
// a 盟市 unit: 单位审核 → 单位公示 → 主管部门复核 → 盟市审核 → 盟市花名册 → … → 评委会 → 结果公示 → 发证
const ROUTING = { unit: 'u1', competent: 'c1', league: 'l1', centre: 'sc', committeeOffice: 'co', committee: 'cm', applicant: 'a1' };

const cpuMsSince = (from: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
};

export const load1 = (): string => `machine.load1: ${loadavg()[0]!.toFixed(2)} load`;

/** the answer each task gets on the happy path (as the dry run answers): approve, pass, resubmit, every vote yes */
function happy(model: CompiledModel, task: OpenTask): Variables | undefined {
  const el = model.elements[task.elementId];
  if (el?.kind === 'userTask' && el.voting) return { vote: 'approve' };
  const d = task.decisions;
  if (d.length === 0) return {};
  for (const good of ['approve', 'pass', 'resubmit']) if (d.includes(good)) return { decision: good };
  if (d.includes('scored')) return { decision: 'scored', lectureScore: 90, interviewScore: 90, quantScore: 90, democraticScore: 90 };
  if (d.every((x) => x === 'complaint')) return undefined;
  return { decision: d[0]! };
}

/** the next event of an instance: a task answered, else the earliest timer fired; undefined when the flow is done */
function nextEvent(model: CompiledModel, s: WorkflowState, now: string): WorkflowEvent | undefined {
  for (const task of s.openTasks) {
    const payload = happy(model, task);
    if (payload) return { type: 'completeTask', taskId: task.id, userId: task.assignee ?? 'bench', payload, now };
  }
  const timer = [...s.timers].sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
  return timer ? { type: 'timerFired', timerId: timer.id, now: timer.dueAt > now ? timer.dueAt : now } : undefined;
}

interface Setup {
  p: Platform;
  clock: FakeClock;
  model: CompiledModel;
  version: number;
  form: JsonObject;
}

/** one instance from submit to the end of its flow; returns the transitions written (the insert counts as one) */
async function runOne(s: Setup, i: number): Promise<{ transitions: number; events: string[]; status: string }> {
  const now = s.clock.now();
  const draft: Application = {
    id: `bench-${i}`,
    version: 1,
    applicantId: `a${i}`,
    applicantName: '基准申报人',
    campaignId: '2022',
    seriesKey: 'gongcheng',
    levelKey: 'fugao',
    pinned: { level: 1, workflowKey: SEEDED_FLOW, workflow: s.version },
    status: 'submitted',
    form: s.form,
    materials: [],
    openTasks: [],
    timers: [],
    routing: ROUTING,
    createdAt: now,
    updatedAt: now,
  };
  const vars: Variables = { routing: ROUTING, experts: EXPERTS, applicant: { id: `a${i}`, name: '基准申报人' }, regionLevel: false, directReport: false, quotaExempt: true, quotaReserved: false, quotas: [] };
  const started = await s.p.runtime.start(draft, vars);
  if (!started.ok) throw new Error(started.error.message);
  const first = await s.p.store.insertApplication(started.value.app, [{ at: now, actor: 'bench', action: 'application.submit', target: { type: 'application', id: draft.id } }]);
  if (!first.ok) throw new Error(first.message);
  let state = started.value.app.workflow!;
  const events: string[] = [];
  for (let guard = 0; guard < 200; guard++) {
    const ev = nextEvent(s.model, state, s.clock.now());
    if (!ev) break;
    events.push(ev.type === 'completeTask' ? (state.openTasks.find((t) => t.id === ev.taskId)?.elementId ?? '?') : ev.type);
    const r = await s.p.runtime.apply(draft.id, () => ok(ev), { actor: 'bench', action: ev.type });
    if (!r.ok) throw new Error(`${ev.type}: ${r.error.message}`);
    state = r.value.workflow!;
  }
  return { transitions: events.length + 1, events, status: state.status };
}

/** one-row UPDATE transactions per second on a fresh file with the store's pragmas: SQLite's own commit limit here */
export function sqliteCommitsPerS(dir: string, ms = 1500): { perS: number; perCpuS: number } {
  const db = new Database(join(dir, 'commit-limit.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER NOT NULL); INSERT INTO t VALUES (1, 0)');
  const bump = db.transaction(() => db.prepare('UPDATE t SET v = v + 1 WHERE id = 1').run());
  for (let i = 0; i < 2000; i++) bump.immediate(); // warm-up
  let n = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  while (performance.now() - t0 < ms) {
    for (let i = 0; i < 1000; i++) bump.immediate();
    n += 1000;
  }
  const perS = (n / (performance.now() - t0)) * 1000;
  const perCpuS = (n / cpuMsSince(cpu0)) * 1000;
  db.close();
  return { perS, perCpuS };
}

/** BENCH_CPU_PROFILE=<file>: a CPU profile of the timed phase only (setup and seeding left out), for Chrome DevTools */
async function startProfile(): Promise<(() => Promise<void>) | null> {
  const file = process.env.BENCH_CPU_PROFILE;
  if (!file) return null;
  const session = new Session();
  session.connect();
  const post = (method: string): Promise<unknown> =>
    new Promise((resolve, reject) => session.post(method, (err, res) => (err ? reject(err) : resolve(res))));
  await post('Profiler.enable');
  await post('Profiler.start');
  return async () => {
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  };
}

export interface PersistedOptions {
  /** instances run (default 2000) */
  instances?: number;
  /** instances in flight at once (default 64) */
  concurrency?: number;
  log?: (line: string) => void;
}

export async function runPersistedBench(opts: PersistedOptions = {}): Promise<number> {
  const n = opts.instances ?? 2000;
  const concurrency = opts.concurrency ?? 64;
  const log = opts.log ?? ((l: string) => console.log(l));
  const dir = tempDir('zc-bench-');
  const store = openSqliteStore(dir.path);
  try {
    const clock = new FakeClock('2022-09-29T01:30:00.000Z');
    const p = createPlatform({ root: REPO_ROOT, store, clock });
    await loadSeeds({ root: REPO_ROOT, store, clock, meta: p.meta, definitions: p.definitions });
    const def = await store.getDefinition('workflow', SEEDED_FLOW, 'latest');
    if (!def) throw new Error(`${SEEDED_FLOW} is not seeded`);
    const model = await p.runtime.model(SEEDED_FLOW, def.version);
    if (!model.ok) throw new Error(model.error.message);
    const s: Setup = { p, clock, model: model.value, version: def.version, form: engineerForm('基准申报人') as JsonObject };

    const shape = await runOne(s, -1);
    if (shape.status !== 'completed') throw new Error(`${SEEDED_FLOW} ended ${shape.status}`);
    for (let i = 0; i < 50; i++) await runOne(s, -2 - i); // warm-up

    let next = 0;
    let transitions = 0;
    const before = store.groupCommitStats;
    const profile = await startProfile();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let i = next++; i < n; i = next++) {
          const one = await runOne(s, i);
          transitions += one.transitions;
        }
      }),
    );
    const ms = performance.now() - t0;
    const cpuMs = cpuMsSince(cpu0);
    await profile?.();
    const after = store.groupCommitStats;
    const perS = (transitions / ms) * 1000;
    const commits = sqliteCommitsPerS(dir.path);
    // per CPU second as well: on a shared machine the wall clock mostly measures the neighbours
    const perCpuS = (transitions / cpuMs) * 1000;
    log(`# flow: ${SEEDED_FLOW} v${def.version} (工程 副高级, a 盟市 unit), ${shape.transitions} transitions per instance: submit, ${shape.events.join(', ')}`);
    log(`engine.persisted_instances: ${n} count`);
    log(`engine.persisted_concurrency: ${concurrency} count`);
    log(`engine.persisted_instances_per_s: ${((n / ms) * 1000).toFixed(0)} instances/s`);
    log(`engine.persisted_flows_per_s: ${perS.toFixed(0)} transitions/s`);
    log(`sqlite.commits_per_s: ${commits.perS.toFixed(0)} commits/s`);
    log(`engine.fraction_of_commit_limit: ${(perS / commits.perS).toFixed(3)} ratio`);
    log(`engine.persisted_cpu_us_per_transition: ${((cpuMs * 1000) / transitions).toFixed(0)} us`);
    log(`engine.persisted_flows_per_cpu_s: ${perCpuS.toFixed(0)} transitions/s`);
    log(`sqlite.commits_per_cpu_s: ${commits.perCpuS.toFixed(0)} commits/s`);
    log(`engine.fraction_of_commit_limit_cpu: ${(perCpuS / commits.perCpuS).toFixed(3)} ratio`);
    log(`engine.writes_per_commit: ${((after.writes - before.writes) / (after.commits - before.commits)).toFixed(1)} writes`);
    log(`engine.largest_commit: ${after.maxBatch} writes`);
    log(`engine.audit_records: ${await store.auditCount()} count`);
    log(load1());
    return perS;
  } finally {
    await store.close();
    dir.remove();
  }
}
