// State changes leave a hash-chained audit trail; tampering with a stored record is caught and named,
// by the administrator route and by the audit:verify script's logic.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditVerifyReport } from '../../server/cli/audit-verify.js';
import type { SqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import { startHarness, type Harness } from '../support/harness.js';
import { loginReq, registerApplicant } from './auth-helpers.js';

describe.skipIf(Boolean(process.env.MONGODB_URL))('audit chain', () => {
  let h: Harness;
  let original = '';
  const raw = () => (h.platform.store as SqliteStore).raw;
  beforeAll(async () => {
    h = await startHarness({ users: [{ id: 'admin-1', roles: [{ role: 'admin', orgId: 'nm-hrss' }] }] });
  });
  afterAll(async () => h.close());

  it('records state changes, pages through them, verifies, then names a tampered record', async () => {
    const admin = h.as('admin-1');
    await registerApplicant(h, '13700000001');
    await loginReq(h, '13700000001', 'wrong-pass1');
    await loginReq(h, '13700000001', 'abc12345');
    await admin({ method: 'POST', url: '/api/admin/users', payload: { login: 'clerk1', name: '经办人', password: 'staff1234', roles: [{ role: 'centreClerk', orgId: 'nm-centre' }] } });

    const page1 = await admin({ method: 'GET', url: '/api/admin/audit?from=1&limit=2' });
    expect(page1.statusCode).toBe(200);
    const body = page1.json() as { items: { seq: number; action: string; actor: string }[]; total: number; nextFrom?: number };
    expect(body.items.map((i) => i.seq)).toEqual([1, 2]);
    expect(body.total).toBeGreaterThanOrEqual(4);
    expect(body.nextFrom).toBe(3);
    const all = (await admin({ method: 'GET', url: '/api/admin/audit?limit=500' })).json().items as { action: string; actor: string }[];
    expect(all.map((a) => a.action)).toEqual(expect.arrayContaining(['user.register', 'login.failed', 'login.succeeded', 'user.create']));

    const good = await admin({ method: 'GET', url: '/api/admin/audit/verify' });
    expect(good.json()).toEqual({ ok: true, count: body.total });
    expect(await auditVerifyReport(h.platform.store, 2)).toEqual({ exitCode: 0, line: `审计链完整：${body.total} 条记录` });

    original = (raw().prepare('SELECT doc FROM audit WHERE seq = 2').get() as { doc: string }).doc;
    raw().prepare("UPDATE audit SET doc = json_set(doc, '$.actor', 'mallory') WHERE seq = 2").run();
    const broken = await admin({ method: 'GET', url: '/api/admin/audit/verify' });
    expect(broken.json()).toMatchObject({ ok: false, count: 1, brokenSeq: 2, reason: expect.stringContaining('第 2 条') });
    const report = await auditVerifyReport(h.platform.store, 1);
    expect(report.exitCode).toBe(1);
    expect(report.line).toContain('第 2 条记录');
  });

  it('catches a deleted record', async () => {
    raw().prepare('UPDATE audit SET doc = ? WHERE seq = 2').run(original);
    expect((await auditVerifyReport(h.platform.store, 2)).exitCode).toBe(0);
    raw().prepare('DELETE FROM audit WHERE seq = 3').run();
    const res = await auditVerifyReport(h.platform.store, 2);
    expect(res).toEqual({ exitCode: 1, line: expect.stringContaining('第 3 条记录') });
  });
});
