// Impact preview of a policy module's draft: every level whose latest published version uses the module,
// compiled as it would be if republished now with the draft in the module's place (the other modules as
// published). A level the draft breaks (a condition it references was removed) is reported with its
// problems instead of being examined. Nothing is stored.
import type { Problem } from '../domain/result.js';
import type { PolicyModuleBody } from '../domain/rules/rule-modules.js';
import type { DefinitionRecord } from '../store/port.js';
import { compileDraftLevel, DRAFT_VERSION, type DraftLevel } from './impact-draft-level.js';
import type { LevelCache } from './levels.js';
import { levelsUsingModule, type ModuleStore } from './rule-modules.js';

export interface ImpactLevel {
  key: string;
  draft?: DraftLevel;
  /** why this level cannot be examined with the draft */
  problems?: Problem[];
}

/** the store as the resolver reads it, with the module's draft answered for every version asked */
export function withDraftModule(store: ModuleStore, moduleKey: string, body: PolicyModuleBody): ModuleStore {
  const draft = (): DefinitionRecord<PolicyModuleBody> => ({ kind: 'policy', key: moduleKey, version: DRAFT_VERSION, status: 'draft', body, hash: '', createdAt: '', createdBy: '' });
  return {
    listDefinitions: (kind) => store.listDefinitions(kind),
    getDefinition: async <B>(kind: Parameters<ModuleStore['getDefinition']>[0], key: string, version: number | 'latest' | 'draft') =>
      kind === 'policy' && key === moduleKey ? (draft() as unknown as DefinitionRecord<B>) : store.getDefinition<B>(kind, key, version),
  };
}

export async function levelsWithDraftModule(d: { store: ModuleStore; levels: LevelCache }, moduleKey: string, body: PolicyModuleBody): Promise<ImpactLevel[]> {
  const { store } = d;
  const modules = withDraftModule(store, moduleKey, body);
  const out: ImpactLevel[] = [];
  const users = (await levelsUsingModule(store, moduleKey)).sort((a, b) => a.levelKey.localeCompare(b.levelKey));
  for (const u of users) {
    const rec = await store.getDefinition('level', u.levelKey, 'latest');
    if (!rec) continue;
    // the form is the published one: compiled once in the level cache, not again per preview
    const published = await d.levels.get(u.levelKey, rec.version);
    const draft = await compileDraftLevel(modules, u.levelKey, rec.body, published.ok ? published.value.form : undefined);
    out.push(draft.ok ? { key: u.levelKey, draft: draft.value } : { key: u.levelKey, problems: draft.error.details.length > 0 ? draft.error.details : [{ code: draft.error.code, message: draft.error.message }] });
  }
  return out;
}
