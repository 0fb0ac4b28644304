// The deeper publish checks of each definition kind, beyond its meta-schema.
import type { KindCheck } from '../domain/definitions/publish-checks.js';
import type { WorkflowDefinition } from '../domain/schema-types.gen.js';
import { compileWorkflow } from '../domain/workflow/compile.js';
import type { DefinitionKind } from '../store/port.js';
import { ACTION_NAMES } from './actions/names.js';

const workflowCompiles: KindCheck = async (body, source) => {
  const res = await compileWorkflow((body as WorkflowDefinition).xml, { actions: ACTION_NAMES });
  return res.ok ? [] : res.error.details.map((p) => ({ ...p, source }));
};

export function kindChecks(): Partial<Record<DefinitionKind, KindCheck[]>> {
  return { workflow: [workflowCompiles] };
}
