// Issue 10 item 8: bad input gets a 4xx, never a 500, and every error has the one documented shape
// {code, message, details[]} with a Chinese message: the multipart parser's errors, Fastify's own
// (bad JSON, wrong content type, a bad or over-long URL parameter, a body too large), unknown routes,
// a body nested too deep, validation and access refusals.
import { connect } from 'node:net';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';

const ADMIN = 'demo-admin';
const APPLICANT = 'demo-zhang';
const CHINESE = /[\u4e00-\u9fa5]/;

/** exactly {code, message, details[]}: a stable code, Chinese words, located details, nothing internal */
function expectShape(res: LightMyRequestResponse, status: number, code: string | RegExp): { code: string; message: string; details: Record<string, unknown>[] } {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = res.json() as { code: string; message: string; details: Record<string, unknown>[] };
  expect(Object.keys(body).sort()).toEqual(['code', 'details', 'message']);
  if (typeof code === 'string') expect(body.code).toBe(code);
  else expect(body.code).toMatch(code);
  expect(body.code).toMatch(/^[a-z_]+(\.[a-z_]+)*$/);
  expect(body.message).toMatch(CHINESE);
  expect(Array.isArray(body.details)).toBe(true);
  for (const d of body.details) {
    expect(typeof d.code).toBe('string');
    expect(d.message).toMatch(CHINESE);
  }
  expect(res.body).not.toMatch(/FST_|at \/|node_modules|Error:/);
  return body;
}

/** raw bytes to a listening server, and its whole answer: what a broken client or a scanner sends */
function rawHttp(url: string, bytes: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(bytes));
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => (text += d));
    socket.on('error', reject);
    socket.on('close', () => resolve({ status: Number(/^HTTP\/1\.1 (\d+)/.exec(text)?.[1] ?? 0), body: text.slice(text.indexOf('\r\n\r\n') + 4) }));
  });
}

const multipart = (boundary: string, body: string) => ({ 'content-type': `multipart/form-data${boundary}`, payload: body });

describe('every 4xx and 5xx has the one error shape', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  }, 300_000);
  afterAll(async () => h?.close());

  it('a multipart upload without a boundary is 400, not 500 (busboy "Boundary not found")', async () => {
    const { payload, ...headers } = multipart('', 'xx');
    const res = await h.as(APPLICANT)({ method: 'POST', url: '/api/applications/any/materials/idcard', headers, payload });
    expectShape(res, 400, 'request.invalid_multipart');
  });

  it('a multipart upload cut off in the middle of a part is 400', async () => {
    const { payload, ...headers } = multipart('; boundary=zzz', '--zzz\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 ab');
    const res = await h.as(APPLICANT)({ method: 'POST', url: '/api/applications/any/materials/idcard', headers, payload });
    expectShape(res, 400, 'request.invalid_multipart');
  });

  it('a multipart body that is not multipart at all is 400', async () => {
    const { payload, ...headers } = multipart('; boundary=zzz', 'hello');
    const res = await h.as(APPLICANT)({ method: 'POST', url: '/api/applications/any/materials/idcard', headers, payload });
    expectShape(res, 400, 'request.invalid_multipart');
  });

  it('an over-long route parameter is 414 in the shape, not Fastify\'s {error, code, message}', async () => {
    const res = await h.as(ADMIN)({ method: 'GET', url: `/api/definitions/level/${'x'.repeat(500)}` });
    expectShape(res, 414, 'request.param_too_long');
    expectShape(await h.anon({ method: 'GET', url: `/api/applications/${'a'.repeat(5000)}` }), 414, 'request.param_too_long');
  });

  it('a parameter that does not decode is 400 in the shape', async () => {
    expectShape(await h.as(ADMIN)({ method: 'GET', url: '/api/definitions/level/%E0%A4%A' }), 400, 'request.bad_url');
  });

  it('a route parameter outside its schema is 400 with the parameter located', async () => {
    const body = expectShape(await h.as(ADMIN)({ method: 'GET', url: '/api/definitions/level/bad%20key' }), 400, 'request.invalid');
    expect(body.details[0]).toMatchObject({ source: 'params' });
  });

  it('malformed JSON, an empty JSON body and a prototype-poisoning body are 400', async () => {
    const put = (payload: string) => h.as(ADMIN)({ method: 'PUT', url: '/api/definitions/level/x/draft', headers: { 'content-type': 'application/json' }, payload });
    expectShape(await put('{"body": '), 400, 'request.invalid_json');
    expectShape(await put(''), 400, 'request.empty_body');
    expectShape(await put('{"body": {"__proto__": {"admin": true}}}'), 400, 'request.invalid_json');
  });

  it('a content type the route does not read is 415; text where JSON is expected is 400 with the pointer', async () => {
    expectShape(await h.as(ADMIN)({ method: 'PUT', url: '/api/definitions/level/x/draft', headers: { 'content-type': 'application/xml' }, payload: '<body/>' }), 415, 'request.unsupported_media_type');
    const text = expectShape(await h.as(ADMIN)({ method: 'PUT', url: '/api/definitions/level/x/draft', headers: { 'content-type': 'text/plain' }, payload: 'body' }), 400, 'request.invalid');
    expect(text.details[0]).toMatchObject({ pointer: '', source: 'body' });
    // an upload that is not multipart
    expectShape(await h.as(APPLICANT)({ method: 'POST', url: '/api/applications/any/materials/idcard', headers: { 'content-type': 'application/json' }, payload: '{}' }), 415, 'request.unsupported_media_type');
  });

  it('a body over the limit is 413', async () => {
    const res = await h.as(ADMIN)({ method: 'PUT', url: '/api/definitions/template/big/draft', payload: { body: { name: 'x', source: 'x'.repeat(1_100_000) } } });
    expectShape(res, 413, 'request.too_large');
  });

  it('an unknown route or method is 404 in the shape', async () => {
    expectShape(await h.anon({ method: 'GET', url: '/api/no-such-thing' }), 404, 'not_found');
    expectShape(await h.as(ADMIN)({ method: 'DELETE', url: '/api/definitions' }), 404, 'not_found');
    const long = expectShape(await h.anon({ method: 'GET', url: `/${'y'.repeat(10_000)}` }), 404, 'not_found');
    expect(long.message.length).toBeLessThan(300);
  });

  it('a form nested 5,000 deep is refused with 4xx (it was a 500 from a stack overflow), nothing stored', async () => {
    const deep = `${'{"type":"object","properties":{"a":'.repeat(5000)}{"type":"string"}${'}}'.repeat(5000)}`;
    const level = (await h.platform.store.getDefinition<Record<string, unknown>>('level', 'gongcheng.fugao', 'latest'))!.body;
    const payload = JSON.stringify({ body: { ...level, form: '@@deep@@' } }).replace('"@@deep@@"', deep);
    const headers = { 'content-type': 'application/json' };
    for (const url of ['/api/definitions/level/gongcheng.fugao/draft', '/api/definitions/level/gongcheng.fugao/check']) {
      const res = await h.as(ADMIN)({ method: url.endsWith('draft') ? 'PUT' : 'POST', url, headers, payload });
      expect(res.statusCode, res.body.slice(0, 300)).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      expectShape(res, res.statusCode, /\./);
    }
    expect(await h.platform.store.getDefinition('level', 'gongcheng.fugao', 'draft')).toBeNull();
    expect((await h.platform.store.getDefinition('level', 'gongcheng.fugao', 'latest'))?.version).toBe(1);
  });

  it('deep JSON sent to a route without a definition check is not a 500 either', async () => {
    const deep = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`;
    const res = await h.as(ADMIN)({ method: 'POST', url: '/api/eligibility', headers: { 'content-type': 'application/json' }, payload: `{"levelKey":"gongcheng.zhongji","campaignId":"2022","form":${deep}}` });
    expect(res.statusCode, res.body.slice(0, 300)).toBeLessThan(500);
    if (res.statusCode >= 400) expectShape(res, res.statusCode, /\./);
  });

  it('a request Node\'s HTTP parser refuses (malformed, headers too large) gets the shape too', async () => {
    const url = await h.app.listen({ port: 0, host: '127.0.0.1' });
    const cases: [string, number, string][] = [
      ['GARBAGE\r\n\r\n', 400, 'request.malformed'],
      [`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, 431, 'request.headers_too_large'],
    ];
    for (const [bytes, status, code] of cases) {
      const res = await rawHttp(url, bytes);
      expect(res.status).toBe(status);
      const body = JSON.parse(res.body) as Record<string, unknown>;
      expect(body).toEqual({ code, message: expect.stringMatching(CHINESE), details: [] });
    }
  });

  it('refusals of access and of invalid definitions keep the shape, details located', async () => {
    expectShape(await h.anon({ method: 'GET', url: '/api/definitions' }), 401, /^auth\./);
    expectShape(await h.as(APPLICANT)({ method: 'GET', url: '/api/definitions' }), 403, 'auth.forbidden');
    const flow = { name: '坏流程', xml: '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "b">]>\n<bpmn:definitions/>' };
    expect((await h.as(ADMIN)({ method: 'PUT', url: '/api/definitions/workflow/shape-flow/draft', payload: { body: flow } })).statusCode).toBe(200);
    const refused = expectShape(await h.as(ADMIN)({ method: 'POST', url: '/api/definitions/workflow/shape-flow/publish' }), 422, 'definition.invalid');
    expect(refused.details).toEqual([expect.objectContaining({ code: 'bpmn.doctype', line: 2, column: 1, source: 'workflow/shape-flow' })]);
    expectShape(await h.as(ADMIN)({ method: 'POST', url: '/api/definitions/workflow/no-such-flow/publish' }), 404, 'definition.no_draft');
  });
});
