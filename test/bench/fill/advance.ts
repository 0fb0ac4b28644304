// Moves submitted applications along their flows with the runtime's own task completions (completeTask, resubmit)
// and the timer scheduler (fireDueTimers with the injected clock moved to the next due instant). Each application
// has a budget of completions: 0 leaves it in the first inbox, a large one takes it to the end of its flow.
import type { FakeClock } from '../../../server/domain/clock.js';
import type { Application, User } from '../../../server/domain/schema-types.gen.js';
import type { Platform } from '../../../server/runtime/platform.js';
import { completeTask, resubmit } from '../../../server/runtime/applications/review.js';
import { payloadFor, SKIP_FORMS } from './task-payloads.js';
import { pool } from './pool.js';

export interface Plan {
  id: string;
  /** task completions still to do */
  budget: number;
  /** the first review returns it for correction (once: 一次告知) */
  returnFirst: boolean;
}

export interface AdvanceStats {
  completions: number;
  timersFired: number;
  /** completions the runtime refused, by error code (that application stops where it is) */
  completionsRefused: Record<string, number>;
}

export class StaffDesk {
  private readonly known = new Map<string, User>();
  constructor(private readonly p: Platform) {}
  /** the person who works a task: its assignee (an expert's ballot) or one staff account per role and org */
  async worker(task: Application['openTasks'][number]): Promise<User> {
    const id = task.assignee ?? `fill-${task.role}-${task.orgId}`;
    const known = this.known.get(id) ?? (await this.p.store.getUser(id));
    if (known) {
      this.known.set(id, known);
      return known;
    }
    const u: User = { id, login: `${id}@fill.example.cn`, name: `办理人${task.role}`, kind: 'staff', roles: [{ role: task.role as User['roles'][number]['role'], orgId: task.orgId }], version: 1, createdAt: this.p.clock.now() };
    await this.p.store.insertUser(u, [{ at: this.p.clock.now(), actor: 'fill', action: 'user.create', target: { type: 'user', id }, after: { roles: u.roles } }]);
    this.known.set(id, u);
    return u;
  }
}

async function step(p: Platform, desk: StaffDesk, plan: Plan, stats: AdvanceStats): Promise<Application | null> {
  let app = await p.store.getApplication(plan.id);
  while (app && plan.budget > 0) {
    const flowTasks = app.workflow?.openTasks ?? [];
    const task = app.openTasks.find((t) => !SKIP_FORMS.has(flowTasks.find((f) => f.id === t.taskId)?.formKey ?? ''));
    if (!task) break;
    let res;
    if (task.role === 'applicant') {
      const applicant = await p.store.getUser(app.applicantId);
      if (!applicant) throw new Error(`no applicant ${app.applicantId}`);
      res = await resubmit(p, applicant, app.id);
    } else {
      const formKey = flowTasks.find((f) => f.id === task.taskId)?.formKey;
      const returning = plan.returnFirst && !app.notice;
      res = await completeTask(p, await desk.worker(task), app.id, task.taskId, payloadFor(formKey, returning));
    }
    if (!res.ok) {
      stats.completionsRefused[res.error.code] = (stats.completionsRefused[res.error.code] ?? 0) + 1;
      plan.budget = 0;
      break;
    }
    app = res.value;
    plan.budget -= 1;
    stats.completions += 1;
  }
  return app;
}

export async function advance(p: Platform, clock: FakeClock, plans: Plan[], concurrency: number, log: (l: string) => void = () => {}): Promise<AdvanceStats> {
  const stats: AdvanceStats = { completions: 0, timersFired: 0, completionsRefused: {} };
  const desk = new StaffDesk(p);
  let active = plans.filter((x) => x.budget > 0);
  for (let round = 0; active.length > 0 && round < 100; round++) {
    const waiting: { plan: Plan; due: string }[] = [];
    await pool(active, concurrency, async (plan) => {
      const app = await step(p, desk, plan, stats);
      const due = app?.timers.map((t) => t.dueAt).sort()[0];
      if (plan.budget > 0 && due) waiting.push({ plan, due });
    });
    log(`advance: round ${round + 1}: ${active.length} moved, ${waiting.length} wait for a timer, ${stats.completions} completions and ${stats.timersFired} timers so far`);
    if (waiting.length === 0) break;
    // time moves to the earliest timer any of them waits for; the scheduler fires whatever is due by then
    const next = waiting.map((w) => w.due).sort()[0]!;
    if (next > clock.now()) clock.set(next);
    for (;;) {
      const r = await p.runtime.fireDueTimers(500);
      stats.timersFired += r.fired;
      if (r.fired + r.skipped === 0) break;
    }
    active = waiting.map((w) => w.plan);
  }
  return stats;
}
