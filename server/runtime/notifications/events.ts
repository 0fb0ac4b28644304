// Who is told what by one transition: pure, from the application before and after and the engine's effects.
// Addresses (role@org) are resolved to people by the caller (transition-notifications.ts), which also composes.
import type { NotificationEvent } from '../../domain/notifications/types.js';
import type { Application } from '../../domain/schema-types.gen.js';
import type { NotifyDef } from '../../domain/workflow/model.js';
import type { Effect, Json, WorkflowState } from '../../domain/workflow/state.js';

export type Recipients =
  | { kind: 'users'; userIds: readonly string[] }
  | { kind: 'role'; role: string; orgId: string }
  /** several groups told once each (a person in two of them gets one notification) */
  | { kind: 'all'; of: readonly Recipients[] };

export interface PlannedNotification {
  event: NotificationEvent;
  recipients: Recipients;
  /** unique for (event, application): a task id, a version, a publicity's start */
  occasion: string;
  /** template facts besides the application's (never keys: step names come from the flow) */
  data: Record<string, string>;
  /** a deadline the template states as a local date and working days left */
  dueAt?: string;
  link: string;
  /** a template the flow chose (发送通知) instead of the event's own */
  template?: string;
}

const RESULTS: ReadonlySet<Application['status']> = new Set(['passed', 'failed', 'rejected']);

const openedAt = (state: WorkflowState | null | undefined): string | null => {
  const p: Json | undefined = state?.variables['publicity'];
  if (typeof p !== 'object' || p === null || Array.isArray(p)) return null;
  return typeof p['openedAt'] === 'string' ? p['openedAt'] : null;
};

/** a catch timer (not a task's deadline) that was waiting before and is gone without being cancelled: it fired */
function catchTimerFired(before: Application, after: Application, effects: readonly Effect[]): boolean {
  const was = before.workflow;
  if (!was) return false;
  const still = new Set((after.workflow?.timers ?? []).map((t) => t.id));
  const cancelled = new Set(effects.flatMap((e) => (e.type === 'cancelTimer' ? [e.timerId] : [])));
  const taskTokens = new Set(was.openTasks.map((t) => t.tokenId));
  return was.timers.some((t) => !still.has(t.id) && !cancelled.has(t.id) && !taskTokens.has(t.tokenId));
}

/** 发送通知's staff recipients: the offices the flow has reached (role@org, or role@org#person), a role at a scope */
function notifyStaff(def: NotifyDef, after: Application): Recipients[] {
  const of: Recipients[] = [];
  if (def.to.includes('handlers')) {
    for (const key of after.workflow?.reached ?? []) {
      const m = /^([^@]+)@([^#]+)(?:#(.+))?$/.exec(key);
      if (!m || m[1] === 'applicant') continue;
      of.push(m[3] ? { kind: 'users', userIds: [m[3]] } : { kind: 'role', role: m[1]!, orgId: m[2]! });
    }
  }
  const orgId = def.scope ? after.routing?.[def.scope] : undefined;
  if (def.role && orgId) of.push({ kind: 'role', role: def.role, orgId });
  return of;
}

/** the n-th time the flow entered this element: one notice per pass, the same one when a transition is retried */
const passes = (after: Application, elementId: string): number => (after.workflow?.history ?? []).filter((h) => h.kind === 'enter' && h.elementId === elementId).length;

export function planNotifications(before: Application, after: Application, effects: readonly Effect[]): PlannedNotification[] {
  const out: PlannedNotification[] = [];
  const applicant: Recipients = { kind: 'users', userIds: [after.applicantId] };
  const stillOpen = new Set((after.workflow?.openTasks ?? []).map((t) => t.id));

  for (const e of effects) {
    // the applicant's correction task is told as the return itself
    if (e.type !== 'createTask' || e.task.role === 'applicant' || !stillOpen.has(e.task.id)) continue;
    const t = e.task;
    out.push({
      event: 'task.assigned',
      recipients: t.assignee ? { kind: 'users', userIds: [t.assignee] } : { kind: 'role', role: t.role, orgId: t.orgId },
      occasion: t.id,
      data: { stepName: t.name ?? '' },
      ...(t.dueAt ? { dueAt: t.dueAt } : {}),
      link: `/workbench/${after.id}/${t.id}`,
    });
  }

  // 转办, 委派 and its return hand a task to one person: they are told as of a new task, once per hand-over
  for (const e of effects) {
    if (e.type !== 'reassignTask' || !stillOpen.has(e.task.id)) continue;
    const t = e.task;
    if (!t.assignee) continue;
    out.push({
      event: 'task.assigned',
      recipients: { kind: 'users', userIds: [t.assignee] },
      occasion: `${t.id}:${t.assignee}:v${after.version}`,
      data: { stepName: t.name ?? '' },
      ...(t.dueAt ? { dueAt: t.dueAt } : {}),
      link: `/workbench/${after.id}/${t.id}`,
    });
  }

  if (after.status === 'returned' && before.status !== 'returned') {
    out.push({ event: 'application.returned', recipients: applicant, occasion: `v${after.version}`, data: {}, ...(after.notice?.deadline ? { dueAt: after.notice.deadline } : {}), link: '/my' });
  }

  for (const e of effects) {
    if (e.type !== 'runAction' || e.name !== 'notify' || !e.notify) continue;
    const notice = { event: 'flow.notice' as const, occasion: `${e.elementId}#${passes(after, e.elementId)}`, data: { stepName: e.stepName ?? '' }, template: e.notify.template };
    if (e.notify.to.includes('applicant')) out.push({ ...notice, recipients: applicant, link: '/my' });
    const staff = notifyStaff(e.notify, after);
    if (staff.length > 0) out.push({ ...notice, recipients: { kind: 'all', of: staff }, link: '/workbench' });
  }

  const actions = new Set(effects.flatMap((e) => (e.type === 'runAction' ? [e.name] : [])));
  const opened = openedAt(after.workflow);
  if (actions.has('publicity.open') && opened) {
    out.push({ event: 'publicity.started', recipients: applicant, occasion: `publicity-${opened}`, data: {}, link: '/my' });
  }
  // a 公示 ends by its close action (with complaints) or by its waiting timer firing (without)
  const wasOpen = openedAt(before.workflow);
  if (wasOpen && (actions.has('publicity.close') || catchTimerFired(before, after, effects))) {
    out.push({ event: 'publicity.ended', recipients: applicant, occasion: `publicity-${wasOpen}`, data: {}, link: '/my' });
  }

  if (RESULTS.has(after.status) && after.status !== before.status) {
    out.push({ event: 'application.result', recipients: applicant, occasion: after.status, data: {}, link: '/my' });
  }
  if (after.certificate && !before.certificate) {
    out.push({ event: 'certificate.issued', recipients: applicant, occasion: after.certificate.number, data: {}, link: '/my' });
  }
  return out;
}
