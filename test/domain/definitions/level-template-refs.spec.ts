// A level's documents: its own template, else the published shared template of the same name. The seeds now
// publish every shared document template, so the "missing template" case lives here, on a reference source
// that lacks one (it was a bad-definitions corpus case while levels carried their own copies).
import { describe, expect, it } from 'vitest';
import { levelRefs } from '../../../server/domain/definitions/cross-refs/level.js';
import type { RefSource, RefState } from '../../../server/domain/definitions/cross-refs/index.js';
import type { LevelDefinition } from '../../../server/domain/schema-types.gen.js';

const refs = (templates: Record<string, RefState>): RefSource => ({
  definition: async (kind, key) => (kind === 'template' ? (templates[key] ?? { state: 'published', body: { name: key, source: '' } }) : { state: 'missing' }),
  published: async () => [],
  org: async () => null,
});

const level = (templates?: LevelDefinition['templates']): LevelDefinition =>
  ({
    seriesKey: 'dangan',
    levelKey: 'fugao',
    title: '副研究馆员',
    grade: '副高级',
    form: { type: 'object', properties: {} },
    rules: { paths: [{ id: 'regular', name: '正常申报', conditions: [] }] },
    materials: [],
    workflow: { key: 'unit-review' },
    committee: { required: false },
    ...(templates ? { templates } : {}),
  }) as LevelDefinition;

const templateProblems = async (l: LevelDefinition, r: RefSource) => (await levelRefs('dangan.fugao', l, r)).filter((p) => p.pointer?.startsWith('/templates'));

describe('level → document templates', () => {
  it('uses the shared templates when the level has none of its own', async () => {
    expect(await templateProblems(level(), refs({}))).toEqual([]);
  });

  it('reports a document with neither an own nor a published shared template at /templates/<name>', async () => {
    expect(await templateProblems(level(), refs({ gongshi: { state: 'missing' } }))).toEqual([expect.objectContaining({ code: 'xref.unknown_template', pointer: '/templates/gongshi' })]);
  });

  it('asks to publish a shared template that is only a draft, and is satisfied by the level’s own copy', async () => {
    expect(await templateProblems(level(), refs({ gongshi: { state: 'draft' } }))).toEqual([expect.objectContaining({ code: 'xref.unpublished', pointer: '/templates/gongshi' })]);
    expect(await templateProblems(level({ gongshi: '<h1>公示</h1>' }), refs({ gongshi: { state: 'missing' } }))).toEqual([]);
  });
});
