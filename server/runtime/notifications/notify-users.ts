// Tells named people about an application outside a flow transition (催办, 抄送, the deadline sweep): composed
// from the event's template and stored idempotently — the same (event, application, occasion, person) is told once.
import type { NotificationEvent } from '../../domain/notifications/types.js';
import type { Application, User } from '../../domain/schema-types.gen.js';
import { composeNotifications, type NotifyDeps } from './compose.js';

export interface NotifyUsersInput {
  event: NotificationEvent;
  userIds: string[];
  application?: Application;
  occasion: string;
  /** template facts besides the application's, e.g. { stepName, fromName, note } */
  data?: Record<string, string>;
  link?: string;
}

/** returns how many notifications were new */
export async function notifyUsers(p: NotifyDeps, input: NotifyUsersInput): Promise<number> {
  const users: User[] = [];
  for (const id of new Set(input.userIds)) {
    const u = await p.store.getUser(id);
    if (u) users.push(u);
  }
  const list = await composeNotifications(p, { event: input.event, users, occasion: input.occasion, ...(input.application ? { application: input.application } : {}), ...(input.data ? { data: input.data } : {}), ...(input.link ? { link: input.link } : {}) });
  return list.length > 0 ? p.store.addNotifications(list) : 0;
}
