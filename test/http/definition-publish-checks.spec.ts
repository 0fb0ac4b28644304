// Issue 11 item 8: every publish runs every check, the first version of a definition included, and 校验 works on a
// definition that was never published (issue 11 saw "不存在或尚未发布" at 校验 while 发布 went through unchecked).
// Each case is a brand-new key whose only fault is a cross-reference; 校验 and 发布 must name it at its pointer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DefinitionKind } from '../../server/store/port.js';
import { startHarness, type Harness } from '../support/harness.js';

const ADMIN = 'demo-admin';

interface Case {
  name: string;
  kind: DefinitionKind;
  key: string;
  body: (published: (kind: DefinitionKind, key: string) => Promise<Record<string, unknown>>) => Promise<Record<string, unknown>>;
  expected: { code: string; pointer: string }[];
}

const CASES: Case[] = [
  {
    name: 'level → series, flow, committee (its documents fall back to the published shared templates)',
    kind: 'level',
    key: 'dangan.fuyanjiu',
    body: async (published) => {
      const base = structuredClone(await published('level', 'gongcheng.fugao'));
      delete base.templates;
      return { ...base, seriesKey: 'dangan', levelKey: 'fuyanjiu', title: '档案系列 · 副研究馆员', workflow: { key: 'no-such-flow' } };
    },
    expected: [
      { code: 'xref.unknown_series', pointer: '/seriesKey' },
      { code: 'xref.unknown_workflow', pointer: '/workflow/key' },
      { code: 'xref.no_committee', pointer: '/committee' },
    ],
  },
  {
    name: 'level → a series that does not list it',
    kind: 'level',
    key: 'gongcheng.new-level',
    body: async (published) => ({ ...(await published('level', 'gongcheng.fugao')), levelKey: 'new-level' }),
    expected: [{ code: 'xref.level_not_in_series', pointer: '/levelKey' }],
  },
  {
    name: 'campaign → levels',
    kind: 'campaign',
    key: '2022-extra',
    body: async (published) => ({ ...(await published('campaign', '2022')), key: '2022-extra', year: 2027, quotas: [], levels: ['gongcheng.zhongji', 'no-such-level'] }),
    expected: [{ code: 'xref.unknown_level', pointer: '/levels/1' }],
  },
  {
    name: 'series → its key',
    kind: 'series',
    key: 'dangan',
    body: async (published) => ({ ...(await published('series', 'gongcheng')), key: 'gongcheng-copy' }),
    expected: [{ code: 'definition.key_mismatch', pointer: '/key' }],
  },
];

describe('publish always checks, the first version included', () => {
  let h: Harness;
  const published = async (kind: DefinitionKind, key: string) => {
    const rec = await h.platform.store.getDefinition<Record<string, unknown>>(kind, key, 'latest');
    if (!rec) throw new Error(`the seeds have no ${kind}/${key}`);
    return rec.body;
  };
  beforeAll(async () => {
    h = await startHarness();
  }, 120_000);
  afterAll(async () => h?.close());

  for (const c of CASES) {
    it(`${c.name}: 校验 of the never-published draft and 发布 both name the fault at its pointer; nothing is published`, async () => {
      const admin = h.as(ADMIN);
      const url = `/api/definitions/${c.kind}/${c.key}`;
      const body = await c.body(published);
      // 校验 before saving anything (the designer checks the editor's body)
      const unsaved = await admin({ method: 'POST', url: `${url}/check`, payload: { body } });
      expect(unsaved.statusCode, unsaved.body).toBe(200);
      const pointed = (problems: { code: string; pointer?: string }[]) => problems.map((p) => ({ code: p.code, pointer: p.pointer }));
      expect(pointed(unsaved.json().problems)).toEqual(expect.arrayContaining(c.expected));

      expect((await admin({ method: 'PUT', url: `${url}/draft`, payload: { body } })).statusCode).toBe(200);
      const saved = await admin({ method: 'POST', url: `${url}/check`, payload: {} });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(pointed(saved.json().problems)).toEqual(expect.arrayContaining(c.expected));

      const refused = await admin({ method: 'POST', url: `${url}/publish` });
      expect(refused.statusCode, refused.body).toBe(422);
      expect(refused.json()).toMatchObject({ code: 'definition.invalid', message: expect.stringContaining('未发布') });
      expect(pointed(refused.json().details)).toEqual(expect.arrayContaining(c.expected));
      expect(await h.platform.store.getDefinition(c.kind, c.key, 'latest')).toBeNull();
      expect((await h.platform.store.getDefinition(c.kind, c.key, 'draft'))?.body).toEqual(body);
    });
  }

  it('committees → orgs: a new version naming an unknown office is refused at its pointer', async () => {
    const admin = h.as(ADMIN);
    const list = structuredClone(await published('committees', 'committees')) as { committees: { officeOrgId: string }[] };
    list.committees[0].officeOrgId = 'no-such-office';
    const res = await admin({ method: 'PUT', url: '/api/definitions/committees/committees/draft', payload: { body: list } });
    expect(res.statusCode).toBe(200);
    const refused = await admin({ method: 'POST', url: '/api/definitions/committees/committees/publish' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().details).toEqual(expect.arrayContaining([expect.objectContaining({ pointer: '/committees/0/officeOrgId' })]));
    expect((await h.platform.store.getDefinition('committees', 'committees', 'latest'))?.version).toBe(1);
  });

  it('a correct first version of a new level passes 校验 as a draft and publishes as version 1', async () => {
    const admin = h.as(ADMIN);
    const series = structuredClone(await published('series', 'gongcheng')) as { levels: { levelKey: string; grade: string; definition?: string; name?: string }[] };
    const entry = structuredClone(series.levels.find((l) => l.definition === 'gongcheng.fugao'));
    if (!entry) throw new Error('gongcheng lists no fugao');
    series.levels.push({ ...entry, levelKey: 'fugao-2', definition: 'gongcheng.fugao-2' });
    // the level exists as a draft before the series names it; the series is published before the level's check
    const level = { ...(await published('level', 'gongcheng.fugao')), levelKey: 'fugao-2' };
    expect((await admin({ method: 'PUT', url: '/api/definitions/level/gongcheng.fugao-2/draft', payload: { body: level } })).statusCode).toBe(200);
    expect((await admin({ method: 'PUT', url: '/api/definitions/series/gongcheng/draft', payload: { body: series } })).statusCode).toBe(200);
    const seriesPublished = await admin({ method: 'POST', url: '/api/definitions/series/gongcheng/publish' });
    expect(seriesPublished.statusCode, seriesPublished.body).toBe(200);
    const checked = await admin({ method: 'POST', url: '/api/definitions/level/gongcheng.fugao-2/check', payload: {} });
    expect(checked.json(), checked.body).toEqual({ ok: true, problems: [] });
    const res = await admin({ method: 'POST', url: '/api/definitions/level/gongcheng.fugao-2/publish' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().version).toBe(1);
  });
});
