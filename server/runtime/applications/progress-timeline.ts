// The step timeline of an application's flow, with each step's handler named: the org (or committee)
// its assignment routes to, read from the store. Names only: no person behind a step is given.
import type { Application, CommitteeList } from '../../domain/schema-types.gen.js';
import { progressTimeline, type TimelineStep } from '../../domain/workflow/progress-timeline.js';
import type { AppDeps } from './deps.js';

const APPLICANT_SCOPE = 'applicant';

export async function timelineOf(d: AppDeps, app: Application): Promise<TimelineStep[]> {
  const { workflowKey, workflow } = app.pinned;
  if (!app.workflow || !workflowKey || !workflow) return [];
  const model = await d.runtime.model(workflowKey, workflow);
  if (!model.ok) return [];
  const scopes = new Set(Object.values(model.value.elements).flatMap((el) => (el.kind === 'userTask' ? [el.assignment.scope] : [])));
  const handlers: Record<string, string> = {};
  let committees: CommitteeList | null | undefined;
  for (const scope of scopes) {
    if (scope === APPLICANT_SCOPE) {
      handlers[scope] = '申报人';
      continue;
    }
    const id = app.routing?.[scope];
    if (!id) continue;
    const org = await d.store.getOrg(id);
    if (org) {
      handlers[scope] = org.name;
      continue;
    }
    committees ??= (await d.store.getDefinition<CommitteeList>('committees', 'committees', 'latest'))?.body ?? null;
    const committee = committees?.committees.find((c) => c.id === id);
    if (committee) handlers[scope] = committee.name;
  }
  return progressTimeline(model.value, app.workflow, handlers);
}
