// Runs stored applications' flows: start, apply an event, fire due timers under a lease, retry
// incidents. Every transition is one write guarded by the version it read, carrying its audit record.
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../domain/clock.js';
import { fail, ok, type Result } from '../../domain/result.js';
import type { Application, WorkflowDefinition } from '../../domain/schema-types.gen.js';
import { checkDefinitionBounds } from '../../domain/definitions/bounds.js';
import type { ModelCache } from '../../domain/workflow/cache.js';
import type { CompiledModel } from '../../domain/workflow/model.js';
import { highlight, newState, type Effect, type Variables, type WorkflowEvent } from '../../domain/workflow/state.js';
import type { AuditInput, Store } from '../../store/port.js';
import { ACTION_NAMES } from '../actions/names.js';
import type { CalendarSource } from '../calendars.js';
import { advance, type Advanced } from './advance.js';
import { transitionNotifications } from '../notifications/transition-notifications.js';

export interface TransitionOptions {
  actor: string;
  /** audit action, e.g. task.complete, timer.fire, message.receive */
  action: string;
  detail?: Record<string, unknown>;
  /** last changes to the application before it is written (e.g. the 一次告知 notice) */
  finish?: (app: Application, effects: Effect[]) => Application;
}

const summary = (app: Application) => ({
  version: app.version,
  status: app.status,
  active: app.workflow ? highlight(app.workflow).active : [],
});

export class WorkflowRuntime {
  readonly owner = `runtime-${randomUUID()}`;
  /** runs after a transition is written (the platform queues an issued certificate for data exchange); a failure
   * here never undoes the written transition */
  afterWrite?: (before: Application, after: Application) => Promise<void>;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly models: ModelCache,
    private readonly calendars: CalendarSource,
  ) {}

  /** published versions never change: the definition is read from the store only on the first compile */
  model(key: string, version: number): Promise<Result<CompiledModel>> {
    const load = async (): Promise<Result<string>> => {
      const def = await this.store.getDefinition<WorkflowDefinition>('workflow', key, version);
      if (!def) return fail('workflow.not_found', `评审流程 ${key} 第 ${version} 版不存在`);
      // a version stored before the bounds existed is measured before bpmn-moddle parses it
      const bounded = checkDefinitionBounds('workflow', key, def.body);
      return bounded.ok ? ok(def.body.xml) : bounded;
    };
    return this.models.get(key, version, load, { actions: ACTION_NAMES });
  }

  /** starts the flow pinned in app.pinned inside the application being submitted; the caller writes it */
  async start(app: Application, variables: Variables): Promise<Result<Advanced>> {
    const { workflowKey, workflow } = app.pinned;
    if (!workflowKey || !workflow) return fail('workflow.not_pinned', '申报未绑定评审流程版本');
    const model = await this.model(workflowKey, workflow);
    if (!model.ok) return model;
    return advance(model.value, { ...app, workflow: newState() }, { type: 'start', now: this.clock.now(), variables }, { calendars: await this.calendars.current(), store: this.store });
  }

  /**
   * Applies one event to a stored application. A stale read gives a conflict that changes nothing;
   * system events (timers) may retry on a fresh read, people's actions must not.
   */
  async apply(appId: string, event: (app: Application) => Result<WorkflowEvent>, opts: TransitionOptions, retries = 0): Promise<Result<Application>> {
    const app = await this.store.getApplication(appId);
    if (!app) return fail('application.not_found', '申报不存在');
    const { workflowKey, workflow } = app.pinned;
    if (!app.workflow || !workflowKey || !workflow) return fail('instance.not_started', '该申报尚未进入评审流程');
    const model = await this.model(workflowKey, workflow);
    if (!model.ok) return model;
    const ev = event(app);
    if (!ev.ok) return ev;
    const res = await advance(model.value, app, ev.value, { calendars: await this.calendars.current(), store: this.store });
    if (!res.ok) return res;
    const now = this.clock.now();
    let next: Application = { ...res.value.app, version: app.version + 1, updatedAt: now };
    if (opts.finish) next = opts.finish(next, res.value.effects);
    const audit: AuditInput = {
      at: now,
      actor: opts.actor,
      action: opts.action,
      target: { type: 'application', id: app.id },
      before: summary(app),
      after: { ...summary(next), ...(opts.detail ?? {}), effects: res.value.effects.map((e) => e.type) },
    };
    // who is told what goes in the same write (the outbox): never lost, never told twice
    const notifications = await transitionNotifications({ store: this.store, clock: this.clock, calendars: this.calendars }, app, next, res.value.effects);
    const written = await this.store.updateApplication(next, app.version, [audit], notifications);
    if (!written.ok) {
      for (const u of res.value.undo.reverse()) await u();
      if (retries > 0) return this.apply(appId, event, opts, retries - 1);
      return fail('application.conflict', '该申报已被他人处理，请刷新后重试');
    }
    if (this.afterWrite) await this.afterWrite(app, next).catch(() => undefined);
    return ok(next);
  }

  /** Fires every due timer this process can lease. Two processes never fire one timer twice:
   * the lease keeps them apart, and the version guard catches whatever slips past a lease. */
  async fireDueTimers(limit = 100): Promise<{ fired: number; skipped: number }> {
    const now = this.clock.now();
    const leaseUntil = new Date(Date.parse(now) + 60_000).toISOString();
    const due = await this.store.claimDueTimers(now, this.owner, leaseUntil, limit);
    let fired = 0;
    let skipped = 0;
    for (const t of due) {
      const res = await this.apply(
        t.applicationId,
        (app) =>
          app.workflow?.timers.some((x) => x.id === t.timerId)
            ? ok({ type: 'timerFired', timerId: t.timerId, now })
            : fail('timer.gone', '定时器已触发或已取消'),
        { actor: 'system:timer', action: 'timer.fire', detail: { timerId: t.timerId, dueAt: t.dueAt } },
        2,
      );
      if (res.ok) fired += 1;
      else skipped += 1;
    }
    return { fired, skipped };
  }

  retryIncident(appId: string, incidentId: string, actor: string): Promise<Result<Application>> {
    return this.apply(appId, () => ok({ type: 'retryIncident', incidentId, now: this.clock.now() }), { actor, action: 'incident.retry', detail: { incidentId } });
  }
}
