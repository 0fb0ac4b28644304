// The seeded levels' rules as they run: their policy module references (seeds/policies/) expanded, for specs
// that walk every seeded condition. The modules are read from the seed files (all at version 1).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../server/config.js';
import { expandRules, type PolicyModuleBody, type RulesWithModules } from '../../server/domain/rules/rule-modules.js';
import type { RulesDef } from '../../server/domain/rules/types.js';

let modules: Map<string, PolicyModuleBody> | undefined;

function seededModules(): Map<string, PolicyModuleBody> {
  if (!modules) {
    const dir = join(REPO_ROOT, 'seeds/policies');
    modules = new Map(
      readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => {
          const body = JSON.parse(readFileSync(join(dir, f), 'utf8')) as PolicyModuleBody;
          return [body.key, body];
        }),
    );
  }
  return modules;
}

/** a seeded level's rules with every module reference expanded; throws when one cannot be */
export function expandSeededRules<R = RulesDef>(rules: unknown): R {
  const res = expandRules(rules as RulesWithModules, (key) => {
    const body = seededModules().get(key);
    return body && { key, version: 1, body };
  });
  if (!res.ok) throw new Error(`seeded rules do not expand: ${res.error.details.map((p) => `${p.pointer} ${p.message}`).join('; ')}`);
  return res.value.rules as R;
}
