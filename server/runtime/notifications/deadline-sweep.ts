// 期限将至: a task's or a correction's deadline is one working day away (or today is its last day). Found from the
// due-timer index, told once per (timer, person) — the id is deterministic, so running the sweep again, or from two
// processes, tells nobody twice. Run from the scheduler loop; tests call it with the fake clock.
import type { NotificationInput } from '../../domain/notifications/types.js';
import type { Application } from '../../domain/schema-types.gen.js';
import { applicationFacts, composeNotifications, deadlineFacts, type NotifyDeps } from './compose.js';
import { deadlineWords } from './deadline-words.js';
import type { Recipients } from './events.js';
import { recipientAccounts } from './recipient-accounts.js';
import { resolveRecipients } from './transition-notifications.js';

/** wide enough for the longest run of days off (National Day and a weekend); working days decide the rest */
const LOOKAHEAD_MS = 16 * 86_400_000;

/** the open task a boundary timer guards (a 公示's waiting timer guards none and is not a deadline) */
function guardedTask(app: Application, timerId: string) {
  const timer = app.workflow?.timers.find((t) => t.id === timerId);
  if (!timer) return null;
  return app.workflow?.openTasks.find((t) => t.tokenId === timer.tokenId) ?? null;
}

export async function sweepDeadlines(d: NotifyDeps, limit = 500): Promise<{ added: number }> {
  const now = d.clock.now();
  const due = await d.store.listDueTimers(new Date(Date.parse(now) + LOOKAHEAD_MS).toISOString(), limit);
  const calendars = await d.calendars.current();
  const list: NotificationInput[] = [];
  for (const row of due) {
    if (row.dueAt <= now) continue; // already due: the timer fires, nobody needs a reminder
    const words = deadlineWords(row.dueAt, now, calendars);
    if (!words || words.workingDaysLeft === null || words.workingDaysLeft > 1) continue;
    const app = await d.store.getApplication(row.applicationId);
    const task = app ? guardedTask(app, row.timerId) : null;
    if (!app || !task) continue;
    const isCorrection = task.role === 'applicant';
    const recipients: Recipients = isCorrection || task.assignee ? { kind: 'users', userIds: [isCorrection ? app.applicantId : task.assignee!] } : { kind: 'role', role: task.role, orgId: task.orgId };
    const users = await recipientAccounts(d.store, [recipients]);
    list.push(
      ...(await composeNotifications(d, {
        event: 'deadline.soon',
        users: resolveRecipients(recipients, users),
        application: app,
        occasion: row.timerId,
        data: { stepName: task.name ?? '', ...(isCorrection ? { forApplicant: true } : {}), ...(await deadlineFacts(d, row.dueAt)) },
        link: isCorrection ? '/my' : `/workbench/${app.id}/${task.id}`,
        facts: await applicationFacts(d, app),
      })),
    );
  }
  return { added: list.length > 0 ? await d.store.addNotifications(list) : 0 };
}
