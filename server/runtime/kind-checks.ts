// The deeper publish checks of each definition kind, beyond its meta-schema. References to other
// definitions and orgs are checked apart (domain/definitions/cross-refs), with the store's help.
import { calendarProblems } from '../domain/definitions/checks/calendar.js';
import { campaignProblems } from '../domain/definitions/checks/campaign.js';
import { committeesProblems } from '../domain/definitions/checks/committees.js';
import { levelFieldProblems } from '../domain/definitions/checks/level-fields.js';
import { seriesProblems } from '../domain/definitions/checks/series.js';
import type { KindCheck } from '../domain/definitions/publish-checks.js';
import { checkTemplates } from '../domain/documents/index.js';
import { metaCheckForm } from '../domain/forms/index.js';
import { unsafePatterns } from '../domain/forms/pattern-check.js';
import { checkMaterials, compileRules, RESERVED_CONTEXT_NAMES } from '../domain/rules/index.js';
import { rulesNames } from '../domain/rules/context-shape.js';
import { checkFeelStatically } from '../domain/rules/feel-static.js';
import { usesModules, type PolicyModuleBody } from '../domain/rules/rule-modules.js';
import { policyModuleProblems } from '../domain/rules/rule-modules-check.js';
import type { RulesDef } from '../domain/rules/types.js';
import type { Campaign, CommitteeList, HolidayCalendarDoc, LevelDefinition, Series, TemplateDefinition, WorkflowDefinition } from '../domain/schema-types.gen.js';
import { compileWorkflow } from '../domain/workflow/compile.js';
import type { DefinitionKind } from '../store/port.js';
import { ACTION_NAMES } from './actions/names.js';

const withSource = <T extends object>(list: T[], source: string) => list.map((p) => ({ ...p, source }));

const workflowCompiles: KindCheck = async (body, source) => {
  const res = await compileWorkflow((body as WorkflowDefinition).xml, { actions: ACTION_NAMES });
  return res.ok ? [] : res.error.details.map((p) => ({ ...p, source }));
};

const levelForm: KindCheck = (body, source) =>
  metaCheckForm((body as LevelDefinition).form, { source, reservedNames: RESERVED_CONTEXT_NAMES, pointerPrefix: '/form' });

/** syntax, and (given the form) every name, function and true/false result */
const levelRules: KindCheck = (body, source) => {
  const level = body as LevelDefinition;
  // rules that use policy modules are checked expanded, with the modules, among the cross-references
  if (usesModules(level.rules)) return [];
  const res = compileRules(level.rules as RulesDef, { pointerPrefix: '/rules', source, form: level.form });
  return res.ok ? [] : res.error.details;
};

const levelMaterials: KindCheck = (body, source) => {
  const level = body as LevelDefinition;
  const problems = checkMaterials(level.materials);
  const names = rulesNames(level.form);
  level.materials.forEach((m, i) => {
    const pointer = `/materials/${i}/requiredWhen`;
    if (m.requiredWhen === undefined || problems.some((p) => p.pointer === pointer)) return;
    for (const f of checkFeelStatically(m.requiredWhen, names, { expectBoolean: true })) problems.push({ ...f, pointer });
  });
  return withSource(problems, source);
};

const levelFields: KindCheck = (body, source) => withSource(levelFieldProblems(body as LevelDefinition), source);

/** decision forms validate on RE2 too: a pattern it cannot run is refused here, not when the level loads */
const levelDecisionPatterns: KindCheck = (body, source) =>
  Object.entries((body as LevelDefinition).decisions ?? {}).flatMap(([name, schema]) =>
    unsafePatterns(schema).map((p) => ({ ...p, pointer: `/decisions/${name.replace(/~/g, '~0').replace(/\//g, '~1')}${p.pointer ?? ''}`, source })),
  );

const levelTemplates: KindCheck = (body, source) => checkTemplates((body as LevelDefinition).templates ?? {}, { pointerPrefix: '/templates', source });

const sharedTemplate: KindCheck = (body, source) => checkTemplates({ source: (body as TemplateDefinition).source }, { pointerPrefix: '', source });

export function kindChecks(): Partial<Record<DefinitionKind, KindCheck[]>> {
  return {
    workflow: [workflowCompiles],
    level: [levelForm, levelRules, levelMaterials, levelFields, levelDecisionPatterns, levelTemplates],
    template: [sharedTemplate],
    policy: [(body, source) => withSource(policyModuleProblems(body as PolicyModuleBody), source)],
    campaign: [(body, source) => withSource(campaignProblems(body as Campaign), source)],
    committees: [(body, source) => withSource(committeesProblems(body as CommitteeList), source)],
    series: [(body, source) => withSource(seriesProblems(body as Series), source)],
    calendar: [(body, source) => withSource(calendarProblems(body as HolidayCalendarDoc), source)],
  };
}
