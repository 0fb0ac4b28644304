// Who is told what by one transition: pure, from the application before and after and the engine's effects.
// Addresses (role@org) are resolved to people by the caller (transition-notifications.ts), which also composes.
import type { NotificationEvent } from '../../domain/notifications/types.js';
import type { Application } from '../../domain/schema-types.gen.js';
import type { Effect, Json, WorkflowState } from '../../domain/workflow/state.js';

export type Recipients = { kind: 'users'; userIds: readonly string[] } | { kind: 'role'; role: string; orgId: string };

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

  if (after.status === 'returned' && before.status !== 'returned') {
    out.push({ event: 'application.returned', recipients: applicant, occasion: `v${after.version}`, data: {}, ...(after.notice?.deadline ? { dueAt: after.notice.deadline } : {}), link: '/my' });
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
