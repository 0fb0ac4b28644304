// The house: health, OpenAPI, the error shape, policies on every route, versioned definitions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';

describe('foundation API', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ users: [{ id: 'admin-1', roles: [{ role: 'admin', orgId: 'nm-hrss' }] }, { id: 'applicant-1', kind: 'applicant', roles: [{ role: 'applicant', orgId: 'unit-hhht-design' }] }] });
  });
  afterAll(async () => h.close());

  it('serves /health and the OpenAPI document at /docs', async () => {
    const health = await h.anon({ method: 'GET', url: '/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ status: 'ok', store: expect.any(String) });
    const doc = await h.anon({ method: 'GET', url: '/docs/json' });
    expect(doc.statusCode).toBe(200);
    const paths = Object.keys(doc.json().paths as object);
    expect(paths).toContain('/api/definitions/{kind}/{key}/publish');
    const ui = await h.anon({ method: 'GET', url: '/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('lists the seeded series publicly', async () => {
    const res = await h.anon({ method: 'GET', url: '/api/series' });
    expect(res.statusCode).toBe(200);
    const series = res.json().items as { key: string; name: string; version: number }[];
    expect(series.map((s) => s.key)).toContain('gongcheng');
    expect(series.find((s) => s.key === 'gongcheng')).toMatchObject({ name: '工程技术人员', version: 1 });
  });

  it('answers every error in one shape with a Chinese message', async () => {
    const missing = await h.anon({ method: 'GET', url: '/api/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ code: 'not_found', message: expect.stringContaining('找不到'), details: [] });
    const unauth = await h.anon({ method: 'GET', url: '/api/definitions' });
    expect(unauth.statusCode).toBe(401);
    expect(unauth.json()).toMatchObject({ code: 'auth.unauthenticated', message: '请先登录', details: [] });
    const forbidden = await h.as('applicant-1')({ method: 'GET', url: '/api/definitions' });
    expect(forbidden.statusCode).toBe(403);
    const bad = await h.as('admin-1')({ method: 'PUT', url: '/api/definitions/level/x/draft', payload: { nobody: 1 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'request.invalid', details: [{ pointer: '/body', message: expect.stringMatching(/属性/) }] });
  });

  it('refuses a body over the size limit', async () => {
    const res = await h.as('admin-1')({ method: 'PUT', url: '/api/definitions/template/big/draft', payload: { body: { name: 'x', source: 'x'.repeat(1_100_000) } } });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('request.too_large');
  });

  it('publishes drafts as new immutable versions and refuses a bad one with every error, storing nothing', async () => {
    const admin = h.as('admin-1');
    const before = (await h.platform.store.listVersions('campaign', '2022')).length;
    const draft = await admin({
      method: 'PUT',
      url: '/api/definitions/campaign/2022/draft',
      payload: { body: { key: '2022', year: 1999, name: '', phases: [{ id: 'apply', name: '申报', opens: '2022-13-01' }], cutoffs: {} } },
    });
    expect(draft.statusCode).toBe(200);
    const refused = await admin({ method: 'POST', url: '/api/definitions/campaign/2022/publish' });
    expect(refused.statusCode).toBe(422);
    const err = refused.json();
    expect(err.code).toBe('definition.invalid');
    const pointers = (err.details as { pointer: string }[]).map((d) => d.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/year', '/phases/0/closes', '/phases/0/opens', '/cutoffs/education', '/cutoffs/tenure']));
    expect((await h.platform.store.listVersions('campaign', '2022')).length).toBe(before);

    const good = { key: '2022', year: 2022, name: '2022年度职称评审（修订）', phases: [{ id: 'apply', name: '申报', opens: '2022-05-20', closes: '2022-07-15' }], cutoffs: { education: '2021-12-31', tenure: '2021-12-31' } };
    await admin({ method: 'PUT', url: '/api/definitions/campaign/2022/draft', payload: { body: good } });
    const published = await admin({ method: 'POST', url: '/api/definitions/campaign/2022/publish' });
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ version: before + 1, status: 'published' });
    const v1 = await admin({ method: 'GET', url: '/api/definitions/campaign/2022/versions/1' });
    expect(v1.json().body.phases).toHaveLength(4);
    const audit = await h.platform.store.listAudit(1, 10_000);
    expect(audit.some((a) => a.action === 'definition.publish' && a.actor === 'admin-1')).toBe(true);
  });

  it('refuses a workflow with an unsupported element at publish, naming the element', async () => {
    const admin = h.as('admin-1');
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x">
  <bpmn:process id="p" isExecutable="true">
    <bpmn:startEvent id="s"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:complexGateway id="cg"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:complexGateway>
    <bpmn:endEvent id="e"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="cg" /><bpmn:sequenceFlow id="f2" sourceRef="cg" targetRef="e" />
  </bpmn:process>
</bpmn:definitions>`;
    await admin({ method: 'PUT', url: '/api/definitions/workflow/bad-flow/draft', payload: { body: { name: '坏流程', xml } } });
    const res = await admin({ method: 'POST', url: '/api/definitions/workflow/bad-flow/publish' });
    expect(res.statusCode).toBe(422);
    expect(res.json().details).toEqual(expect.arrayContaining([expect.objectContaining({ elementId: 'cg', code: 'bpmn.unsupported_element' })]));
    expect(await h.platform.store.getDefinition('workflow', 'bad-flow', 'latest')).toBeNull();
  });
});
