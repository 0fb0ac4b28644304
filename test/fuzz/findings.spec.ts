// What the OpenAPI fuzz run (test/fuzz/run.ts) found, kept as fast regression tests on the in-process harness.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_STATUSES } from '../../server/http/documented-errors.js';
import { startHarness, type Harness } from '../support/harness.js';

describe('fuzz findings', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ now: '2026-11-27T02:00:00.000Z', users: [{ id: 'adm', roles: [{ role: 'admin', orgId: 'nm-hrss' }] }] });
  });
  afterAll(async () => h.close());

  it('every documented route lists a success status and the one error shape for each 4xx the platform answers with', async () => {
    const doc = (await h.anon({ method: 'GET', url: '/docs/json' })).json() as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    const missing: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const codes = Object.keys(op.responses);
        if (!codes.some((c) => c.startsWith('2'))) missing.push(`${method} ${path}: 2xx`);
        for (const s of ERROR_STATUSES) if (!codes.includes(String(s))) missing.push(`${method} ${path}: ${s}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('a draft whose body is not an object (null) is refused, so listing the workflows cannot fail on it', async () => {
    const adm = h.as('adm');
    for (const body of [null, 0, 'x', []]) {
      const res = await adm({ method: 'PUT', url: '/api/definitions/workflow/fuzz-null/draft', payload: { body } });
      expect(res.statusCode, res.body).toBe(400);
    }
    const list = await adm({ method: 'GET', url: '/api/definitions?kind=workflow' });
    expect(list.statusCode, list.body).toBe(200);
    expect((await adm({ method: 'GET', url: '/api/workflows/fuzz-null/diff?from=0&to=1' })).statusCode).toBe(404);
  });

  it('a page offset past any integer the store can bind is a 400, not a 500', async () => {
    for (const url of ['/api/applications?offset=928026735201950938169344', '/api/tasks?offset=928026735201950938169344']) {
      const res = await h.as('adm')({ method: 'GET', url });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(400);
    }
  });

  it('POST /api/eligibility with a malformed rules object (an admin trial) is a 400 with pointers, not a 500', async () => {
    for (const rules of [{}, { '': [[]], none: {} }, { paths: [{}] }, { paths: [{ id: 'a', name: 'A', conditions: [{ id: 'c' }] }] }]) {
      const res = await h.as('adm')({ method: 'POST', url: '/api/eligibility', payload: { levelKey: 'gongcheng.zhongji', campaignId: '2026', form: {}, rules } });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({ code: 'request.invalid', details: expect.arrayContaining([expect.objectContaining({ pointer: expect.stringMatching(/^\/rules/) })]) });
    }
  });
});
