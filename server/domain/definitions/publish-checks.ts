// Publishing validates the whole definition and lists every problem at once.
// Each kind has its own checks beside the meta-schema; they are passed in so this file
// stays free of the heavy modules (BPMN, FEEL, Handlebars) and easy to test.
import type { DefinitionKind } from '../../store/port.js';
import type { Problem } from '../result.js';
import { crossRefProblems, type RefSource } from './cross-refs/index.js';
import type { MetaValidator } from './meta-validator.js';

export type KindCheck = (body: unknown, source: string) => Promise<Problem[]> | Problem[];

export interface PublishCheckDeps {
  meta: MetaValidator;
  /** extra checks by kind: BPMN compile for workflows, form/rules/templates for levels */
  byKind: Partial<Record<DefinitionKind, KindCheck[]>>;
}

const SCHEMA_OF: Record<DefinitionKind, Parameters<MetaValidator['validate']>[0]> = {
  series: 'series',
  level: 'level',
  workflow: 'workflow',
  template: 'template',
  calendar: 'calendar',
  committees: 'committees',
  campaign: 'campaign',
  policy: 'policy',
};

/**
 * Every problem of a definition: its meta-schema, then its kind's own checks and, given `refs`,
 * its references to other definitions and orgs (the same for a first version as for any later one).
 */
export async function publishProblems(kind: DefinitionKind, key: string, body: unknown, deps: PublishCheckDeps, refs?: RefSource): Promise<Problem[]> {
  const source = `${kind}/${key}`;
  const problems = deps.meta.validate(SCHEMA_OF[kind], body, source);
  // deeper checks assume the shape holds; with a broken shape they would only add noise
  if (problems.length > 0) return problems;
  for (const check of deps.byKind[kind] ?? []) problems.push(...(await check(body, source)));
  if (refs) for (const p of await crossRefProblems(kind, key, body, refs)) problems.push({ ...p, source });
  return problems;
}
