// A published level version, compiled once: its form validator, its rules, its decision forms.
// Versions are immutable, so nothing here ever goes stale.
import { checkDefinitionBounds } from '../domain/definitions/bounds.js';
import { compileForm, type FormValidator } from '../domain/forms/index.js';
import { fail, ok, type Result } from '../domain/result.js';
import { compileRules, type CompiledRules } from '../domain/rules/index.js';
import type { LevelDefinition } from '../domain/schema-types.gen.js';
import type { Store } from '../store/port.js';
import { resolveLevelRules } from './rule-modules.js';

export interface CompiledLevel {
  key: string;
  version: number;
  def: LevelDefinition;
  form: FormValidator;
  rules: CompiledRules;
  decisions: Map<string, FormValidator>;
}

export class LevelCache {
  private readonly entries = new Map<string, Promise<Result<CompiledLevel>>>();

  constructor(private readonly store: Store) {}

  /** version 'latest' resolves to a number first, so the cache only holds immutable versions */
  async get(key: string, version: number | 'latest'): Promise<Result<CompiledLevel>> {
    let v = version;
    if (v === 'latest') {
      const rec = await this.store.getDefinition('level', key, 'latest');
      if (!rec) return fail('level.not_found', `职称层级定义 ${key} 不存在或尚未发布`);
      v = rec.version;
    }
    const k = `${key}@${v}`;
    let hit = this.entries.get(k);
    if (!hit) {
      hit = this.compile(key, v);
      this.entries.set(k, hit);
      if (this.entries.size > 500) this.entries.delete(this.entries.keys().next().value ?? k);
    }
    const res = await hit;
    if (!res.ok) this.entries.delete(k);
    return res;
  }

  private async compile(key: string, version: number): Promise<Result<CompiledLevel>> {
    const rec = await this.store.getDefinition<LevelDefinition>('level', key, version);
    if (!rec) return fail('level.not_found', `职称层级定义 ${key} 第 ${version} 版不存在`);
    // a version stored before the bounds existed is measured before it is compiled
    const bounded = checkDefinitionBounds('level', key, rec.body);
    if (!bounded.ok) return bounded;
    const form = compileForm(rec.body.form, `level/${key}@${version}`);
    if (!form.ok) return form;
    // the policy modules at the versions this level version was published with
    const expanded = await resolveLevelRules(this.store, rec.body.rules, 'pinned');
    if (!expanded.ok) return expanded;
    const def: LevelDefinition = { ...rec.body, rules: expanded.value.rules as LevelDefinition['rules'] };
    const rules = compileRules(expanded.value.rules, { source: `level/${key}@${version}` });
    if (!rules.ok) return rules;
    const decisions = new Map<string, FormValidator>();
    for (const [formKey, schema] of Object.entries(def.decisions ?? {})) {
      const v = compileForm(schema, `level/${key}@${version}#${formKey}`);
      if (!v.ok) return v;
      decisions.set(formKey, v.value);
    }
    return ok({ key, version, def, form: form.value, rules: rules.value, decisions });
  }
}
