// The level editor's translations between the stored level body and what its forms show
// (designer/src/admin/level/level-model.ts): every seeded level survives a round trip through them unchanged,
// and what the forms cannot show is kept.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ACCEPT_CHOICES,
  bytesToMb,
  describeLevelPointer,
  foldOrder,
  mbToBytes,
  move,
  needOf,
  newDecisionName,
  newMaterialId,
  specialtyFieldOptions,
  tabOf,
  withAcceptPicks,
  withNeed,
  type LevelBody,
  type Material,
} from '../../designer/src/admin/level/level-model.js';
import { parseCondition } from '../../server/domain/rules/condition-parse.js';

const ROOT = join(import.meta.dirname, '../..');
type Obj = Record<string, unknown>;
const include = (v: unknown): unknown => {
  const o = v as Obj;
  return o && typeof o.$include === 'string' ? JSON.parse(readFileSync(join(ROOT, o.$include), 'utf8')) : v;
};
const LEVELS = readdirSync(join(ROOT, 'seeds/levels')).map((f) => {
  const raw = JSON.parse(readFileSync(join(ROOT, 'seeds/levels', f), 'utf8')) as Obj;
  return { file: f, level: { ...raw, form: include(raw.form), decisions: include(raw.decisions) } as Obj & { materials: Material[]; form: Obj; decisions: Obj } };
});

describe('level editor model: stored body ↔ form picks', () => {
  it('every seeded material reads back as stored through the forms (need, file types, size)', () => {
    let n = 0;
    for (const { level } of LEVELS) {
      for (const m of level.materials) {
        expect(withNeed(m, needOf(m))).toEqual(m);
        const known = (m.accept ?? []).filter((a) => ACCEPT_CHOICES.some((c) => c.value === a));
        expect(withAcceptPicks(m.accept, known)).toEqual(m.accept ?? []);
        expect(mbToBytes(bytesToMb(m.maxBytes), m.maxBytes)).toBe(m.maxBytes);
        // a seeded condition shows in the builder: none is 高级-only
        if (m.requiredWhen !== undefined) expect(parseCondition(m.requiredWhen).ok, m.requiredWhen).toBe(true);
        n++;
      }
    }
    expect(n).toBeGreaterThan(100);
  });

  it('need: 必交 / 选交 / 满足条件时必交', () => {
    const m: Material = { id: 'a', name: '甲', required: true, accept: ['application/pdf'] };
    expect(needOf(m)).toBe('always');
    const when = withNeed(m, 'when');
    expect(when).toEqual({ id: 'a', name: '甲', required: false, requiredWhen: '', accept: ['application/pdf'] });
    expect(needOf(when)).toBe('when');
    // switching away drops the condition; switching back keeps one that was there
    expect(withNeed({ ...when, requiredWhen: 'org.sector = "public"' }, 'optional')).toEqual({ id: 'a', name: '甲', required: false, accept: ['application/pdf'] });
    expect(withNeed({ ...when, requiredWhen: 'x' }, 'when').requiredWhen).toBe('x');
  });

  it('file types: checkbox picks keep a stored type without a checkbox, in its place', () => {
    expect(withAcceptPicks(['text/plain', 'application/pdf'], ['application/pdf', 'image/png'])).toEqual(['text/plain', 'application/pdf', 'image/png']);
    expect(withAcceptPicks(['text/plain', 'application/pdf'], [])).toEqual(['text/plain']);
  });

  it('size in MB: an exact stored value survives, a typed one becomes bytes', () => {
    expect(bytesToMb(10485760)).toBe(10);
    expect(mbToBytes(10, 10485760)).toBe(10485760);
    expect(mbToBytes(3, 10485760)).toBe(3145728);
    expect(mbToBytes(1.5, undefined)).toBe(1572864);
    expect(mbToBytes(null, 5)).toBeUndefined();
    expect(mbToBytes(bytesToMb(1234567), 1234567)).toBe(1234567);
  });

  it('new ids and names are never typed and never clash', () => {
    expect(newMaterialId([{ id: 'm2', name: '', required: true }])).toBe('m3');
    expect(newMaterialId([{ id: 'm1', name: '', required: true }, { id: 'm3', name: '', required: true }])).toBe('m4');
    expect(newDecisionName({ form1: {}, review: {} })).toBe('form3');
    expect(move([1, 2, 3], 0, 1)).toEqual([2, 1, 3]);
    expect(move([1, 2, 3], 0, -1)).toEqual([1, 2, 3]);
  });

  it('committee specialty: the form fields by label, as the data pointer stored', () => {
    const fugao = LEVELS.find((l) => l.file === 'gongcheng.fugao.json')!.level;
    const options = specialtyFieldOptions(fugao.form, fugao.uiSchema);
    expect(options).toContainEqual({ value: '/specialty', label: '申报专业' });
    expect(options).toContainEqual({ value: '/education/degree', label: '最高学历 › 学历' });
    // table columns cannot name one specialty
    expect(options.some((o) => o.value.includes('training'))).toBe(false);
  });

  it('decision forms: the builder’s field order is written into the schema, nothing else changes', () => {
    for (const { level } of LEVELS) {
      for (const schema of Object.values(level.decisions)) expect(foldOrder(schema as Obj, {})).toEqual(schema);
    }
    const review = LEVELS[0]!.level.decisions.review as Obj;
    const folded = foldOrder(review, { 'ui:order': ['comment', '*'] });
    expect(Object.keys(folded.properties as Obj)).toEqual(['comment', 'decision', 'items']);
    expect({ ...folded, properties: undefined }).toEqual({ ...review, properties: undefined });
    expect(Object.keys(foldOrder(review, { 'ui:order': ['*', 'decision'] }).properties as Obj)).toEqual(['comment', 'items', 'decision']);
  });

  it('a problem’s pointer opens the tab that shows it, named in words', () => {
    expect(tabOf('/title')).toBe('basic');
    expect(tabOf('/materials/3/requiredWhen')).toBe('materials');
    expect(tabOf('/workflow/key')).toBe('flow');
    expect(tabOf('/committee/specialtyField')).toBe('flow');
    expect(tabOf('/decisions/review/properties/x')).toBe('decisions');
    expect(tabOf('/templates/gongshi')).toBe('templates');
    expect(tabOf('/rules/paths/0')).toBe('rules');
    expect(tabOf('/form/properties/name')).toBe('form');
    expect(tabOf('')).toBe('advanced');
    const fugao = LEVELS.find((l) => l.file === 'gongcheng.fugao.json')!.level as unknown as LevelBody;
    expect(describeLevelPointer(fugao, '/title')).toBe('基本信息 › 职称名称');
    expect(describeLevelPointer(fugao, '/materials/2/accept')).toBe('材料清单 › 第 3 项「身份证」 › 文件类型');
    expect(describeLevelPointer(fugao, '/workflow/byChannel/entrusted')).toBe('评审流程 › 委托评审（受托评委会评审）');
  });
});
