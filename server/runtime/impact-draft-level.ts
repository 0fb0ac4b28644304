// A level body being edited in the designer, compiled as a stored version would be — never stored. What the
// 试算 and the impact preview run: it is measured by the same bounds before anything parses it, its policy
// modules are expanded as publishing it now would pin them (resolveLevelRules 'latest'), and a rule that does
// not compile comes back as Chinese problems at the level's own pointers (/rules/paths/0/conditions/1/expr, or
// the `use` entry of a module), so the editor shows each at its condition.
import { checkDefinitionBounds } from '../domain/definitions/bounds.js';
import { compileForm, type FormValidator } from '../domain/forms/index.js';
import { fail, ok, type Result } from '../domain/result.js';
import { compileRules } from '../domain/rules/index.js';
import { locateProblem, type ExpandedRules } from '../domain/rules/rule-modules.js';
import type { LevelDefinition } from '../domain/schema-types.gen.js';
import type { CompiledLevel } from './levels.js';
import { resolveLevelRules, type ModuleStore } from './rule-modules.js';

/** the version a draft reports: 0, as the store numbers drafts */
export const DRAFT_VERSION = 0;

export interface DraftLevel {
  level: CompiledLevel;
  /** where each expanded path and condition came from (the level's entry, the module's) */
  origins: ExpandedRules['origins'];
}

/**
 * `modules`: where policy modules are read (the store, or the store with a module's draft in place);
 * `form`: the level's form already compiled, when the body is a published version's (a module's impact)
 */
export async function compileDraftLevel(modules: ModuleStore, key: string, body: unknown, compiledForm?: FormValidator): Promise<Result<DraftLevel>> {
  const bounded = checkDefinitionBounds('level', key, body);
  if (!bounded.ok) return bounded;
  // the route's schema has checked `rules` against the level schema; the rest is the editor's work in progress
  const def = body as LevelDefinition;
  const source = `level/${key}@draft`;
  const form = compiledForm ? ok(compiledForm) : compileForm(def.form, source);
  if (!form.ok) return fail(form.error.code, form.error.message, form.error.details.map((p) => ({ ...p, pointer: `/form${p.pointer ?? ''}` })));
  const expanded = await resolveLevelRules(modules, def.rules, 'latest');
  if (!expanded.ok) return expanded;
  // given the form, every name a condition reads is checked too (a field the form does not have is named)
  const rules = compileRules(expanded.value.rules, { pointerPrefix: '/rules', source, form: def.form });
  if (!rules.ok) return fail(rules.error.code, rules.error.message, rules.error.details.map((p) => locateProblem(p, expanded.value)));
  const compiled: CompiledLevel = { key, version: DRAFT_VERSION, def: { ...def, rules: expanded.value.rules as LevelDefinition['rules'] }, form: form.value, rules: rules.value, decisions: new Map() };
  return ok({ level: compiled, origins: expanded.value.origins });
}
