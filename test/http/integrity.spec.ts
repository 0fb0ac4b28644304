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

    expect((await verify()).json()).toEqual({ valid: false, message: '该证书已于 2022-06-01 撤销', holder: '吴某' });
    const e = await h.as('fake')({ method: 'POST', url: '/api/eligibility', payload: { levelKey: 'gongcheng.fugao', campaignId: '2022', form: {} } });
    expect(e.json().eligible).toBe(false);
    expect(e.json().blocked.map((b: { id: string }) => b.id)).toContain('integrity');
    const actions = (await h.platform.store.listAudit(1, 10_000)).filter((a) => a.actor === 'admin').map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['certificate.revoke', 'integrity.record']));
    // an applicant cannot do this
    expect((await h.as('fake')({ method: 'POST', url: '/api/admin/integrity', payload: { userId: 'fake', reason: '自己' } })).statusCode).toBe(403);
  });
});
