// Issue 11: the designer's lists and pickers show definitions by their Chinese names, not their keys:
// the list answers each definition's name (a series' or campaign's name, a level's title), from its
// draft when there is one, else its latest published version.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';

describe('GET /api/definitions names every definition', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  }, 120_000);
  afterAll(async () => h?.close());

  const list = async (kind: string) =>
    (await h.as('demo-admin')({ method: 'GET', url: `/api/definitions?kind=${kind}` })).json().items as { key: string; name?: string }[];

  it('levels by title, series and campaigns by name, the draft winning over the published version', async () => {
    expect((await list('level')).find((i) => i.key === 'gongcheng.fugao')?.name).toBe('高级工程师');
    expect((await list('series')).find((i) => i.key === 'gongcheng')?.name).toBe('工程技术人员');
    expect((await list('campaign')).find((i) => i.key === '2026')?.name).toBe('2026年度职称评审（演示）');
    const put = await h.as('demo-admin')({
      method: 'PUT',
      url: '/api/definitions/series/dangan/draft',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ body: { key: 'dangan', name: '档案系列', levels: [{ levelKey: 'fugao', grade: '副高级', title: '副研究馆员' }] } }),
    });
    expect(put.statusCode).toBe(200);
    expect((await list('series')).find((i) => i.key === 'dangan')?.name).toBe('档案系列');
  });
});
