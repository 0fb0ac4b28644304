// Issue 11 item 9: committees one at a time over the versioned `committees` definition — create, edit, deactivate;
// two administrators editing different committees both keep their change; a stale edit of the same committee is
// refused with who changed it and when; checks' problems come back at the committee's own fields.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchCommittee } from '../../../server/domain/routing/match-committee.js';
import type { CommitteeList } from '../../../server/domain/schema-types.gen.js';
import { startHarness, type Harness } from '../../support/harness.js';

type Committee = CommitteeList['committees'][number];
const ARCHIVE = {
  name: '内蒙古自治区档案系列高级职称评审委员会',
  seriesKey: 'gongcheng',
  highestGrade: '副高级',
  scope: { regions: ['150100'] },
  filing: { validFrom: '2022-01-01', validTo: '2026-12-31', number: '内人社职备〔2022〕9号' },
  officeOrgId: 'office-gongcheng',
} as const;

describe('committees one at a time', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ users: [{ id: 'admin-2', name: '李管理', roles: [{ role: 'admin', orgId: 'nm-hrss' }] }, { id: 'reviewer', roles: [{ role: 'unitReviewer', orgId: 'unit-hhht-design' }] }] });
  });
  afterAll(async () => h.close());
  const admin = () => h.as('demo-admin');
  const list = async () => (await admin()({ method: 'GET', url: '/api/admin/committees' })).json() as { version: number; items: Committee[] };
  const latest = async () => (await h.platform.store.getDefinition<CommitteeList>('committees', 'committees', 'latest'))!;

  it('creates one committee as a new published version of the list, audited with before/after', async () => {
    const before = await list();
    const res = await admin()({ method: 'POST', url: '/api/admin/committees', payload: ARCHIVE });
    expect(res.statusCode, res.body).toBe(201);
    const { committee, version } = res.json() as { committee: Committee; version: number };
    expect(version).toBe(before.version + 1);
    expect(committee.id).toMatch(/^cmt-/);
    const stored = await latest();
    expect(stored.version).toBe(version);
    expect(stored.body.committees).toHaveLength(before.items.length + 1);
    expect(stored.body.committees.find((c) => c.id === committee.id)).toMatchObject(ARCHIVE);
    const audit = (await h.platform.store.listAudit(1, 100000)).filter((e) => e.target.id === committee.id);
    expect(audit).toMatchObject([{ action: 'committee.create', actor: 'demo-admin', after: { name: ARCHIVE.name, definitionVersion: version } }]);
  });

  it('shows the checks\' problems at the committee\'s own field and publishes nothing', async () => {
    const before = await latest();
    const res = await admin()({ method: 'POST', url: '/api/admin/committees', payload: { ...ARCHIVE, filing: { validFrom: '2026-01-01', validTo: '2022-01-01' }, officeOrgId: '150100' } });
    expect(res.statusCode).toBe(422);
    const pointers = (res.json() as { details: { pointer: string }[] }).details.map((d) => d.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/filing/validTo', '/officeOrgId']));
    expect((await latest()).version).toBe(before.version);
  });

  it('keeps both of two concurrent edits of different committees', async () => {
    const { version, items } = await list();
    const [a, b] = items;
    const editA = admin()({ method: 'PUT', url: `/api/admin/committees/${a!.id}`, payload: { ...strip(a!), name: `${a!.name}（甲）`, baseVersion: version } });
    const editB = h.as('admin-2')({ method: 'PUT', url: `/api/admin/committees/${b!.id}`, payload: { ...strip(b!), name: `${b!.name}（乙）`, baseVersion: version } });
    const [ra, rb] = await Promise.all([editA, editB]);
    expect(ra.statusCode, ra.body).toBe(200);
    expect(rb.statusCode, rb.body).toBe(200);
    const stored = await latest();
    expect(stored.version).toBe(version + 2);
    expect(stored.body.committees.find((c) => c.id === a!.id)?.name).toBe(`${a!.name}（甲）`);
    expect(stored.body.committees.find((c) => c.id === b!.id)?.name).toBe(`${b!.name}（乙）`);
    // the expert list is not on the page: an edit keeps it
    expect(stored.body.committees.find((c) => c.id === a!.id)?.experts).toEqual(a!.experts);
  });

  it('refuses an edit of a committee someone changed since it was read, naming who and when', async () => {
    const { version, items } = await list();
    const c = items[2]!;
    h.clock.set('2022-06-02T03:04:00.000Z');
    const first = await h.as('admin-2')({ method: 'PUT', url: `/api/admin/committees/${c.id}`, payload: { ...strip(c), name: `${c.name}（新）`, baseVersion: version } });
    expect(first.statusCode, first.body).toBe(200);
    const stale = await admin()({ method: 'PUT', url: `/api/admin/committees/${c.id}`, payload: { ...strip(c), highestGrade: '中级', baseVersion: version } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'committee.conflict', message: `该评委会已被李管理于 2022-06-02 03:04 修改（第 ${version + 1} 版），请刷新后重新编辑` });
    expect((await latest()).body.committees.find((x) => x.id === c.id)).toMatchObject({ name: `${c.name}（新）`, highestGrade: c.highestGrade });
  });

  it('deactivates a committee: kept in the list (history, cross-references), no longer matched for new applications', async () => {
    const { items } = await list();
    const c = items.find((x) => x.name === ARCHIVE.name)!;
    const query = { seriesKey: 'gongcheng', grade: '副高级', unitId: 'unit-hhht-design', leagueId: '150100', date: '2022-06-01' } as const;
    const narrowest = (list: Committee[]) => list.filter((x) => x.id === c.id || !x.scope.regions?.includes('150100'));
    expect(matchCommittee(narrowest((await latest()).body.committees), query)?.id).toBe(c.id);
    const res = await admin()({ method: 'POST', url: `/api/admin/committees/${c.id}/deactivate`, payload: {} });
    expect(res.statusCode, res.body).toBe(200);
    expect((await latest()).body.committees.find((x) => x.id === c.id)).toMatchObject({ deactivated: { by: 'demo-admin' } });
    expect(matchCommittee(narrowest((await latest()).body.committees), query)?.id).not.toBe(c.id);
    const again = await admin()({ method: 'POST', url: `/api/admin/committees/${c.id}/deactivate`, payload: {} });
    expect(again.statusCode).toBe(409);
    const audit = (await h.platform.store.listAudit(1, 100000)).filter((e) => e.target.id === c.id).map((e) => e.action);
    expect(audit).toEqual(['committee.create', 'committee.deactivate']);
  });

  it('is for administrators only', async () => {
    expect((await h.as('reviewer')({ method: 'GET', url: '/api/admin/committees' })).statusCode).toBe(403);
    expect((await h.as('reviewer')({ method: 'POST', url: '/api/admin/committees', payload: ARCHIVE })).statusCode).toBe(403);
  });
});

function strip(c: Committee): Omit<Committee, 'id' | 'experts' | 'deactivated'> {
  const { id: _i, experts: _e, deactivated: _d, ...rest } = c;
  return rest;
}
