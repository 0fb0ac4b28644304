// Start-up seeding: the repo's own seeds load once; a broken file stops start-up with its path,
// JSON pointer and reason, and stores nothing.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/auth/password.js';
import { REPO_ROOT } from '../../server/config.js';
import { FakeClock } from '../../server/domain/clock.js';
import { createPlatform } from '../../server/runtime/platform.js';
import { loadSeeds } from '../../server/runtime/seeds/load-seeds.js';
import { SeedFileError } from '../../server/runtime/seeds/read-seed-files.js';
import { openSqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import { tempDir } from '../support/temp-dir.js';

describe('seeds loader', () => {
  const dirs: { remove(): void }[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

  const fresh = () => {
    const dir = tempDir('zc-seed-');
    dirs.push(dir);
    const store = openSqliteStore(dir.path);
    const clock = new FakeClock('2022-05-01T00:00:00.000Z');
    return { store, clock, platform: createPlatform({ root: REPO_ROOT, store, clock }) };
  };

  it('loads every seed file as version 1, and loading twice loads nothing twice', async () => {
    const { store, clock, platform } = fresh();
    // demo passwords at a low scrypt cost, as the API harness does: full cost for every demo account is most of the run
    const fast = (pw: string) => hashPassword(pw, 1024);
    const first = await loadSeeds({ root: REPO_ROOT, store, clock, meta: platform.meta, definitions: platform.definitions, hashPassword: fast });
    expect(first.loaded).toBeGreaterThan(5);
    expect(first.skipped).toBe(0);
    const level = await store.getDefinition('level', 'gongcheng.zhongji', 'latest');
    expect(level?.version).toBe(1);
    // the form schema was included from its own file under schemas/forms
    expect((level?.body as { form: { title: string } }).form.title).toContain('评审表');
    expect((await store.getDefinition('workflow', 'unit-review', 'latest'))?.version).toBe(1);
    expect((await store.getDefinition('calendar', '2022', 'latest'))?.version).toBe(1);
    const auditAfterFirst = await store.auditCount();
    const second = await loadSeeds({ root: REPO_ROOT, store, clock, meta: platform.meta, definitions: platform.definitions, hashPassword: fast });
    expect(second.loaded).toBe(0);
    expect(second.skipped).toBe(first.loaded);
    expect(await store.auditCount()).toBe(auditAfterFirst);
    await store.close();
  });

  it('stops on a broken file with its path, pointer and reason, storing nothing', async () => {
    const { store, clock, platform } = fresh();
    const broken = join(REPO_ROOT, 'test/seeds/broken');
    const run = loadSeeds({ root: REPO_ROOT, store, clock, meta: platform.meta, definitions: platform.definitions, seedsDir: join(broken, 'seeds'), workflowsDir: join(broken, 'workflows') });
    await expect(run).rejects.toBeInstanceOf(SeedFileError);
    const err = (await run.catch((e: unknown) => e)) as SeedFileError;
    expect(err.path).toBe('test/seeds/broken/seeds/series/bad.json');
    expect(err.pointer).toBe('/levels/1/grade');
    expect(err.reason).toMatch(/请从给定的选项中选择/);
    expect(await store.isEmpty()).toBe(true);
    expect(await store.auditCount()).toBe(0);
    await store.close();
  });
});
