// Reads a campaign's application summaries (domain/applications/summary.ts, kept by the store beside each
// document) by keyset pages of 1,000, never a whole document: no form, materials or flow state is parsed, so a
// campaign of 100k costs its summaries. Each is turned into the dashboard's few words (app-summary.ts).
import type { ApplicationSummary } from '../../domain/applications/summary.js';
import type { AppDeps } from '../applications/deps.js';
import type { AppSummary } from './app-summary.js';
import { leagueNameOf } from './league-of.js';
import type { Names } from './names.js';
import { nextPage } from '../next-page.js';

const PAGE = 1000;

/** the same name asked once per request: tens of thousands of applications share a few steps, paths and orgs */
function remembered<A extends unknown[], R>(fn: (...a: A) => R): (...a: A) => R {
  const seen = new Map<string, R>();
  return (...a) => {
    const key = a.join('\u0000');
    if (!seen.has(key)) seen.set(key, fn(...a));
    return seen.get(key) as R;
  };
}

function summarizer(names: Names): (s: ApplicationSummary) => Promise<AppSummary> {
  const step = remembered(names.step);
  const path = remembered(names.path);
  const league = remembered((orgId: string | undefined) => leagueNameOf(orgId, names.orgs));
  const handler = remembered((role: string, orgId: string) => (role === 'applicant' ? '申报人' : names.org(orgId)));
  return async (s) => {
    const steps = s.openTasks.map((t) => t.name);
    const { workflowKey, workflow } = s.pinned;
    // a flow waiting at something other than a task (公示 timer, a message) waits at a step too
    if (workflowKey && workflow) for (const elementId of s.waitingAt) steps.push(await step(workflowKey, workflow, elementId));
    return {
      status: s.status,
      steps,
      // the applicant's unit (set at submit together with the routing, whose unit it is)
      league: league(s.orgId),
      series: names.series(s.seriesKey),
      level: names.level(s.seriesKey, s.levelKey),
      committee: names.committee(s.committeeId),
      path: await path(s.levelKey, s.pinned.level, s.pathId),
      applicantName: s.applicantName,
      openTasks: s.openTasks.map((t) => ({ name: t.name, handler: handler(t.role, t.orgId), ...(t.dueAt ? { dueAt: t.dueAt } : {}) })),
    };
  };
}

/** every application of the campaign (routed through one of `orgs` when given), as summaries */
export async function loadSummaries(d: AppDeps, names: Names, campaignId: string, orgs: string[] | null, signal?: AbortSignal): Promise<AppSummary[]> {
  const out: AppSummary[] = [];
  const summaryOf = summarizer(names);
  let after: string | undefined;
  for (;;) {
    const page = await d.store.listApplicationSummaries({ campaignId, ...(orgs ? { routedThrough: orgs } : {}), limit: PAGE, ...(after !== undefined ? { after } : {}) });
    for (const s of page.items) out.push(await summaryOf(s));
    if (page.next === undefined) return out;
    after = page.next;
    // the client went away: stop reading (request.abandoned)
    await nextPage(signal);
  }
}
