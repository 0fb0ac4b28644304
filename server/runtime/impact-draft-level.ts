// A level body being edited in the designer, compiled as a stored version would be — never stored. What the
// 试算 and the impact preview run: it is measured by the same bounds before anything parses it, and a rule
// that does not compile comes back as Chinese problems at their pointers (/rules/paths/0/conditions/1/expr),
// so the editor shows each at its condition.
import { checkDefinitionBounds } from '../domain/definitions/bounds.js';
import { compileForm } from '../domain/forms/index.js';
import { fail, ok, type Result } from '../domain/result.js';
import { compileRules, type RulesDef } from '../domain/rules/index.js';
import type { LevelDefinition } from '../domain/schema-types.gen.js';
import type { CompiledLevel } from './levels.js';

const isRef = (x: object): boolean => 'use' in x;

/** the rules as compileRules reads them, once no entry refers to a policy module ({use}); else where one does */
function plainRules(rules: LevelDefinition['rules']): Result<RulesDef> {
  const at: string[] = [];
  rules.paths.forEach((p, i) => {
    if (isRef(p)) at.push(`/rules/paths/${i}`);
    else if ('conditions' in p) p.conditions.forEach((c, j) => isRef(c) && at.push(`/rules/paths/${i}/conditions/${j}`));
  });
  (rules.blocks ?? []).forEach((b, i) => isRef(b) && at.push(`/rules/blocks/${i}`));
  if (at.length > 0) return fail('rules.invalid', '规则引用的政策规则模块未能展开', at.map((pointer) => ({ code: 'rules.module_unresolved', message: '引用的政策规则模块未能展开', pointer })));
  return ok(rules as RulesDef);
}

/** the version a draft reports: 0, as the store numbers drafts */
export const DRAFT_VERSION = 0;

export function compileDraftLevel(key: string, body: unknown): Result<CompiledLevel> {
  const bounded = checkDefinitionBounds('level', key, body);
  if (!bounded.ok) return bounded;
  // the route's schema has checked `rules` against the level schema; the rest is the editor's work in progress
  const def = body as LevelDefinition;
  const source = `level/${key}@draft`;
  const form = compileForm(def.form, source);
  if (!form.ok) return fail(form.error.code, form.error.message, form.error.details.map((p) => ({ ...p, pointer: `/form${p.pointer ?? ''}` })));
  // given the form, every name a condition reads is checked too (a field the form does not have is named)
  const plain = plainRules(def.rules);
  if (!plain.ok) return plain;
  const rules = compileRules(plain.value, { pointerPrefix: '/rules', source, form: def.form });
  if (!rules.ok) return rules;
  return ok({ key, version: DRAFT_VERSION, def, form: form.value, rules: rules.value, decisions: new Map() });
}
