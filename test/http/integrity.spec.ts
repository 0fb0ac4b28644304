// G3: fraud goes into the person's integrity file for 3 years and the title obtained by it is revoked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addYears } from '../../server/runtime/integrity.js';
import { makeApplication } from '../support/factories.js';
import { engineer } from '../support/engineer.js';
import { startHarness, type Harness } from '../support/harness.js';

describe('integrity file and revocation (G3)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      now: '2022-06-01T02:00:00.000Z',
      users: [
        { id: 'admin', roles: [{ role: 'admin', orgId: 'nm-hrss' }] },
        engineer('fake', '吴某'),
        engineer('liar', '郑某'),
      ],
    });
    // a title obtained earlier, with its e-certificate
    await h.platform.store.insertApplication(
      makeApplication({ id: 'old-app', applicantId: 'fake', applicantName: '吴某', campaignId: '2022', seriesKey: 'gongcheng', levelKey: 'gongcheng.zhongji', status: 'certified', certificate: { number: '2021ABCDEF123456', issuedAt: '2021-12-01T00:00:00.000Z', verifyCode: 'abcd1234' } }),
      [],
    );
  });
  afterAll(async () => h.close());

  it('counts three years to the same day, and 29 February to 28 February', () => {
    expect(addYears('2022-06-01', 3)).toBe('2025-06-01');
    expect(addYears('2024-02-29', 3)).toBe('2027-02-28');
  });

  it('G3: a fraud record revokes the certificate, blocks new applications for 3 years, and is audited', async () => {
    const verify = () => h.anon({ method: 'GET', url: `/api/certificates/verify?number=2021ABCDEF123456&name=${encodeURIComponent('吴某')}` });
    expect((await verify()).json()).toMatchObject({ valid: true });

    const bad = await h.as('admin')({ method: 'POST', url: '/api/admin/integrity', payload: { userId: 'nobody', reason: '材料造假' } });
    expect(bad.statusCode).toBe(404);
    const res = await h.as('admin')({ method: 'POST', url: '/api/admin/integrity', payload: { userId: 'fake', reason: '伪造业绩材料', revokeApplicationId: 'old-app' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ userId: 'fake', integrityUntil: '2025-06-01', revokedApplication: 'old-app' });

    expect((await verify()).json()).toEqual({ valid: false, status: '已撤销', message: '该证书已于 2022-06-01 撤销', holder: '吴某' });
    const e = await h.as('fake')({ method: 'POST', url: '/api/eligibility', payload: { levelKey: 'gongcheng.fugao', campaignId: '2022', form: {} } });
    expect(e.json().eligible).toBe(false);
    expect(e.json().blocked.map((b: { id: string }) => b.id)).toContain('integrity');
    const actions = (await h.platform.store.listAudit(1, 10_000)).filter((a) => a.actor === 'admin').map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['certificate.revoke', 'integrity.record']));
    // an applicant cannot do this
    expect((await h.as('fake')({ method: 'POST', url: '/api/admin/integrity', payload: { userId: 'fake', reason: '自己' } })).statusCode).toBe(403);
  });

  it('every integrity record names who recorded it, when and why, and the audit says the same', async () => {
    const blank = await h.as('admin')({ method: 'POST', url: '/api/admin/integrity', payload: { userId: 'liar', reason: '   ' } });
    expect(blank.statusCode).toBe(422);
    expect(blank.json()).toMatchObject({ code: 'integrity.reason', message: expect.stringMatching(/[\u4e00-\u9fff]/), details: [{ pointer: '/reason' }] });
    expect((await h.as('admin')({ method: 'POST', url: '/api/admin/integrity', payload: { userId: 'liar' } })).statusCode).toBe(400);

    const res = await h.as('admin')({ method: 'POST', url: '/api/admin/integrity', payload: { userId: 'liar', reason: '学历证书造假', years: 2 } });
    expect(res.statusCode, res.body).toBe(200);
    const record = { at: '2022-06-01T02:00:00.000Z', recordedBy: 'admin', reason: '学历证书造假', until: '2024-06-01' };
    expect((await h.platform.store.getUser('liar'))?.integrityRecords).toEqual([record]);
    const listed = await h.as('admin')({ method: 'GET', url: '/api/admin/integrity/liar' });
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json()).toEqual({ userId: 'liar', integrityUntil: '2024-06-01', records: [record] });
    const entry = (await h.platform.store.listAudit(1, 10_000)).find((a) => a.action === 'integrity.record' && a.target.id === 'liar');
    expect(entry).toMatchObject({ actor: 'admin', after: { integrityUntil: '2024-06-01', reason: '学历证书造假', recordedBy: 'admin' } });
    // a later, shorter record is kept beside the first and does not shorten it
    await h.as('admin')({ method: 'POST', url: '/api/admin/integrity', payload: { userId: 'liar', reason: '论文抄袭', years: 1 } });
    const both = (await h.as('admin')({ method: 'GET', url: '/api/admin/integrity/liar' })).json();
    expect(both.integrityUntil).toBe('2024-06-01');
    expect(both.records.map((r: { reason: string; until: string }) => [r.reason, r.until])).toEqual([['学历证书造假', '2024-06-01'], ['论文抄袭', '2023-06-01']]);
  });

  it('an administrator cannot put their own account on the integrity blacklist', async () => {
    const before = await h.platform.store.auditCount();
    const self = await h.as('admin')({ method: 'POST', url: '/api/admin/integrity', payload: { userId: 'admin', reason: '自己记自己' } });
    expect(self.statusCode).toBe(422);
    expect(self.json()).toMatchObject({ code: 'integrity.self', message: expect.stringMatching(/[\u4e00-\u9fff]/), details: [{ pointer: '/userId' }] });
    const admin = await h.platform.store.getUser('admin');
    expect(admin?.facts?.integrityUntil).toBeUndefined();
    expect(admin?.integrityRecords).toBeUndefined();
    expect(await h.platform.store.auditCount()).toBe(before);
  });
});
