// Issue 11 item 9: the org tree API — create, rename, move (no cycles), post counts (D13), deactivate
// (refused with open applications or active children), admin only, every change audited with before/after.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApplication } from '../../support/factories.js';
import { startHarness, type Harness } from '../../support/harness.js';

interface OrgNode { id: string; name: string; parentId?: string; deactivated?: unknown; posts?: unknown; children: OrgNode[] }
const find = (nodes: OrgNode[], id: string): OrgNode | undefined => {
  for (const n of nodes) {
    if (n.id === id) return n;
    const inner = find(n.children, id);
    if (inner) return inner;
  }
  return undefined;
};

describe('org tree administration', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ users: [{ id: 'reviewer', roles: [{ role: 'unitReviewer', orgId: 'unit-hhht-design' }] }] });
  });
  afterAll(async () => h.close());
  const admin = () => h.as('demo-admin');
  const auditOf = async (id: string) => (await h.platform.store.listAudit(1, 100000)).filter((e) => e.target.type === 'org' && e.target.id === id);

  it('lists the orgs as a tree under the region', async () => {
    const res = await admin()({ method: 'GET', url: '/api/admin/orgs' });
    expect(res.statusCode, res.body).toBe(200);
    const { tree, count } = res.json() as { tree: OrgNode[]; count: number };
    expect(count).toBeGreaterThan(100);
    expect(tree.map((n) => n.id)).toContain('nm');
    expect(find(tree, '150100')?.parentId).toBe('nm');
    expect(find(find(tree, 'nm')!.children, '150100')).toBeDefined();
  });

  it('creates, renames, moves and sets post counts, each with an audit record (before/after)', async () => {
    const created = await admin()({ method: 'POST', url: '/api/admin/orgs', payload: { name: '呼和浩特市档案馆', kind: 'unit', parentId: '150100' } });
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as { org: { id: string } }).org.id;
    expect(await h.platform.store.getOrg(id)).toMatchObject({ name: '呼和浩特市档案馆', kind: 'unit', parentId: '150100' });

    const renamed = await admin()({ method: 'PUT', url: `/api/admin/orgs/${id}`, payload: { name: '呼和浩特市档案史志馆' } });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const moved = await admin()({ method: 'PUT', url: `/api/admin/orgs/${id}`, payload: { parentId: '150200' } });
    expect(moved.statusCode, moved.body).toBe(200);
    const posts = { year: 2022, total: 40, byGrade: { 正高级: 2, 副高级: 8, 中级: 15, 初级: 15 }, ratio: { 正高级: 5, 副高级: 20, 中级: 37.5, 初级: 37.5 } };
    const withPosts = await admin()({ method: 'PUT', url: `/api/admin/orgs/${id}`, payload: { posts } });
    expect(withPosts.statusCode, withPosts.body).toBe(200);
    expect(await h.platform.store.getOrg(id)).toMatchObject({ name: '呼和浩特市档案史志馆', parentId: '150200', posts });

    const audit = await auditOf(id);
    expect(audit.map((e) => e.action)).toEqual(['org.create', 'org.rename', 'org.move', 'org.update']);
    expect(audit[1]).toMatchObject({ actor: 'demo-admin', before: { name: '呼和浩特市档案馆' }, after: { name: '呼和浩特市档案史志馆' } });
    expect(audit[2]).toMatchObject({ before: { parentId: '150100' }, after: { parentId: '150200' } });
  });

  it('refuses posts over the total at the field, storing nothing', async () => {
    const res = await admin()({ method: 'PUT', url: '/api/admin/orgs/150100', payload: { posts: { total: 5, byGrade: { 副高级: 9 } } } });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ details: [{ code: 'org.posts_over_total', pointer: '/posts/total' }] });
    expect((await h.platform.store.getOrg('150100'))?.posts).toBeUndefined();
  });

  it('refuses a move under the org itself or one of its descendants (a cycle), in Chinese', async () => {
    const before = (await auditOf('nm')).length;
    const res = await admin()({ method: 'PUT', url: '/api/admin/orgs/nm', payload: { parentId: '150100' } });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'org.cycle', details: [{ pointer: '/parentId' }] });
    expect((res.json() as { message: string }).message).toContain('不能把「内蒙古自治区」移到它自己或它的下级机构');
    expect((await h.platform.store.getOrg('nm'))?.parentId).toBeUndefined();
    const self = await admin()({ method: 'PUT', url: '/api/admin/orgs/150100', payload: { parentId: '150100' } });
    expect(self.statusCode).toBe(409);
    expect((await auditOf('nm')).length).toBe(before);
  });

  it('refuses deactivating an org with active children or open applications; deactivates one without', async () => {
    const children = await admin()({ method: 'POST', url: '/api/admin/orgs/150100/deactivate', payload: {} });
    expect(children.statusCode).toBe(409);
    expect(children.json()).toMatchObject({ code: 'org.has_active_children' });
    expect((children.json() as { message: string }).message).toMatch(/^「呼和浩特市」下还有 \d+ 个未停用的下级机构/);

    const unit = (await admin()({ method: 'POST', url: '/api/admin/orgs', payload: { name: '测试单位', kind: 'unit', parentId: '150100' } })).json() as { org: { id: string } };
    await h.platform.store.insertApplication(makeApplication({ id: 'app-open', status: 'submitted', orgId: unit.org.id, routing: { unit: unit.org.id } }), []);
    const open = await admin()({ method: 'POST', url: `/api/admin/orgs/${unit.org.id}/deactivate`, payload: {} });
    expect(open.statusCode).toBe(409);
    expect(open.json()).toMatchObject({ code: 'org.has_open_applications', message: '「测试单位」还有 1 份未办结的申报（草稿、审核中或退回补正），不能停用' });
    expect((await h.platform.store.getOrg(unit.org.id))?.deactivated).toBeUndefined();

    const done = await h.platform.store.getApplication('app-open');
    await h.platform.store.updateApplication({ ...done!, status: 'certified', version: 2 }, 1, []);
    const ok = await admin()({ method: 'POST', url: `/api/admin/orgs/${unit.org.id}/deactivate`, payload: { reason: '撤并' } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await h.platform.store.getOrg(unit.org.id)).toMatchObject({ deactivated: { by: 'demo-admin', reason: '撤并' } });
    // kept for history, not offered for new applications, and no new org goes under it
    const tree = (await admin()({ method: 'GET', url: '/api/admin/orgs' })).json() as { tree: OrgNode[] };
    expect(find(tree.tree, unit.org.id)?.deactivated).toBeDefined();
    const units = (await h.anon({ method: 'GET', url: '/api/units' })).json() as { items: { id: string }[] };
    expect(units.items.map((u) => u.id)).not.toContain(unit.org.id);
    const under = await admin()({ method: 'POST', url: '/api/admin/orgs', payload: { name: '下级', kind: 'unit', parentId: unit.org.id } });
    expect(under.statusCode).toBe(422);
    expect(under.json()).toMatchObject({ details: [{ code: 'org.parent_inactive', pointer: '/parentId' }] });
    expect((await auditOf(unit.org.id)).map((e) => e.action)).toEqual(['org.create', 'org.deactivate']);
  });

  it('is for administrators only', async () => {
    const reviewer = h.as('reviewer');
    expect((await reviewer({ method: 'GET', url: '/api/admin/orgs' })).statusCode).toBe(403);
    const res = await reviewer({ method: 'POST', url: '/api/admin/orgs', payload: { name: 'x', kind: 'unit', parentId: 'nm' } });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'auth.forbidden' });
    expect((await h.anon({ method: 'GET', url: '/api/admin/orgs' })).statusCode).toBe(401);
  });
});
