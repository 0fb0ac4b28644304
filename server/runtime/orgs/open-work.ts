// What keeps an org from being deactivated: applications in flight through it (or drafts of its people).
import type { Store } from '../../store/port.js';

const IN_FLIGHT = ['submitted', 'returned'] as const;
const PAGE = 500;

export async function openApplicationCount(store: Store, orgId: string): Promise<number> {
  let n = 0;
  for (const status of IN_FLIGHT) n += (await store.listApplications({ status, routedThrough: [orgId], limit: 1 })).total;
  // drafts have no routing yet: they belong to the applicant's unit
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.listApplications({ status: 'draft', offset, limit: PAGE });
    n += page.items.filter((a) => a.orgId === orgId).length;
    if (page.items.length < PAGE) break;
  }
  return n;
}
