// Who a flow has reached: every task it ever created is addressed to a (role, org) pool, or to one person
// (an expert's ballot). The engine records the address of each task in the state (`reached`), so "the flow has
// reached this office" and "this expert sits in this vote" are exact and survive the task being done.
import type { Application } from '../schema-types.gen.js';

/** the address of a task: `role@org`, or `role@org#person` for a task only that person may do */
export function reachKey(t: { role: string; orgId: string; assignee?: string | undefined }): string {
  return t.assignee === undefined ? `${t.role}@${t.orgId}` : `${t.role}@${t.orgId}#${t.assignee}`;
}

/** every address a task of this application has or had; the stores index it so lists filter in the query */
export function reachOf(app: Pick<Application, 'workflow' | 'openTasks'>): string[] {
  const keys = new Set(app.workflow?.reached ?? []);
  // applications whose flow state predates `reached` still count their open tasks
  for (const t of app.openTasks) keys.add(reachKey(t));
  return [...keys];
}
