// quota.reserve and quota.release as flow actions, on a real SQLite store: all quotas or none,
// and a release gives every place back.
import { afterEach, describe, expect, it } from 'vitest';
import { runAction } from '../../server/runtime/actions/run-action.js';
import { openSqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import { makeApplication } from '../support/factories.js';
import { tempDir } from '../support/temp-dir.js';

describe('quota actions', () => {
  const dir = tempDir('zc-quota-');
  const store = openSqliteStore(dir.path);
  afterEach(async () => {
    await store.close();
    dir.remove();
  });
  const ctx = (variables: Record<string, unknown>) => ({ app: makeApplication(), variables: variables as never, now: '2022-06-01T00:00:00.000Z', store });

  it('reserves every quota or none, and releases them all', async () => {
    await store.adjustCounter('q:b', 1, 1); // b is already full
    const quotas = [{ key: 'q:a', limit: 5 }, { key: 'q:b', limit: 1 }];
    const full = await runAction('quota.reserve', ctx({ quotas }));
    expect(full).toMatchObject({ ok: true, output: { quotaReserved: false, quotaFull: true } });
    expect(await store.getCounter('q:a')).toBe(0);

    const ok = await runAction('quota.reserve', ctx({ quotas: [{ key: 'q:a', limit: 5 }, { key: 'q:c', limit: 5 }] }));
    expect(ok).toMatchObject({ ok: true, output: { quotaReserved: true } });
    expect([await store.getCounter('q:a'), await store.getCounter('q:c')]).toEqual([1, 1]);
    const released = await runAction('quota.release', ctx({ quotas: [{ key: 'q:a', limit: 5 }, { key: 'q:c', limit: 5 }], quotaReserved: true }));
    expect(released).toMatchObject({ ok: true, output: { quotaReserved: false } });
    expect([await store.getCounter('q:a'), await store.getCounter('q:c')]).toEqual([0, 0]);
    // nothing reserved, nothing released
    await runAction('quota.release', ctx({ quotas: [{ key: 'q:b', limit: 1 }] }));
    expect(await store.getCounter('q:b')).toBe(1);
  });
});
