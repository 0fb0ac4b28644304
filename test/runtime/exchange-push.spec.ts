// Issue 15 item 6 (G5, F6): issued certificates pushed to the national and region platforms. A real local receiver
// (node:http on port 0) answers 503 twice and then 200; the dispatcher is driven by the fake clock, never by
// sleeping. Exactly one record lands (the Idempotency-Key dedupes retries), its X-ZC-Signature verifies with the
// published JWKS; a receiver answering 400 gives a dead letter the administrator sees and retries.
import { createPublicKey, verify } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rotateCertificateKey, certificateKeyRing } from '../../server/runtime/certificates/key-ring.js';
import { pushDue, type PushDeps } from '../../server/runtime/exchange/dispatcher.js';
import { verifyDocument, type Jwks } from '../../server/domain/certificates/signature.js';
import { queueMissedCertificates } from '../../server/runtime/exchange/catch-up.js';
import { enqueueFilingExchange } from '../../server/runtime/exchange/enqueue-filing.js';
import { enqueueCertificateExchange } from '../../server/runtime/exchange/enqueue.js';
import { parseExchangeEndpoints } from '../../server/runtime/exchange/endpoints.js';
import type { ExchangeItem } from '../../server/runtime/exchange/types.js';
import { BACKOFF_MS } from '../../server/runtime/notifications/retry-backoff.js';
import { ALL_EXPERTS_APPROVE, approve, fireNext, seniorForm, start, submitted, vote, type Harness } from '../conformance/support.js';
import { tempDir } from '../support/temp-dir.js';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** a platform's receiving end: answers from a script (then 200), keeps one record per Idempotency-Key */
class Receiver {
  readonly hits: Received[] = [];
  readonly kept = new Map<string, string>();
  private server: Server | undefined;
  url = '';
  constructor(private readonly script: number[]) {}
  async listen(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        this.hits.push({ headers: req.headers, body });
        const status = this.script.shift() ?? 200;
        res.setHeader('content-type', 'application/json');
        if (status !== 200) {
          res.statusCode = status;
          res.end(JSON.stringify({ message: status === 400 ? '证书编号格式不符' : '系统维护中' }));
          return;
        }
        const key = String(req.headers['idempotency-key']);
        if (!this.kept.has(key)) this.kept.set(key, body);
        res.end(JSON.stringify({ id: `rcpt-${this.kept.size}` }));
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/certificates`;
    return this.url;
  }
  close(): Promise<void> {
    return new Promise((r) => this.server?.close(() => r()) ?? r());
  }
}

async function certify(h: Harness, userId: string, name: string): Promise<string> {
  const app = await submitted(h, userId, { levelKey: 'gongcheng.fugao', form: seniorForm({ name }) });
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
  return id;
}

describe('data exchange: the outbox pushed to the platforms (G5, F6)', () => {
  let h: Harness;
  const national = new Receiver([503, 503]);
  const region = new Receiver([400]);
  const keys = tempDir('zc-exchange-keys-');
  let deps: PushDeps;
  let appId = '';
  let number = '';
  const admin = () => h.as('demo-admin');
  const records = async () => (await h.platform.store.listRecords<ExchangeItem>({ kind: 'exchange', limit: 100 })).items;

  beforeAll(async () => {
    rotateCertificateKey(join(keys.path, 'certificate-keys.json'), '2022-01-01T00:00:00.000Z');
    process.env.CERT_KEY_FILE = join(keys.path, 'certificate-keys.json');
    const [nUrl, rUrl] = [await national.listen(), await region.listen()];
    process.env.EXCHANGE_TOKEN_NATIONAL = 'national-secret';
    const endpoints = parseExchangeEndpoints({
      EXCHANGE_TOKEN_NATIONAL: 'national-secret',
      EXCHANGE_ENDPOINTS: JSON.stringify([
        { id: 'national', name: '全国专业技术人才公共服务平台', url: nUrl, tokenEnv: 'EXCHANGE_TOKEN_NATIONAL', events: ['certificate.issued', 'certificate.revoked'] },
        { id: 'region', name: '自治区人社一体化平台', url: rUrl, events: ['certificate.issued'] },
      ]),
    });
    h = await start('2022-06-01T02:00:00.000Z', [{ id: 'c3', orgId: 'unit-hhht-design' }]);
    h.platform.exchangeEndpoints = endpoints;
    deps = { ...h.platform, exchangeEndpoints: endpoints, signingKey: () => certificateKeyRing().current };
  });
  afterAll(async () => {
    await h.close();
    await national.close();
    await region.close();
    delete process.env.CERT_KEY_FILE;
    delete process.env.EXCHANGE_TOKEN_NATIONAL;
    keys.remove();
  });

  it('issuing a certificate queues one record per platform, and queuing again adds nothing', async () => {
    appId = await certify(h, 'c3', '赵工');
    const app = (await h.platform.store.getApplication(appId))!;
    number = app.certificate!.number;
    const queued = await records();
    expect(queued.map((r) => r.id).sort()).toEqual([`xch-national-${number}-r1`, `xch-region-${number}-r1`]);
    expect(queued.every((r) => r.body.state === 'pending' && r.keys.includes('state:pending'))).toBe(true);
    expect(await enqueueCertificateExchange(h.platform, app, 'certificate.issued')).toBe(0);
    // no platform configured: nothing is queued at all
    expect(await enqueueCertificateExchange({ ...h.platform, exchangeEndpoints: [] }, { ...app, certificate: { ...app.certificate!, number: 'other' } }, 'certificate.issued')).toBe(0);
    expect(await records()).toHaveLength(2);
    const audit = (await h.platform.store.listAudit(0, 100_000)).filter((a) => a.action === 'exchange.queue');
    expect(audit.map((a) => a.target.id).sort()).toEqual([`xch-national-${number}-r1`, `xch-region-${number}-r1`]);
  });

  it('503 twice then 200: retried on the back-off, exactly one record lands and its signature verifies with the JWKS', async () => {
    const t0 = h.clock.now();
    expect(await pushDue(deps, t0)).toEqual({ sent: 0, retrying: 1, dead: 1 });
    // not yet due: nothing is pushed before the back-off has passed
    expect(await pushDue(deps, t0)).toEqual({ sent: 0, retrying: 0, dead: 0 });
    h.clock.advanceMs(BACKOFF_MS[0]!);
    expect(await pushDue(deps, h.clock.now())).toEqual({ sent: 0, retrying: 1, dead: 0 });
    h.clock.advanceMs(BACKOFF_MS[1]!);
    expect(await pushDue(deps, h.clock.now())).toEqual({ sent: 1, retrying: 0, dead: 0 });
    h.clock.advanceDays(1);
    expect(await pushDue(deps, h.clock.now())).toEqual({ sent: 0, retrying: 0, dead: 0 });

    expect(national.hits).toHaveLength(3);
    expect(new Set(national.hits.map((x) => x.headers['idempotency-key']))).toEqual(new Set([`${number}@r1`]));
    expect(national.kept.size).toBe(1);
    const got = national.hits[2]!;
    expect(got.headers['authorization']).toBe('Bearer national-secret');
    const body = JSON.parse(got.body) as Record<string, unknown>;
    expect(body).toMatchObject({ event: 'certificate.issued', number, revision: 1 });
    const stored = (await h.platform.store.getApplication(appId))!.certificate!.signed!;
    expect(body['document']).toEqual(stored.document);
    expect(body['signature']).toBe(stored.signature);

    const jwks = (await h.anon({ method: 'GET', url: '/.well-known/zc-certificate-keys.json' })).json() as { keys: { kid: string; x: string }[] };
    const jwk = jwks.keys.find((k) => k.kid === got.headers['x-zc-key-id']);
    expect(jwk).toBeDefined();
    const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk!.x }, format: 'jwk' });
    const sig = Buffer.from(String(got.headers['x-zc-signature']), 'base64url');
    expect(verify(null, Buffer.from(got.body, 'utf8'), publicKey, sig)).toBe(true);
    expect(verify(null, Buffer.from(got.body.replace(number, '0000'), 'utf8'), publicKey, sig)).toBe(false);

    const sent = (await h.platform.store.getRecord<ExchangeItem>('exchange', `xch-national-${number}-r1`))!;
    expect(sent.body).toMatchObject({ state: 'sent', attempts: 3, receiptId: 'rcpt-1' });
    expect(sent.body.lastError).toBeUndefined();
  });

  it('a receiver answering 400 gives a dead letter at once, listed in Chinese for the administrator; retry → sent', async () => {
    expect(region.hits).toHaveLength(1);
    const res = await admin()({ method: 'GET', url: '/api/admin/exchange?state=dead' });
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as { endpoints: { name: string }[]; total: number; items: Record<string, unknown>[] };
    expect(page.endpoints.map((e) => e.name)).toEqual(['全国专业技术人才公共服务平台', '自治区人社一体化平台']);
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({
      id: `xch-region-${number}-r1`,
      endpointName: '自治区人社一体化平台',
      eventName: '证书签发',
      number,
      holder: '申报人c3',
      stateName: '推送失败',
      attempts: 1,
      lastError: '接收平台拒收（HTTP 400）：证书编号格式不符',
    });

    // only the administrator: a reviewer is refused
    expect((await h.as('demo-centre')({ method: 'GET', url: '/api/admin/exchange' })).statusCode).toBe(403);
    // a record already pushed is not pushed again by hand
    const again = await admin()({ method: 'POST', url: `/api/admin/exchange/xch-national-${number}-r1/retry` });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'exchange.already_sent', details: [] });
    expect((await admin()({ method: 'POST', url: '/api/admin/exchange/xch-nothing/retry' })).statusCode).toBe(404);

    const retried = await admin()({ method: 'POST', url: `/api/admin/exchange/xch-region-${number}-r1/retry` });
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json()).toMatchObject({ stateName: '待推送', attempts: 0 });
    expect(await pushDue(deps, h.clock.now())).toEqual({ sent: 1, retrying: 0, dead: 0 });
    expect(region.kept.size).toBe(1);
    const listed = (await admin()({ method: 'GET', url: '/api/admin/exchange?state=sent' })).json() as { total: number };
    expect(listed.total).toBe(2);
    expect((await admin()({ method: 'GET', url: '/api/admin/exchange?state=dead' })).json()).toMatchObject({ total: 0 });
  });

  it('a revocation (the admin route) is a new revision for the platforms that take it (the region platform does not)', async () => {
    const res = await admin()({ method: 'POST', url: `/api/admin/certificates/${number}/revoke`, payload: { reason: '学历证书系伪造' } });
    expect(res.statusCode, res.body).toBe(200);
    expect((await records()).filter((r) => r.body.event === 'certificate.revoked').map((r) => r.id)).toEqual([`xch-national-${number}-r2`]);
    expect(await pushDue(deps, h.clock.now())).toEqual({ sent: 1, retrying: 0, dead: 0 });
    expect([...national.kept.keys()]).toEqual([`${number}@r1`, `${number}@r2`]);
    const got = JSON.parse(national.kept.get(`${number}@r2`)!) as { event: string; revision: number; document: Record<string, unknown> };
    expect(got).toMatchObject({ event: 'certificate.revoked', revision: 2, document: { status: '已撤销', revision: 2 } });
  });

  it('on start, what a crash left unqueued is queued: nothing for platforms that have it, the register for a new one', async () => {
    expect(await queueMissedCertificates(h.platform)).toBe(0);
    const later = parseExchangeEndpoints({ EXCHANGE_ENDPOINTS: JSON.stringify([{ id: 'later', name: '职称管理系统', url: 'http://127.0.0.1:9/x', events: ['certificate.issued', 'certificate.revoked'] }]) });
    const d = { ...h.platform, exchangeEndpoints: later };
    expect(await queueMissedCertificates(d)).toBe(1);
    expect(await queueMissedCertificates(d)).toBe(0);
    // the certificate is revoked by now: the platform learns its current state, revision 2
    expect((await h.platform.store.getRecord<ExchangeItem>('exchange', `xch-later-${number}-r2`))?.body).toMatchObject({ state: 'pending', event: 'certificate.revoked' });
  });

  it('a receiver that cannot be reached: retried, then a dead letter after the last back-off', async () => {
    const down = parseExchangeEndpoints({ EXCHANGE_ENDPOINTS: JSON.stringify([{ id: 'later', name: '职称管理系统', url: 'http://127.0.0.1:9/x', events: ['certificate.issued', 'certificate.revoked'] }]) });
    const d: PushDeps = { ...deps, exchangeEndpoints: down };
    const app = (await h.platform.store.getApplication(appId))!;
    expect(await enqueueCertificateExchange(d, app, 'certificate.issued')).toBe(0); // revoked: no issue goes out any more
    expect(await enqueueCertificateExchange(d, app, 'certificate.revoked')).toBe(0); // queued on start above
    let report = await pushDue(d, h.clock.now());
    for (const wait of BACKOFF_MS) {
      expect(report).toEqual({ sent: 0, retrying: 1, dead: 0 });
      h.clock.advanceMs(wait);
      report = await pushDue(d, h.clock.now());
    }
    expect(report).toEqual({ sent: 0, retrying: 0, dead: 1 });
    const rec = (await h.platform.store.getRecord<ExchangeItem>('exchange', `xch-later-${number}-r2`))!;
    expect(rec.body).toMatchObject({ state: 'dead', attempts: BACKOFF_MS.length + 1 });
    expect(rec.body.lastError).toMatch(/^已尝试 6 次仍未送达：无法连接接收平台/);
  });

  it('a committee filing (issue 14) goes out as filing.submitted to the platforms that take it, its summary signed', async () => {
    const filings = parseExchangeEndpoints({ EXCHANGE_ENDPOINTS: JSON.stringify([{ id: 'national', name: '全国专业技术人才公共服务平台', url: national.url, events: ['filing.submitted'] }]) });
    const d: PushDeps = { ...deps, exchangeEndpoints: filings };
    const key = certificateKeyRing().current;
    expect(await enqueueFilingExchange(d, { number: 'BA-2022-001', revision: 1, committee: '示例评委会', passed: 12 }, key)).toBe(1);
    expect(await pushDue(d, h.clock.now())).toEqual({ sent: 1, retrying: 0, dead: 0 });
    const got = JSON.parse(national.kept.get('BA-2022-001@r1')!) as { event: string; document: Record<string, unknown>; signature: string; kid: string };
    expect(got).toMatchObject({ event: 'filing.submitted', document: { number: 'BA-2022-001', passed: 12 } });
    const jwks = (await h.anon({ method: 'GET', url: '/.well-known/zc-certificate-keys.json' })).json() as Jwks;
    expect(verifyDocument({ document: got.document, signature: got.signature, kid: got.kid }, jwks).ok).toBe(true);
  });
});

describe('EXCHANGE_ENDPOINTS', () => {
  it('none configured: nothing is queued', async () => {
    expect(parseExchangeEndpoints({})).toEqual([]);
  });
  it('refuses a missing token variable and an unknown event, in Chinese', () => {
    const one = (o: object) => () => parseExchangeEndpoints({ EXCHANGE_ENDPOINTS: JSON.stringify([o]) });
    expect(one({ id: 'a', name: '甲', url: 'https://x', tokenEnv: 'NOPE', events: [] })).toThrow(/环境变量 NOPE 未设置/);
    expect(one({ id: 'a', name: '甲', url: 'https://x', events: ['x'] })).toThrow(/events/);
  });
});
