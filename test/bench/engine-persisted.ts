// Benchmark: the sample review flow run to completion through the real runtime, every transition
// persisted to the embedded SQLite store (guarded update, task and timer indexes, audit record).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../server/config.js';
import { FakeClock } from '../../server/domain/clock.js';
import { ok } from '../../server/domain/result.js';
import type { Application } from '../../server/domain/schema-types.gen.js';
import type { WorkflowEvent } from '../../server/domain/workflow/state.js';
import { createPlatform, type Platform } from '../../server/runtime/platform.js';
import { loadSeeds } from '../../server/runtime/seeds/load-seeds.js';
import { openSqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import { tempDir } from '../support/temp-dir.js';

const EXPERTS = ['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7'];
const ROUTING = { unit: 'u1', competent: 'c1', league: 'l1', centre: 'sc', committeeOffice: 'co', committee: 'cm', applicant: 'a1' };

async function runOne(p: Platform, clock: FakeClock, i: number): Promise<number> {
  const now = clock.now();
  const draft: Application = {
    id: `bench-${i}`,
    version: 1,
    applicantId: 'a1',
    applicantName: '基准',
    campaignId: '2022',
    seriesKey: 's',
    levelKey: 'l',
    pinned: { level: 1, workflowKey: 'sample-review', workflow: 1 },
    status: 'submitted',
    form: {},
    materials: [],
    openTasks: [],
    timers: [],
    routing: ROUTING,
    createdAt: now,
    updatedAt: now,
  };
  const started = await p.runtime.start(draft, { routing: ROUTING, experts: EXPERTS });
  if (!started.ok) throw new Error(started.error.message);
  let app = started.value.app;
  await p.store.insertApplication(app, [{ at: now, actor: 'bench', action: 'application.submit', target: { type: 'application', id: app.id } }]);
  let steps = 1;
  const send = async (ev: WorkflowEvent): Promise<void> => {
    const r = await p.runtime.apply(app.id, () => ok(ev), { actor: 'bench', action: ev.type });
    if (!r.ok) throw new Error(`${ev.type}: ${r.error.message}`);
    app = r.value;
    steps += 1;
  };
  const task = (elementId: string, assignee?: string) => {
    const t = app.workflow!.openTasks.find((x) => x.elementId === elementId && (assignee === undefined || x.assignee === assignee));
    if (!t) throw new Error(`no task ${elementId}`);
    return t.id;
  };
  const complete = (elementId: string, decision: string) => send({ type: 'completeTask', taskId: task(elementId), userId: 'u', payload: { decision }, now: clock.now() });
  await complete('UnitReview', 'approve');
  const timer = app.workflow!.timers[0]!;
  await send({ type: 'timerFired', timerId: timer.id, now: timer.dueAt });
  await complete('CompetentCheck', 'return');
  await complete('Correction', 'resubmit');
  await complete('CompetentCheck', 'approve');
  for (const e of EXPERTS.slice(0, 5)) await send({ type: 'completeTask', taskId: task('Vote', e), userId: e, payload: { vote: 'approve' }, now: clock.now() });
  await send({ type: 'message', name: 'complaint', payload: { text: '投诉' }, now: clock.now() });
  await complete('Investigate', 'dismiss');
  await complete('Filing', 'file');
  if (app.workflow!.status !== 'completed') throw new Error(`instance ended ${app.workflow!.status}`);
  return steps;
}

export async function runPersistedBench(n = 300, log: (l: string) => void = console.log): Promise<number> {
  const dir = tempDir('zc-bench-');
  const store = openSqliteStore(dir.path);
  const clock = new FakeClock('2022-09-29T01:30:00.000Z');
  const p = createPlatform({ root: REPO_ROOT, store, clock });
  await loadSeeds({ root: REPO_ROOT, store, clock, meta: p.meta, definitions: p.definitions });
  // the engine specs' sample flow is a test fixture, not a seed: publish it for the bench
  const xml = readFileSync(join(REPO_ROOT, 'test/domain/workflow/sample-review.bpmn'), 'utf8');
  const published = await p.definitions.publish('workflow', 'sample-review', 'bench', { name: '样例评审流程', xml });
  if (!published.ok) throw new Error(JSON.stringify(published.error));
  for (let i = 0; i < 20; i++) await runOne(p, clock, -1 - i); // warm-up
  const t0 = performance.now();
  let steps = 0;
  for (let i = 0; i < n; i++) steps += await runOne(p, clock, i);
  const ms = performance.now() - t0;
  const perS = (n / ms) * 1000;
  log(`engine.instances: ${n} count`);
  log(`engine.transitions_per_instance: ${(steps / n).toFixed(0)} count`);
  log(`engine.instances_per_s: ${perS.toFixed(0)} instances/s`);
  log(`engine.transitions_per_s: ${((steps / ms) * 1000).toFixed(0)} transitions/s`);
  log(`engine.audit_records: ${await store.auditCount()} count`);
  await store.close();
  dir.remove();
  return perS;
}
