// G3 on a signed e-certificate: revoking for fraud re-signs the document as 已撤销 (revision 2, the reason's category
// only), keeps the old revision in the history, all in one audited write; online verification says 已撤销 for both
// revisions, the CLI checks the new one offline and says 已撤销, and the integrity record blocks new applications
// for 3 years.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/config.js';
import { rotateCertificateKey } from '../../server/runtime/certificates/key-ring.js';
import { certifyDirectedTeacher, eligibility, start, submitted, teacherForm, type Harness } from '../conformance/support.js';
import { tempDir } from '../support/temp-dir.js';

type Signed = { document: Record<string, unknown>; signature: string; kid: string };

describe('certificate revocation re-signed and recorded (G3)', () => {
  let h: Harness;
  const dir = tempDir('zc-cert-revoke-');
  const keyFile = join(dir.path, 'certificate-keys.json');
  let id = '';
  let number = '';
  let holder = '';
  let issued: Signed = { document: {}, signature: '', kid: '' };
  const form = teacherForm({ name: '包老师', track: 'jiceng', education: { degree: '大专', school: '呼和浩特师专', major: '语文', graduationDate: '2000-07-01', fullTime: true }, currentTitle: { grade: '中级', name: '一级教师', since: '2017-09-01' } });

  const verify = () => h.anon({ method: 'GET', url: `/api/certificates/verify?number=${encodeURIComponent(number)}&name=${encodeURIComponent(holder)}` });
  const verifyDocument = (payload: Signed) => h.anon({ method: 'POST', url: '/api/certificates/verify-document', payload });
  function cli(name: string, signed: unknown) {
    const file = join(dir.path, name);
    writeFileSync(file, JSON.stringify(signed));
    const r = spawnSync(join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), [join(REPO_ROOT, 'server', 'cli', 'cert-verify.ts'), file, '--keys', join(dir.path, 'keys.json')], { encoding: 'utf8' });
    return { code: r.status, out: r.stdout, err: r.stderr };
  }

  beforeAll(async () => {
    rotateCertificateKey(keyFile, '2022-01-01T00:00:00.000Z');
    process.env.CERT_KEY_FILE = keyFile;
    h = await start('2022-06-01T02:00:00.000Z', [{ id: 'banner-t', orgId: 'unit-tzq-no1-middle' }], [
      { id: 'rev-tzq', roles: [{ role: 'unitReviewer', orgId: 'unit-tzq-no1-middle' }] },
      { id: 'dept-tzq-edu', roles: [{ role: 'competentReviewer', orgId: '150121-edu' }] },
      { id: 'jiceng-clerk', roles: [{ role: 'committeeClerk', orgId: 'office-150100-jiceng' }] },
    ]);
    const app = await submitted(h, 'banner-t', { levelKey: 'zhongxiaoxue.gaoji-dingxiang', form });
    id = app['id'] as string;
    expect((await certifyDirectedTeacher(h, id))['status']).toBe('certified');
    const stored = (await h.platform.store.getApplication(id))!;
    number = stored.certificate!.number;
    holder = stored.applicantName;
    issued = (await h.as('banner-t')({ method: 'GET', url: `/api/applications/${id}/certificate.json` })).json() as Signed;
    writeFileSync(join(dir.path, 'keys.json'), (await h.anon({ method: 'GET', url: '/.well-known/zc-certificate-keys.json' })).body);
  });
  afterAll(async () => {
    await h.close();
    delete process.env.CERT_KEY_FILE;
    dir.remove();
  });

  it('revokes in one audited write: 已撤销 online, a new signed revision on the application, the old one in the history', async () => {
    expect((await verify()).json()).toMatchObject({ valid: true, status: '受限' });
    const auditBefore = await h.platform.store.auditCount();
    h.clock.set('2022-07-01T02:00:00.000Z');
    const res = await h.as('demo-admin')({ method: 'POST', url: `/api/admin/certificates/${number}/revoke`, payload: { reason: '伪造业绩材料，经查属实' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ number, status: '已撤销', integrityUntil: '2025-07-01' });

    const after = (await h.platform.store.getApplication(id))!;
    expect(after.status).toBe('revoked');
    expect(after.certificate).toMatchObject({ revokedAt: '2022-07-01T02:00:00.000Z', revokedReason: '伪造业绩材料，经查属实', history: [issued] });
    const revised = after.certificate!.signed as Signed;
    expect(revised.document).toEqual({ ...issued.document, status: '已撤销', revision: 2, revokedAt: '2022-07-01T02:00:00.000Z', revokedFor: '弄虚作假' });
    // the administrator's own words stay on the application, not in the file anyone may see
    expect(JSON.stringify(revised)).not.toContain('伪造业绩材料');
    // the application's write and the integrity record: one audit entry each
    const entries = (await h.platform.store.listAudit(1, 10_000)).slice(auditBefore);
    expect(entries.filter((a) => a.action === 'certificate.revoke')).toEqual([expect.objectContaining({ actor: 'demo-admin', target: { type: 'application', id }, after: { status: 'revoked', reason: '伪造业绩材料，经查属实', revision: 2 } })]);
    expect(entries.map((a) => a.action)).toContain('integrity.record');

    expect((await verify()).json()).toMatchObject({ valid: false, status: '已撤销', message: '该证书已于 2022-07-01 撤销' });
    // the holder's file is now the revoked revision
    const mine = await h.as('banner-t')({ method: 'GET', url: `/api/applications/${id}/certificate.json` });
    expect(mine.json()).toEqual(revised);
    // revoking again changes nothing on the certificate
    const again = await h.as('demo-admin')({ method: 'POST', url: `/api/admin/certificates/${number}/revoke`, payload: { reason: '伪造业绩材料，经查属实' } });
    expect(again.statusCode, again.body).toBe(200);
    expect((await h.platform.store.getApplication(id))!.certificate!.signed).toEqual(revised);
  });

  it('the revoked revision verifies offline with the CLI and says 已撤销; the old revision still verifies but online says 已撤销', async () => {
    const revised = (await h.platform.store.getApplication(id))!.certificate!.signed as Signed;
    const revoked = cli('revoked.json', revised);
    expect(revoked.code).toBe(1);
    expect(revoked.err).toContain('证书签名有效');
    expect(revoked.err).toContain('证书状态：已撤销（2022-07-01 撤销，原因：弄虚作假）');
    const old = cli('old.json', issued);
    expect(old.err).toBe('');
    expect(old.code).toBe(0);
    expect(old.out).toContain('证书签名有效');
    expect((await verifyDocument(issued)).json()).toMatchObject({ valid: false, status: '已撤销' });
    expect((await verifyDocument(revised)).json()).toMatchObject({ valid: false, status: '已撤销' });
    // the revoked file cannot be turned back into a valid one
    const forged = cli('forged.json', { ...revised, document: { ...revised.document, status: '受限' } });
    expect(forged.code).toBe(1);
    expect(forged.err).toContain('签名与证书内容不符');
  });

  it('the integrity record refuses a new application for 3 years, and no longer after', async () => {
    h.clock.set('2025-06-30T02:00:00.000Z');
    const blocked = await eligibility(h, 'banner-t', 'zhongxiaoxue.gaoji-dingxiang', form);
    expect(blocked.eligible).toBe(false);
    expect(blocked.blocked.map((b) => b.id)).toContain('integrity');
    h.clock.set('2025-07-02T02:00:00.000Z');
    const later = await eligibility(h, 'banner-t', 'zhongxiaoxue.gaoji-dingxiang', form);
    expect(later.blocked.map((b) => b.id)).not.toContain('integrity');
  });

  it('the QR check the page makes (verify-document) is rate-limited per address, like the look-up by number', async () => {
    const signed = (await h.platform.store.getApplication(id))!.certificate!.signed as Signed;
    let limited = null as null | { statusCode: number; json(): unknown };
    for (let i = 0; i < 80 && !limited; i += 1) {
      const res = await verifyDocument(signed);
      if (res.statusCode === 429) limited = res;
    }
    expect(limited?.json()).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/请求过于频繁/) });
  });

  it('an unknown number is 404 and a blank reason is refused at the field, nothing written', async () => {
    const before = await h.platform.store.auditCount();
    const unknown = await h.as('demo-admin')({ method: 'POST', url: '/api/admin/certificates/2099FFFFFFFFFFFF/revoke', payload: { reason: '伪造业绩材料' } });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'certificate.not_found', message: expect.stringMatching(/[\u4e00-\u9fff]/), details: [] });
    const blank = await h.as('demo-admin')({ method: 'POST', url: `/api/admin/certificates/${number}/revoke`, payload: { reason: '  ' } });
    expect(blank.statusCode).toBe(422);
    expect(blank.json().details[0]).toMatchObject({ pointer: '/reason' });
    expect(await h.platform.store.auditCount()).toBe(before);
  });
});
