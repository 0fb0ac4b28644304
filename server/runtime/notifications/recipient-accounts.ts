// The accounts a notification's recipients name, read by role and by id: never every account of the store (a
// province has hundreds of thousands of applicants, and a transition tells a handful of people).
import type { User } from '../../domain/schema-types.gen.js';
import type { RoleAddress, Store } from '../../store/port.js';
import type { Recipients } from './events.js';

function collect(r: Recipients, roles: RoleAddress[], ids: Set<string>): void {
  if (r.kind === 'users') for (const id of r.userIds) ids.add(id);
  else if (r.kind === 'role') roles.push({ role: r.role, orgId: r.orgId });
  else for (const g of r.of) collect(g, roles, ids);
}

/** every account any of these recipients may resolve to (resolveRecipients picks from them), each once */
export async function recipientAccounts(store: Pick<Store, 'listUsersByRole' | 'getUser'>, recipients: readonly Recipients[]): Promise<User[]> {
  const roles: RoleAddress[] = [];
  const ids = new Set<string>();
  for (const r of recipients) collect(r, roles, ids);
  const byId = new Map((roles.length > 0 ? await store.listUsersByRole(roles) : []).map((u) => [u.id, u]));
  for (const id of ids) {
    if (byId.has(id)) continue;
    const u = await store.getUser(id);
    if (u) byId.set(id, u);
  }
  return [...byId.values()];
}
