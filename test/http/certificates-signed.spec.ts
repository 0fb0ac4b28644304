// Issue 15: signed e-certificates. Issued through the seeded flows (C3 engineering; D12 directed 基层 teacher),
// published keys (JWKS), online verification by number + name and by the signed document, tampering refused,
// key rotation keeping old certificates valid, the holder's download, revocation with the integrity record (G3).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/config.js';
import { rotateCertificateKey } from '../../server/runtime/certificates/key-ring.js';
import { ALL_EXPERTS_APPROVE, approve, certifyDirectedTeacher, fireNext, seniorForm, start, submitted, teacherForm, vote, type Harness } from '../conformance/support.js';
import { tempDir } from '../support/temp-dir.js';

const NOT_FOUND = { valid: false, message: '未查到与该编号和姓名相符的电子证书' };
type Signed = { document: Record<string, unknown>; signature: string; kid: string };


describe('signed e-certificates (issue 15)', () => {
  let h: Harness;
  const keys = tempDir('zc-cert-keys-');
  const keyFile = join(keys.path, 'certificate-keys.json');
  let firstKid = '';
  let engineer: { id: string; signed: Signed; number: string } = { id: '', signed: { document: {}, signature: '', kid: '' }, number: '' };
  const verify = (number: string, name: string) => h.anon({ method: 'GET', url: `/api/certificates/verify?number=${encodeURIComponent(number)}&name=${encodeURIComponent(name)}` });
  const verifyDocument = (payload: unknown) => h.anon({ method: 'POST', url: '/api/certificates/verify-document', payload: payload as Record<string, unknown> });

  beforeAll(async () => {
    // a key file of this test's own, so rotating it touches no other test
    firstKid = rotateCertificateKey(keyFile, '2022-01-01T00:00:00.000Z');
    process.env.CERT_KEY_FILE = keyFile;
    h = await start(
      '2022-06-01T02:00:00.000Z',
      [
        { id: 'c3', orgId: 'unit-hhht-design' },
        { id: 'other', orgId: 'unit-hhht-design' },
        { id: 'banner-t', orgId: 'unit-tzq-no1-middle' },
      ],
      [
        { id: 'rev-tzq', roles: [{ role: 'unitReviewer', orgId: 'unit-tzq-no1-middle' }] },
        { id: 'dept-tzq-edu', roles: [{ role: 'competentReviewer', orgId: '150121-edu' }] },
        { id: 'jiceng-clerk', roles: [{ role: 'committeeClerk', orgId: 'office-150100-jiceng' }] },
      ],
    );
  });
  afterAll(async () => {
    await h.close();
    delete process.env.CERT_KEY_FILE;
    keys.remove();
  });

  it('issues a signed certificate through the seeded engineering flow: names not keys, the ID number masked', async () => {
    const app = await submitted(h, 'c3', { levelKey: 'gongcheng.fugao', form: seniorForm({ name: '赵工' }) });
    const id = app['id'] as string;
    await approve(h, 'demo-unit-design', id, 'unitReview');
    await fireNext(h, id);
    await approve(h, 'demo-dept-jianshe', id, 'competentReview');
    await approve(h, 'demo-hrss-hhht', id, 'leagueReview');
    await fireNext(h, id);
    await approve(h, 'demo-centre', id, 'centreReview');
    await approve(h, 'demo-office-gongcheng', id, 'officeCheck');
    await vote(h, id, ALL_EXPERTS_APPROVE);
    await fireNext(h, id);
    const filed = await approve(h, 'demo-centre', id, 'filing');
    expect(filed['status']).toBe('certified');
    const stored = (await h.platform.store.getApplication(id))!;
    const signed = stored.certificate!.signed as Signed;
    expect(signed.kid).toBe(firstKid);
    expect(signed.document).toMatchObject({
      format: 1,
      number: stored.certificate!.number,
      holder: stored.applicantName,
      idNumber: '1501**********0012',
      grade: '副高级',
      title: '高级工程师',
      committee: expect.stringContaining('建设工程'),
      status: '有效',
    });
    expect(signed.document['series']).toMatch(/[\u4e00-\u9fff]/);
    expect(signed.document['approvedAt']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(signed.document['restriction']).toBeUndefined();
    expect(JSON.stringify(signed)).not.toContain('150102198503150012');
    engineer = { id, signed, number: stored.certificate!.number };
  });

  it('publishes the public keys as a JWKS (OKP/Ed25519, no private part)', async () => {
    const res = await h.anon({ method: 'GET', url: '/.well-known/zc-certificate-keys.json' });
    expect(res.statusCode, res.body).toBe(200);
    const { keys: published } = res.json() as { keys: Record<string, string>[] };
    expect(published).toEqual([{ kty: 'OKP', crv: 'Ed25519', x: expect.any(String), kid: firstKid, alg: 'EdDSA', use: 'sig' }]);
    expect(res.body).not.toContain('"d"');
  });

  it('verifies online by number and name, and says only 未查到 for a wrong name or an unknown number', async () => {
    const ok = await verify(engineer.number, engineer.signed.document['holder'] as string);
    expect(ok.json()).toMatchObject({ valid: true, status: '有效', message: '证书有效', title: '高级工程师', grade: '副高级' });
    expect(ok.json()).not.toHaveProperty('idNumber');
    expect((await verify(engineer.number, '别人')).json()).toEqual(NOT_FOUND);
    expect((await verify('2099FFFFFFFFFFFF', engineer.signed.document['holder'] as string)).json()).toEqual(NOT_FOUND);
  });

  it('lets only the holder download the signed file', async () => {
    const mine = await h.as('c3')({ method: 'GET', url: `/api/applications/${engineer.id}/certificate.json` });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.headers['content-disposition']).toContain(`certificate-${engineer.number}.json`);
    expect(mine.json()).toEqual(engineer.signed);
    // what the holder downloaded checks offline with only what the server publishes
    const jwks = await h.anon({ method: 'GET', url: '/.well-known/zc-certificate-keys.json' });
    writeFileSync(join(keys.path, 'downloaded.json'), mine.body);
    writeFileSync(join(keys.path, 'published-keys.json'), jwks.body);
    const cli = spawnSync(join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), [join(REPO_ROOT, 'server', 'cli', 'cert-verify.ts'), join(keys.path, 'downloaded.json'), '--keys', join(keys.path, 'published-keys.json')], { encoding: 'utf8' });
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);
    expect(cli.stdout).toContain(`证书编号：${engineer.number}`);
    const theirs = await h.as('other')({ method: 'GET', url: `/api/applications/${engineer.id}/certificate.json` });
    expect(theirs.statusCode).toBe(404);
    expect(theirs.json()).toMatchObject({ code: 'not_found', message: expect.stringMatching(/[\u4e00-\u9fff]/), details: [] });
    expect((await h.as('demo-centre')({ method: 'GET', url: `/api/applications/${engineer.id}/certificate.json` })).statusCode).toBe(403);
  });

  it('verifies the signed document a QR code carries; a tampered one or a malformed payload is refused without detail', async () => {
    const ok = await verifyDocument(engineer.signed);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ valid: true, status: '有效' });

    const tampered = await verifyDocument({ ...engineer.signed, document: { ...engineer.signed.document, title: '正高级工程师' } });
    expect(tampered.statusCode).toBe(422);
    expect(tampered.json()).toEqual({ code: 'certificate.bad_signature', message: expect.stringMatching(/签名无效/), details: [] });
    const otherKid = await verifyDocument({ ...engineer.signed, kid: 'unknown-key-id' });
    expect(otherKid.json().code).toBe('certificate.bad_signature');

    for (const bad of [{}, { ...engineer.signed, signature: 42 }, { ...engineer.signed, extra: 1 }, { document: 'x', signature: engineer.signed.signature, kid: firstKid }]) {
      const res = await verifyDocument(bad);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({ code: 'certificate.malformed', message: '无法识别的证书数据', details: [] });
    }
  });

  it('D12: after a key rotation, a directed 基层 certificate is signed with the new key and verifies as 受限; the old one still verifies', async () => {
    const secondKid = rotateCertificateKey(keyFile, '2022-06-01T00:00:00.000Z');
    expect(secondKid).not.toBe(firstKid);
    const jwks = (await h.anon({ method: 'GET', url: '/.well-known/zc-certificate-keys.json' })).json() as { keys: { kid: string }[] };
    expect(jwks.keys.map((k) => k.kid)).toEqual([secondKid, firstKid]);
    expect((await verifyDocument(engineer.signed)).json()).toMatchObject({ valid: true, status: '有效' });

    h.clock.set('2022-06-01T02:00:00.000Z');
    const form = teacherForm({ name: '包老师', track: 'jiceng', education: { degree: '大专', school: '呼和浩特师专', major: '语文', graduationDate: '2000-07-01', fullTime: true }, currentTitle: { grade: '中级', name: '一级教师', since: '2017-09-01' } });
    const app = await submitted(h, 'banner-t', { levelKey: 'zhongxiaoxue.gaoji-dingxiang', form });
    const id = app['id'] as string;
    expect((await certifyDirectedTeacher(h, id))['status']).toBe('certified');
    const stored = (await h.platform.store.getApplication(id))!;
    const signed = stored.certificate!.signed as Signed;
    expect(signed.kid).toBe(secondKid);
    expect(signed.document).toMatchObject({ status: '受限', restriction: '限本盟市基层事业单位使用', title: '高级教师（基层定向评价、定向使用）' });
    const online = await verify(stored.certificate!.number, stored.applicantName);
    expect(online.json()).toMatchObject({ valid: true, status: '受限', restriction: '限本盟市基层事业单位使用', message: expect.stringContaining('限本盟市基层事业单位使用') });
    expect((await verifyDocument(signed)).json()).toMatchObject({ valid: true, status: '受限' });
  });

  it('G3: an administrator revokes a certificate for fraud: reason and a 3-year integrity record kept, audited, verification says 已撤销', async () => {
    const url = `/api/admin/certificates/${engineer.number}/revoke`;
    expect((await h.as('c3')({ method: 'POST', url, payload: { reason: '伪造业绩材料' } })).statusCode).toBe(403);
    const blank = await h.as('demo-admin')({ method: 'POST', url, payload: { reason: '   ' } });
    expect(blank.statusCode).toBe(422);
    expect(blank.json().details[0]).toMatchObject({ pointer: '/reason' });
    const unknown = await h.as('demo-admin')({ method: 'POST', url: '/api/admin/certificates/2099FFFFFFFFFFFF/revoke', payload: { reason: '伪造业绩材料' } });
    expect(unknown.statusCode).toBe(404);
    expect((await h.platform.store.getApplication(engineer.id))!.status).toBe('certified');

    h.clock.set('2022-07-01T02:00:00.000Z');
    const res = await h.as('demo-admin')({ method: 'POST', url, payload: { reason: '伪造业绩材料' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ number: engineer.number, status: '已撤销', integrityUntil: '2025-07-01' });
    const after = (await h.platform.store.getApplication(engineer.id))!;
    expect(after).toMatchObject({ status: 'revoked', certificate: { revokedReason: '伪造业绩材料', revokedAt: '2022-07-01T02:00:00.000Z' } });
    expect((await h.platform.store.getUser('c3'))?.integrityRecords).toEqual([expect.objectContaining({ reason: '伪造业绩材料', until: '2025-07-01', revokedApplicationId: engineer.id })]);
    const actions = (await h.platform.store.listAudit(1, 10_000)).filter((a) => a.actor === 'demo-admin').map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['certificate.revoke', 'integrity.record']));

    expect((await verify(engineer.number, engineer.signed.document['holder'] as string)).json()).toMatchObject({ valid: false, status: '已撤销' });
    // the signature is still good; the certificate is not
    expect((await verifyDocument(engineer.signed)).json()).toMatchObject({ valid: false, status: '已撤销' });
  });

  it('rate-limits verification per address', async () => {
    let limited = null as null | { statusCode: number; json(): unknown };
    for (let i = 0; i < 80 && !limited; i += 1) {
      const res = await verify('2099FFFFFFFFFFFF', '某人');
      if (res.statusCode === 429) limited = res;
    }
    expect(limited?.json()).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/请求过于频繁/) });
  });
});
