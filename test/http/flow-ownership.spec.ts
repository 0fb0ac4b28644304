// Departments own their flows (issue 12 item 4): every seeded flow has an owning department with a flow-editor
// account; an editor lists, reads, edits and publishes only its department's flows; versions can be compared and
// the applications in flight on each version counted before publishing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/config.js';
import { newState } from '../../server/domain/workflow/state.js';
import { makeApplication } from '../support/factories.js';
import { startHarness, type Harness } from '../support/harness.js';

const SEEDED_FLOWS = ['league-review', 'online-review', 'teacher-review', 'directed-review', 'entrusted-review', 'entrusted-out', 'recognition', 'title-confirmation', 'unit-review'];

describe('departments own their flows', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h.close());

  it('every seeded flow has an owning department, and every owning department has a flow-editor account', async () => {
    const owners = new Set<string>();
    for (const key of SEEDED_FLOWS) {
      const owner = (await h.platform.store.getDefinition<{ ownerOrgId?: string }>('workflow', key, 'latest'))?.body.ownerOrgId;
      expect(owner, key).toBeTruthy();
      owners.add(owner!);
    }
    const users = await h.platform.store.listUsers();
    for (const org of owners) {
      const editors = users.filter((u) => u.roles.some((r) => r.role === 'flowEditor' && r.orgId === org) && !u.roles.some((r) => r.role === 'admin'));
      expect(editors.length, org).toBeGreaterThan(0);
    }
  });

  it('a flow editor lists only its department\'s flows, by name and department, and no other kind', async () => {
    const res = await h.as('demo-flow-edu')({ method: 'GET', url: '/api/definitions?kind=workflow' });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { key: string; name?: string; ownerName?: string }[];
    expect(items.map((i) => i.key).sort()).toEqual(['directed-review', 'teacher-review']);
    expect(items.every((i) => i.ownerName === '内蒙古自治区教育厅' && i.name)).toBe(true);
    expect((await h.as('demo-flow-edu')({ method: 'GET', url: '/api/definitions?kind=level' })).json().items).toEqual([]);
    // an administrator still sees every flow
    const all = (await h.as('demo-admin')({ method: 'GET', url: '/api/definitions?kind=workflow' })).json().items as unknown[];
    expect(all.length).toBeGreaterThanOrEqual(SEEDED_FLOWS.length);
  });

  it('a flow editor reads only its department\'s flows and versions', async () => {
    const edu = h.as('demo-flow-edu');
    const mine = await edu({ method: 'GET', url: '/api/definitions/workflow/teacher-review' });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().versions[0]).toMatchObject({ version: 1, createdByName: '初始配置' });
    const theirs = await edu({ method: 'GET', url: '/api/definitions/workflow/league-review' });
    expect(theirs.statusCode).toBe(403);
    expect(theirs.json()).toMatchObject({ code: 'auth.forbidden', message: '只能查看本部门的评审流程' });
    expect((await edu({ method: 'GET', url: '/api/definitions/workflow/league-review/versions/1' })).statusCode).toBe(403);
    expect((await edu({ method: 'GET', url: '/api/workflows/league-review/in-flight' })).statusCode).toBe(403);
    expect((await edu({ method: 'GET', url: '/api/workflows/league-review/diff?from=1&to=1' })).statusCode).toBe(403);
    expect((await edu({ method: 'GET', url: '/api/definitions/level/gongcheng.zhongji' })).statusCode).toBe(403);
  });

  it('counts the applications in flight per version, for the owner and administrators only', async () => {
    const running = { ...newState(), status: 'active' as const };
    const pinned = (workflow: number) => ({ level: 1, workflowKey: 'unit-review', workflow });
    for (const [i, v] of [1, 1, 1, 2].entries()) {
      await h.platform.store.insertApplication(makeApplication({ id: `inflight-${i}`, applicantId: `p${i}`, status: 'submitted', pinned: pinned(v), workflow: running }), []);
    }
    const res = await h.as('demo-flow-jianshe')({ method: 'GET', url: '/api/workflows/unit-review/in-flight' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ key: 'unit-review', latestVersion: 1, total: 4, items: [{ version: 1, count: 3 }, { version: 2, count: 1 }] });
    expect((await h.as('demo-admin')({ method: 'GET', url: '/api/workflows/unit-review/in-flight' })).statusCode).toBe(200);
    expect((await h.as('demo-unit-design')({ method: 'GET', url: '/api/workflows/unit-review/in-flight' })).statusCode).toBe(403);
    expect((await h.as('demo-flow-jianshe')({ method: 'GET', url: '/api/workflows/nothing-here/in-flight' })).statusCode).toBe(404);
  });

  it('publishes a new version of its own flow and compares it with the older one, by element name', async () => {
    const jianshe = h.as('demo-flow-jianshe');
    const v1 = (await jianshe({ method: 'GET', url: '/api/definitions/workflow/unit-review' })).json().latest.body as { name: string; xml: string; ownerOrgId: string };
    const xml = v1.xml.replace('role="unitReviewer"', 'role="competentReviewer"').replace('name="单位审核"', 'name="单位初审"');
    expect((await jianshe({ method: 'PUT', url: '/api/definitions/workflow/unit-review/draft', payload: { body: { ...v1, xml } } })).statusCode).toBe(200);
    // before publishing: the draft against the latest version
    const pending = await jianshe({ method: 'GET', url: '/api/workflows/unit-review/diff?from=1&to=0' });
    expect(pending.statusCode, pending.body).toBe(200);
    expect(pending.json().changed).toEqual([expect.objectContaining({ name: '单位初审', typeLabel: '用户任务' })]);
    const published = await jianshe({ method: 'POST', url: '/api/definitions/workflow/unit-review/publish' });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ version: 2, createdBy: 'demo-flow-jianshe' });
    const diff = (await jianshe({ method: 'GET', url: '/api/workflows/unit-review/diff?from=1&to=2' })).json();
    expect(diff).toMatchObject({ from: 1, to: 2, added: [], removed: [] });
    expect(diff.changed[0].changes).toEqual(expect.arrayContaining([{ field: 'zc:Assignment.role', label: '办理角色', from: 'unitReviewer', to: 'competentReviewer' }]));
    const versions = (await jianshe({ method: 'GET', url: '/api/definitions/workflow/unit-review' })).json().versions as { version: number; createdByName: string }[];
    expect(versions.find((v) => v.version === 2)?.createdByName).toBe('呼和浩特市住建局人事科（流程编辑）');
    expect((await jianshe({ method: 'GET', url: '/api/workflows/unit-review/diff?from=1&to=9' })).statusCode).toBe(404);
  });

  it('offers the modeler\'s dropdowns: orgs by name, committees, and the decision forms of the levels using the flow', async () => {
    const res = await h.as('demo-flow-centre')({ method: 'GET', url: '/api/workflows/league-review/catalog' });
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json();
    expect(c.orgs).toEqual(expect.arrayContaining([{ id: 'nm-centre', name: '自治区人事人才公共服务中心', parentName: '内蒙古自治区人力资源和社会保障厅' }]));
    expect(c.committees.length).toBeGreaterThan(0);
    expect(c.levelsUsingFlow).toEqual(expect.arrayContaining(['高级工程师']));
    const review = c.decisionForms.find((f: { key: string }) => f.key === 'review');
    expect(review.conclusions.map((x: { value: string }) => x.value)).toEqual(['approve', 'return', 'reject']);
    expect((await h.as('demo-flow-edu')({ method: 'GET', url: '/api/workflows/league-review/catalog' })).statusCode).toBe(403);
  });

  it('the owners file names exactly the seeded flows', () => {
    const owners = JSON.parse(readFileSync(join(REPO_ROOT, 'seeds/workflow-owners.json'), 'utf8')).owners as Record<string, string>;
    expect(Object.keys(owners).sort()).toEqual([...SEEDED_FLOWS].sort());
  });
});
