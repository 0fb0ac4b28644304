// What the workbench needs to offer a task's operations: those its step allows (none while it is delegated to
// this person or is a co-review, which are answered instead), whether an opinion is required, and the answers
// of delegates and co-reviewers by name.
import type { Application } from '../../domain/schema-types.gen.js';
import type { OpenTask } from '../../domain/workflow/state.js';
import type { AppDeps } from '../applications/deps.js';
import { stepSettings } from './step-settings.js';

export interface TaskOpsView {
  operations: string[];
  opinionRequired: boolean;
  /** 委派: this task was delegated to the viewer by this person (they answer with 委派退回) */
  delegatedByName?: string;
  /** 加签: this task is a co-review (answered with 加签答复) */
  cosign?: boolean;
  /** a co-review asked on this task is not answered yet */
  cosignPending?: boolean;
  opinions: { kind: 'delegate' | 'cosign'; name: string; opinion: string; at: string }[];
}

export async function taskOpsView(d: AppDeps, app: Application, task: OpenTask | undefined): Promise<TaskOpsView> {
  if (!task) return { operations: [], opinionRequired: false, opinions: [] };
  const settings = await stepSettings(d, app, task.elementId);
  const nameOf = async (id: string): Promise<string> => (await d.store.getUser(id))?.name ?? '同事';
  const answering = task.delegatedBy !== undefined || task.cosignOf !== undefined;
  return {
    operations: answering ? [] : settings.operations,
    opinionRequired: !answering && settings.opinionRequired,
    ...(task.delegatedBy !== undefined ? { delegatedByName: await nameOf(task.delegatedBy) } : {}),
    ...(task.cosignOf !== undefined ? { cosign: true } : {}),
    ...(app.workflow?.openTasks.some((t) => t.cosignOf === task.id) ? { cosignPending: true } : {}),
    opinions: await Promise.all((task.opinions ?? []).map(async (o) => ({ kind: o.kind, name: await nameOf(o.userId), opinion: o.opinion, at: o.at }))),
  };
}
