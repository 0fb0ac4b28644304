// Issue 11 "Bad input" and item 8: two administrators editing the same definition — a save made from an older draft
// is refused (409) naming who saved the newer one and when (Beijing time), and the stored draft is unchanged; a
// publish of a draft that changed since the editor's save is refused likewise. And every definition has a version
// history with a readable diff between two versions, or a version and the draft.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';

const LEVEL = '/api/definitions/level/gongcheng.zhongji';
type Body = { form: { required: string[]; properties: Record<string, { title?: string }> }; materials: { id: string; name: string; required: boolean }[]; rules: { paths: { id: string; name: string; conditions: { id?: string; message?: string }[] }[] } };

describe('draft conflicts and the version history', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      now: '2022-06-01T02:00:00.000Z',
      users: [
        { id: 'admin-li', name: '李文', roles: [{ role: 'admin', orgId: 'nm-hrss' }] },
        { id: 'admin-wang', name: '王芳', roles: [{ role: 'admin', orgId: 'nm-hrss' }] },
      ],
    });
  }, 120_000);
  afterAll(async () => h?.close());

  const get = async (who: string) => (await h.as(who)({ method: 'GET', url: LEVEL })).json() as { latest: { hash: string; body: Body; version: number }; draft: { hash: string; body: Body } | null; draftByName?: string; versions: { version: number; createdByName?: string }[] };
  const save = (who: string, body: unknown, baseHash?: string | null) => h.as(who)({ method: 'PUT', url: `${LEVEL}/draft`, payload: baseHash === undefined ? { body } : { body, baseHash } });

  it('a save based on an older draft is refused with who saved the newer one and when; the stored draft is unchanged', async () => {
    // both open the level (no draft yet: their base is the published version)
    const start = await get('admin-li');
    expect(start.draft).toBeNull();
    const base = start.latest.hash;

    const li = structuredClone(start.latest.body);
    li.materials.push({ id: 'ce', name: '继续教育证明', required: false });
    h.clock.set('2022-06-01T02:30:00.000Z');
    const first = await save('admin-li', li, base);
    expect(first.statusCode, first.body).toBe(200);

    const wang = structuredClone(start.latest.body);
    wang.materials = wang.materials.filter((m) => m.id !== 'achievements');
    h.clock.set('2022-06-01T03:00:00.000Z');
    const refused = await save('admin-wang', wang, base);
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'definition.draft_conflict', message: expect.stringContaining('「李文」已于 2022-06-01 10:30（北京时间）保存了更新的草稿') });
    expect(refused.json().details).toEqual([expect.objectContaining({ code: 'definition.draft_conflict', message: expect.stringContaining('李文') })]);

    const after = await get('admin-wang');
    expect(after.draft?.hash).toBe(first.json().hash);
    expect(after.draft?.body).toEqual(li);
    expect(after.draftByName).toBe('李文');

    // loading the other's draft makes it the base: the save then goes through
    const merged = structuredClone(after.draft!.body);
    merged.materials = merged.materials.filter((m) => m.id !== 'achievements');
    const again = await save('admin-wang', merged, after.draft!.hash);
    expect(again.statusCode, again.body).toBe(200);
  });

  it('the same editor in another window is told it was they; a save of the stored content, a new definition and a save without baseHash go through', async () => {
    const { draft } = await get('admin-wang');
    const stale = 'f'.repeat(64);
    const self = await save('admin-wang', { ...draft!.body, title: '改' }, stale);
    expect(self.statusCode).toBe(409);
    expect(self.json().message).toContain('您（在另一窗口）已于');
    // saving exactly what is stored loses nothing
    expect((await save('admin-li', draft!.body, stale)).statusCode).toBe(200);
    // scripts and older clients send no baseHash: last write wins, as before
    expect((await save('admin-li', draft!.body)).statusCode).toBe(200);
    // a brand-new definition: base null, nothing stored yet
    const fresh = await h.as('admin-li')({ method: 'PUT', url: '/api/definitions/template/new-notice/draft', payload: { body: { name: '新通知', source: '<p>{{form.name}}</p>' }, baseHash: null } });
    expect(fresh.statusCode, fresh.body).toBe(200);
    // …and the second creator of the same key is refused
    const second = await h.as('admin-wang')({ method: 'PUT', url: '/api/definitions/template/new-notice/draft', payload: { body: { name: '另一个', source: '<p/>' }, baseHash: null } });
    expect(second.statusCode).toBe(409);
    expect(second.json().message).toContain('「李文」');
  });

  it('a publish of a draft another editor changed since one saved it is refused, and nothing is published', async () => {
    const { draft, latest } = await get('admin-li');
    const mine = draft!.hash;
    const changed = structuredClone(draft!.body);
    changed.form.required = changed.form.required.filter((r) => r !== 'education');
    h.clock.set('2022-06-01T04:05:00.000Z');
    expect((await save('admin-wang', changed, mine)).statusCode).toBe(200);
    const refused = await h.as('admin-li')({ method: 'POST', url: `${LEVEL}/publish?baseHash=${mine}` });
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().message).toContain('「王芳」已于 2022-06-01 12:05（北京时间）保存了更新的草稿');
    expect((await get('admin-li')).latest.version).toBe(latest.version);
  });

  it('publishes, then lists the versions by name and says what changed in Chinese lines', async () => {
    const before = await get('admin-wang');
    const published = await h.as('admin-wang')({ method: 'POST', url: `${LEVEL}/publish?baseHash=${before.draft!.hash}` });
    expect(published.statusCode, published.body).toBe(200);
    const v = published.json().version as number;
    // an edit begun on the version before is refused too, naming the publish
    const stale = await save('admin-li', before.latest.body, before.latest.hash);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toContain(`「王芳」已于 2022-06-01 12:05（北京时间）发布了第 ${v} 版`);
    const after = await get('admin-wang');
    expect(after.draft).toBeNull();
    expect(after.versions.find((x) => x.version === v)).toMatchObject({ createdByName: '王芳' });

    const diff = await h.as('admin-li')({ method: 'GET', url: `${LEVEL}/diff?from=${v - 1}&to=${v}` });
    expect(diff.statusCode, diff.body).toBe(200);
    const texts = (diff.json().lines as { text: string }[]).map((l) => l.text);
    expect(texts).toEqual(
      expect.arrayContaining([
        '材料清单：新增「继续教育证明」',
        expect.stringMatching(/^材料清单 · 「.+」：已删除$/),
        expect.stringMatching(/^申报表单 · 字段「.+」：必填 → 选填$/),
      ]),
    );
    for (const t of texts) expect(t).not.toMatch(/\/\d|\[\d+\]/);

    // a version against the draft
    const next = structuredClone(after.latest.body);
    // a condition written in the level itself (others come from the policy library and carry no message here)
    const regular = next.rules.paths.find((p) => p.conditions.some((c) => c.message))!;
    const removed = regular.conditions.splice(regular.conditions.findIndex((c) => c.message), 1)[0]!;
    expect((await save('admin-li', next, after.latest.hash)).statusCode).toBe(200);
    const toDraft = await h.as('admin-li')({ method: 'GET', url: `${LEVEL}/diff?from=${v}&to=draft` });
    expect(toDraft.json().lines).toEqual([{ change: 'removed', text: `资格规则 · ${regular.name} · 条件「${removed.message}」：已删除` }]);
  });

  it('a missing version or a malformed reference is refused in the one error shape', async () => {
    const missing = await h.as('admin-li')({ method: 'GET', url: `${LEVEL}/diff?from=1&to=99` });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'not_found', message: expect.stringContaining('第 99 版') });
    const bad = await h.as('admin-li')({ method: 'GET', url: `${LEVEL}/diff?from=0&to=latest` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: expect.any(String), message: expect.any(String), details: expect.any(Array) });
  });
});
