// The applications on a roster (花名册), in the order people applied, read from the store page by page through
// its submission-order index: the count and one page for the roster page, every one of them (a few hundred
// documents at a time, never all at once) for the printable roster and its Excel file. Access as before: an
// office lists what the flow brought to it.
import { isAdmin, officeReachOf } from '../../auth/access-rules.js';
import type { Application, User } from '../../domain/schema-types.gen.js';
import type { ApplicationQuery, Store } from '../../store/port.js';
import { nextPage } from '../next-page.js';

/** drafts and withdrawn applications are not on a roster */
export const LISTED: readonly Application['status'][] = ['submitted', 'returned', 'passed', 'failed', 'rejected', 'certified'];

export interface RosterQuery {
  campaignId: string;
  seriesKey?: string | undefined;
  levelKey?: string | undefined;
}

/** documents per store read while streaming: memory stays flat, and FerretDB pages by keyset, so size costs little */
const PAGE = 500;

/** the store query of a roster: its campaign (series, level), listed statuses, the caller's reach, submission order */
export function rosterStoreQuery(user: User, q: RosterQuery): ApplicationQuery {
  return {
    campaignId: q.campaignId,
    ...(q.seriesKey ? { seriesKey: q.seriesKey } : {}),
    ...(q.levelKey ? { levelKey: q.levelKey } : {}),
    statusIn: [...LISTED],
    // an office lists what reached it (it has or had a task on it), filtered in the store
    ...(isAdmin(user) ? {} : { visibleTo: { reachedBy: officeReachOf(user) } }),
    order: 'submitted',
  };
}

/** how many people are on the roster, and one page of them (offset into the submission order) */
export async function rosterPage(store: Store, user: User, q: RosterQuery, offset: number, limit: number): Promise<{ total: number; items: Application[] }> {
  const { total, items } = await store.listApplications({ ...rosterStoreQuery(user, q), offset, limit });
  return { total, items };
}

/** how many people are on the roster */
export async function rosterCount(store: Store, user: User, q: RosterQuery): Promise<number> {
  return (await store.listApplicationSummaries({ ...rosterStoreQuery(user, q), limit: 1 })).total;
}

/**
 * Every listed application the caller may see, each once, in the order people applied. Pages follow a keyset
 * cursor on (submittedAt, id), so an application updated while we read keeps its place; one resubmitted meanwhile
 * moves later and is skipped by id if it was read already.
 */
export async function* rosterApplications(store: Store, user: User, q: RosterQuery, signal?: AbortSignal): AsyncGenerator<Application> {
  const seen = new Set<string>();
  const query = rosterStoreQuery(user, q);
  for (let after: string | undefined, first = true; first || after !== undefined; first = false) {
    // the client went away: stop reading (request.abandoned)
    if (!first) await nextPage(signal);
    const page = await store.listApplications({ ...query, limit: PAGE, ...(after !== undefined ? { after } : {}) });
    for (const app of page.items) {
      if (seen.has(app.id)) continue;
      seen.add(app.id);
      yield app;
    }
    after = page.next;
  }
}
