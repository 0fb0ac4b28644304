// Issue 11 item 1: a series listing a level definition that does not exist is reported at that level's
// `definition`; one that exists only as a draft is fine (a new series is published before its levels).
import { describe, expect, it } from 'vitest';
import { seriesRefs } from '../../../server/domain/definitions/cross-refs/series.js';
import type { RefSource, RefState } from '../../../server/domain/definitions/cross-refs/index.js';
import type { Series } from '../../../server/domain/schema-types.gen.js';

const refs = (states: Record<string, RefState>): RefSource => ({
  definition: async (_kind, key) => states[key] ?? { state: 'missing' },
  published: async () => [],
  org: async () => null,
});

const series: Series = {
  key: 'dangan',
  name: '档案系列',
  levels: [
    { levelKey: 'fugao', grade: '副高级', title: '副研究馆员', definition: 'dangan.fugao' },
    { levelKey: 'zhongji', grade: '中级', title: '馆员', definition: 'dangan.zhongji' },
    { levelKey: 'zhuli', grade: '助理级', title: '助理馆员' },
  ],
};

describe('series → level definitions', () => {
  it('reports a listed level definition that does not exist at /levels/i/definition', async () => {
    const problems = await seriesRefs('dangan', series, refs({ 'dangan.fugao': { state: 'draft' } }));
    expect(problems).toEqual([expect.objectContaining({ code: 'xref.unknown_level', pointer: '/levels/1/definition' })]);
    expect(problems[0]!.message).toContain('dangan.zhongji');
  });

  it('accepts levels that exist only as drafts, and levels that name no definition', async () => {
    expect(await seriesRefs('dangan', series, refs({ 'dangan.fugao': { state: 'draft' }, 'dangan.zhongji': { state: 'draft' } }))).toEqual([]);
  });
});
