// Answers the cross-reference checks from the store. While seeding, the files about to be published
// count as published (and their orgs as existing): they are checked together, before any is stored.
import type { RefSource, RefState } from '../domain/definitions/cross-refs/index.js';
import type { Org } from '../domain/schema-types.gen.js';
import type { DefinitionKind, Store } from '../store/port.js';

export interface PendingRefs {
  definitions: readonly { kind: DefinitionKind; key: string; body: unknown }[];
  orgs: readonly Org[];
}

export function storeRefs(store: Store, pending?: PendingRefs): RefSource {
  const pendingDef = (kind: DefinitionKind, key: string) => pending?.definitions.find((d) => d.kind === kind && d.key === key);
  return {
    async definition(kind, key): Promise<RefState> {
      const p = pendingDef(kind, key);
      if (p) return { state: 'published', body: p.body };
      const latest = await store.getDefinition(kind, key, 'latest');
      if (latest) return { state: 'published', body: latest.body, version: latest.version };
      return (await store.getDefinition(kind, key, 'draft')) ? { state: 'draft' } : { state: 'missing' };
    },
    async published(kind) {
      const out = new Map<string, unknown>();
      for (const s of await store.listDefinitions(kind)) {
        if (s.latestVersion < 1) continue;
        const rec = await store.getDefinition(kind, s.key, 'latest');
        if (rec) out.set(s.key, rec.body);
      }
      for (const d of pending?.definitions ?? []) if (d.kind === kind) out.set(d.key, d.body);
      return [...out].map(([key, body]) => ({ key, body }));
    },
    async org(id) {
      return pending?.orgs.find((o) => o.id === id) ?? (await store.getOrg(id));
    },
  };
}
