// The seeds re-expressed with the policy library (政策规则模块): every shared rule exists once, in
// seeds/policies/, and every seeded level still runs exactly the rules it had before (the fixture beside
// this spec is the 19 levels' rules as they were written out copy by copy).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/auth/password.js';
import { REPO_ROOT } from '../../server/config.js';
import { FakeClock } from '../../server/domain/clock.js';
import { moduleUses, type RulesWithModules } from '../../server/domain/rules/rule-modules.js';
import { createPlatform, type Platform } from '../../server/runtime/platform.js';
import { resolveLevelRules } from '../../server/runtime/rule-modules.js';
import { loadSeeds } from '../../server/runtime/seeds/load-seeds.js';
import type { Store } from '../../server/store/port.js';
import { openSqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import { tempDir } from '../support/temp-dir.js';

const BEFORE = JSON.parse(readFileSync(join(import.meta.dirname, 'level-rules-before-policy-library.fixture.json'), 'utf8')) as Record<string, unknown>;
const seedFiles = (dir: string) => readdirSync(join(REPO_ROOT, 'seeds', dir)).filter((f) => f.endsWith('.json')).map((f) => `seeds/${dir}/${f}`);

/** every FEEL condition expression (`expr` of a block or a path condition) in a body */
function exprsOf(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => exprsOf(v, out));
  else if (typeof value === 'object' && value !== null) {
    const o = value as Record<string, unknown>;
    if (typeof o.expr === 'string') out.push(o.expr);
    Object.values(o).forEach((v) => exprsOf(v, out));
  }
  return out;
}

describe('seeded levels on the policy library', () => {
  const dir = tempDir('zc-policy-seeds-');
  let store: Store;
  let platform: Platform;
  beforeAll(async () => {
    store = openSqliteStore(dir.path);
    const clock = new FakeClock('2022-05-01T00:00:00.000Z');
    platform = createPlatform({ root: REPO_ROOT, store, clock });
    await loadSeeds({ root: REPO_ROOT, store, clock, meta: platform.meta, definitions: platform.definitions, hashPassword: (pw) => hashPassword(pw, 1024) });
  }, 180_000);
  afterAll(async () => {
    await store.close();
    dir.remove();
  });

  it('each seeded level, published, pins version 1 of the modules it uses and expands to exactly its former rules', async () => {
    const levels = (await store.listDefinitions('level')).map((s) => s.key).sort();
    expect(levels).toEqual(Object.keys(BEFORE).sort());
    for (const key of levels) {
      const rec = await store.getDefinition<{ rules: RulesWithModules }>('level', key, 'latest');
      const uses = moduleUses(rec!.body.rules);
      expect(uses.length, key).toBeGreaterThan(0);
      expect(uses.every((u) => u.version === 1), key).toBe(true);
      const expanded = await resolveLevelRules(store, rec!.body.rules, 'pinned');
      expect(expanded.ok && expanded.value.rules, key).toEqual(BEFORE[key]);
      // what the runtime runs: the level cache compiles the expanded rules
      const compiled = await platform.levels.get(key, 'latest');
      expect(compiled.ok, key).toBe(true);
    }
  });

  it('every module is published, in Chinese, and used by some level', async () => {
    const modules = await store.listDefinitions('policy');
    expect(modules.length).toBe(seedFiles('policies').length);
    const used = new Set<string>();
    for (const s of await store.listDefinitions('level')) {
      const rec = await store.getDefinition<{ rules: RulesWithModules }>('level', s.key, 'latest');
      for (const u of moduleUses(rec!.body.rules)) used.add(u.key);
    }
    for (const m of modules) {
      const rec = await store.getDefinition<{ name: string }>('policy', m.key, 'latest');
      expect(rec?.version).toBe(1);
      expect(rec?.body.name).toMatch(/[\u4e00-\u9fff]/);
      expect(used.has(m.key), m.key).toBe(true);
    }
  });

  it('no condition expression appears in more than one seeded file', () => {
    const where = new Map<string, Set<string>>();
    for (const file of [...seedFiles('levels'), ...seedFiles('policies')]) {
      const body = JSON.parse(readFileSync(join(REPO_ROOT, file), 'utf8')) as { rules?: unknown };
      // conditions only: a material's requiredWhen is not a rule
      for (const e of exprsOf(file.startsWith('seeds/levels/') ? body.rules : body)) where.set(e, (where.get(e) ?? new Set()).add(file));
    }
    const repeated = [...where].filter(([, files]) => files.size > 1).map(([e, files]) => `${e} ← ${[...files].join(', ')}`);
    expect(repeated).toEqual([]);
    expect(where.size).toBeGreaterThan(40);
  });
});
