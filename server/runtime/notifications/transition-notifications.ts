// The notifications one transition writes with it (the outbox): planned purely (events.ts), addressed to people
// and composed here, at the edge. Telling people must never stop the transition: a failure here tells nobody.
import type { NotificationInput } from '../../domain/notifications/types.js';
import type { Application, User } from '../../domain/schema-types.gen.js';
import type { Effect } from '../../domain/workflow/state.js';
import { applicationFacts, composeNotifications, deadlineFacts, type NotifyDeps } from './compose.js';
import { planNotifications, type Recipients } from './events.js';
import { recipientAccounts } from './recipient-accounts.js';

/** every active person holding the role at the org, or the named people */
export function resolveRecipients(r: Recipients, users: readonly User[]): User[] {
  if (r.kind === 'users') return users.filter((u) => r.userIds.includes(u.id));
  if (r.kind === 'all') return users.filter((u) => r.of.some((g) => resolveRecipients(g, [u]).length > 0));
  return users.filter((u) => !u.disabled && u.roles.some((a) => a.role === r.role && a.orgId === r.orgId));
}

export async function transitionNotifications(d: NotifyDeps, before: Application, after: Application, effects: readonly Effect[]): Promise<NotificationInput[]> {
  try {
    const planned = planNotifications(before, after, effects);
    if (planned.length === 0) return [];
    const users = await recipientAccounts(d.store, planned.map((p) => p.recipients));
    const facts = await applicationFacts(d, after);
    const out: NotificationInput[] = [];
    for (const p of planned) {
      const data = { ...p.data, ...(p.dueAt ? await deadlineFacts(d, p.dueAt) : {}) };
      out.push(...(await composeNotifications(d, { event: p.event, users: resolveRecipients(p.recipients, users), application: after, occasion: p.occasion, data, link: p.link, facts, ...(p.template ? { template: p.template } : {}) })));
    }
    return out;
  } catch {
    return [];
  }
}
