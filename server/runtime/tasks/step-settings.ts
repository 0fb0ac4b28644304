// A step's task settings as its pinned flow version defines them: the operations it allows and whether an
// opinion is required. What the workbench shows and what the server enforces come from here.
import type { Application } from '../../domain/schema-types.gen.js';
import type { AppDeps } from '../applications/deps.js';

export interface StepSettings {
  operations: string[];
  opinionRequired: boolean;
}

const NONE: StepSettings = { operations: [], opinionRequired: false };

export async function stepSettings(d: AppDeps, app: Application, elementId: string): Promise<StepSettings> {
  const { workflowKey, workflow } = app.pinned;
  if (!workflowKey || !workflow) return NONE;
  const model = await d.runtime.model(workflowKey, workflow);
  const el = model.ok ? model.value.elements[elementId] : undefined;
  if (el?.kind !== 'userTask' || el.voting) return NONE;
  return { operations: el.operations ?? [], opinionRequired: el.opinionRequired === true };
}
