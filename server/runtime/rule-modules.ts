// The store-backed side of policy modules (政策规则模块): load the module versions a level's rules
// reference, expand them (domain/rules/rule-modules.ts), pin them at publish, find who uses a module.
//
// API (other runtime code and the impact preview import these):
//
//   resolveLevelRules(store, rules, mode, opts?) → Promise<Result<ExpandedRules>>
//     mode 'pinned': every `use` entry expands to the version it names — what a published level runs
//                    (an entry without a version, as in a draft, takes the latest published version);
//     mode 'latest': every entry expands to the latest published version, whatever it names — what the
//                    level would run if republished now (试算 of a draft, impact preview, publish checks).
//     ok: { rules (a plain RulesDef: compile and evaluate it as before), modules [{key, version, name}],
//           origins (expanded pointer → level pointer / module), problems [] }
//     fail: 'definition.invalid' with a Chinese problem at the pointer of each `use` entry that names a
//           missing or unpublished module, a version that does not exist or a condition the module lacks.
//     opts.pointerPrefix: where `rules` sits in the body (default '/rules').
//
//   pinLevelModules(store, level) → Promise<level>: the level body with every `use` entry stamped with the
//     latest published version of its module (Definitions.publish calls it; entries of unknown modules stay
//     as they are and the publish checks refuse them).
//
//   levelsUsingModule(store, moduleKey) → Promise<ModuleUser[]>: every level whose latest published version
//     references the module, with that level version and the module versions it pins.
import { expandRules, moduleUses, pinRules, type ExpandedRules, type ModuleVersion, type PolicyModuleBody, type RulesWithModules } from '../domain/rules/rule-modules.js';
import type { Result } from '../domain/result.js';
import type { Store } from '../store/port.js';

export type ModuleStore = Pick<Store, 'getDefinition' | 'listDefinitions'>;
export type ResolveMode = 'pinned' | 'latest';

export interface ModuleUser {
  levelKey: string;
  levelVersion: number;
  /** the versions of the module this level version pins (usually one) */
  pinned: number[];
}

/** loads every module version the rules may need, keyed `key@version` and `key@latest` */
async function loadModules(store: ModuleStore, rules: RulesWithModules, mode: ResolveMode): Promise<Map<string, ModuleVersion>> {
  const found = new Map<string, ModuleVersion>();
  for (const u of moduleUses(rules)) {
    const wanted: number | 'latest' = mode === 'pinned' && u.version !== undefined ? u.version : 'latest';
    const k = `${u.key}@${wanted}`;
    if (found.has(k)) continue;
    const rec = await store.getDefinition<PolicyModuleBody>('policy', u.key, wanted);
    if (rec) found.set(k, { key: u.key, version: rec.version, body: rec.body });
    // a missing pinned version still tells the problem apart from a missing module
    if (!rec && wanted !== 'latest' && !found.has(`${u.key}@latest`)) {
      const latest = await store.getDefinition<PolicyModuleBody>('policy', u.key, 'latest');
      if (latest) found.set(`${u.key}@latest`, { key: u.key, version: latest.version, body: latest.body });
    }
  }
  return found;
}

export async function resolveLevelRules(
  store: ModuleStore,
  rules: RulesWithModules,
  mode: ResolveMode,
  opts: { pointerPrefix?: string } = {},
): Promise<Result<ExpandedRules>> {
  const found = await loadModules(store, rules, mode);
  return expandRules(
    rules,
    (key, version) => found.get(`${key}@${mode === 'pinned' && version !== undefined ? version : 'latest'}`),
    opts.pointerPrefix ?? '/rules',
  );
}

export async function pinLevelModules<L extends { rules: RulesWithModules }>(store: ModuleStore, level: L): Promise<L> {
  const uses = moduleUses(level.rules);
  if (uses.length === 0) return level;
  const latest = new Map<string, number>();
  for (const key of new Set(uses.map((u) => u.key))) {
    const rec = await store.getDefinition('policy', key, 'latest');
    if (rec) latest.set(key, rec.version);
  }
  return { ...level, rules: pinRules(level.rules, (key) => latest.get(key)) };
}

export async function levelsUsingModule(store: ModuleStore, moduleKey: string): Promise<ModuleUser[]> {
  const out: ModuleUser[] = [];
  for (const s of await store.listDefinitions('level')) {
    if (s.latestVersion < 1) continue;
    const rec = await store.getDefinition<{ rules: RulesWithModules }>('level', s.key, 'latest');
    if (!rec) continue;
    const uses = moduleUses(rec.body.rules).filter((u) => u.key === moduleKey);
    if (uses.length === 0) continue;
    out.push({ levelKey: s.key, levelVersion: rec.version, pinned: [...new Set(uses.flatMap((u) => (u.version === undefined ? [] : [u.version])))].sort((a, b) => a - b) });
  }
  return out;
}
