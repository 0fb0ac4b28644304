// The deeper publish checks of each definition kind, beyond its meta-schema.
import type { KindCheck } from '../domain/definitions/publish-checks.js';
import { checkTemplates } from '../domain/documents/index.js';
import { metaCheckForm } from '../domain/forms/index.js';
import { checkMaterials, compileRules, RESERVED_CONTEXT_NAMES } from '../domain/rules/index.js';
import type { LevelDefinition, TemplateDefinition, WorkflowDefinition } from '../domain/schema-types.gen.js';
import { compileWorkflow } from '../domain/workflow/compile.js';
import type { DefinitionKind } from '../store/port.js';
import { ACTION_NAMES } from './actions/names.js';

const workflowCompiles: KindCheck = async (body, source) => {
  const res = await compileWorkflow((body as WorkflowDefinition).xml, { actions: ACTION_NAMES });
  return res.ok ? [] : res.error.details.map((p) => ({ ...p, source }));
};

const levelForm: KindCheck = (body, source) =>
  metaCheckForm((body as LevelDefinition).form, { source, reservedNames: RESERVED_CONTEXT_NAMES, pointerPrefix: '/form' });

const levelRules: KindCheck = (body, source) => {
  const res = compileRules((body as LevelDefinition).rules, { pointerPrefix: '/rules', source });
  return res.ok ? [] : res.error.details;
};

const levelMaterials: KindCheck = (body, source) => checkMaterials((body as LevelDefinition).materials).map((p) => ({ ...p, source }));

const levelTemplates: KindCheck = (body, source) => checkTemplates((body as LevelDefinition).templates ?? {}, { pointerPrefix: '/templates', source });

const sharedTemplate: KindCheck = (body, source) => checkTemplates({ source: (body as TemplateDefinition).source }, { pointerPrefix: '', source });

export function kindChecks(): Partial<Record<DefinitionKind, KindCheck[]>> {
  return {
    workflow: [workflowCompiles],
    level: [levelForm, levelRules, levelMaterials, levelTemplates],
    template: [sharedTemplate],
  };
}
