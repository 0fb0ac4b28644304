// Reads a campaign's applications page by page (no cap: every page is read and dropped) and keeps a summary
// of each, so a large campaign holds a few hundred full documents in memory at a time, never all of them.
import type { Application } from '../../domain/schema-types.gen.js';
import type { AppDeps } from '../applications/deps.js';
import type { AppSummary } from './app-summary.js';
import { leagueNameOf } from './league-of.js';
import type { Names } from './names.js';
import { nextPage } from '../next-page.js';

const PAGE = 200;

async function summaryOf(app: Application, names: Names): Promise<AppSummary> {
  const steps = app.openTasks.map((t) => t.name);
  const { workflowKey, workflow } = app.pinned;
  // a flow waiting at something other than a task (公示 timer, a message) waits at a step too
  for (const token of app.workflow?.tokens ?? []) {
    if (token.wait !== 'task' && workflowKey && workflow) steps.push(await names.step(workflowKey, workflow, token.elementId));
  }
  return {
    status: app.status,
    steps,
    league: leagueNameOf(app.orgId ?? app.routing?.['unit'], names.orgs),
    series: names.series(app.seriesKey),
    level: names.level(app.seriesKey, app.levelKey),
    committee: names.committee(app.committeeId),
    path: await names.path(app.levelKey, app.pinned.level, app.pathId),
    applicantName: app.applicantName,
    openTasks: app.openTasks.map((t) => ({ name: t.name, handler: t.role === 'applicant' ? '申报人' : names.org(t.orgId), ...(t.dueAt ? { dueAt: t.dueAt } : {}) })),
  };
}

/** every application of the campaign (routed through one of `orgs` when given), as summaries */
export async function loadSummaries(d: AppDeps, names: Names, campaignId: string, orgs: string[] | null, signal?: AbortSignal): Promise<AppSummary[]> {
  const out: AppSummary[] = [];
  for (let offset = 0; ; offset += PAGE) {
    // the client went away: stop reading (request.abandoned)
    if (offset > 0) await nextPage(signal);
    const page = await d.store.listApplications({ campaignId, ...(orgs ? { routedThrough: orgs } : {}), offset, limit: PAGE });
    for (const app of page.items) out.push(await summaryOf(app, names));
    if (page.items.length < PAGE || offset + PAGE >= page.total) return out;
  }
}
