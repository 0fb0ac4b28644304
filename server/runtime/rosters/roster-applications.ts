// The applications on a roster (花名册), all of them, read page by page: the same people for the printable
// roster, its Excel file and the roster page (access as before: an office lists what the flow brought to it).
import { isAdmin, officeReachOf } from '../../auth/access-rules.js';
import type { Application, User } from '../../domain/schema-types.gen.js';
import type { Store } from '../../store/port.js';
import { nextPage } from '../next-page.js';

/** drafts and withdrawn applications are not on a roster */
export const LISTED: ReadonlySet<Application['status']> = new Set(['submitted', 'returned', 'passed', 'failed', 'rejected', 'certified']);

export interface RosterQuery {
  campaignId: string;
  seriesKey?: string | undefined;
  levelKey?: string | undefined;
}

/** large pages: FerretDB sorts and skips every matching document for each page, so few pages are much faster */
const PAGE = 2000;

/**
 * Every listed application the caller may see, each once. The store pages newest-updated first, so an application
 * updated while we read moves to the front: later pages then repeat one already read (skipped by id), and none
 * is missed except ones that reached the caller after the export began.
 */
export async function* rosterApplications(store: Store, user: User, q: RosterQuery, signal?: AbortSignal): AsyncGenerator<Application> {
  const seen = new Set<string>();
  for (let offset = 0; ; offset += PAGE) {
    // the client went away: stop reading (request.abandoned)
    if (offset > 0) await nextPage(signal);
    const { items } = await store.listApplications({
      campaignId: q.campaignId,
      ...(q.seriesKey ? { seriesKey: q.seriesKey } : {}),
      ...(q.levelKey ? { levelKey: q.levelKey } : {}),
      // an office lists what reached it (it has or had a task on it), filtered in the store
      ...(isAdmin(user) ? {} : { visibleTo: { reachedBy: officeReachOf(user) } }),
      offset,
      limit: PAGE,
    });
    for (const app of items) {
      if (seen.has(app.id)) continue;
      seen.add(app.id);
      if (LISTED.has(app.status)) yield app;
    }
    if (items.length < PAGE) return;
  }
}

/** a roster is in the order people applied */
export const bySubmission = (a: { submittedAt?: string | undefined }, b: { submittedAt?: string | undefined }): number =>
  (a.submittedAt ?? '').localeCompare(b.submittedAt ?? '');
