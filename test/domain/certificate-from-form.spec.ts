// F8: the certificate's words taken from the form (domain/certificates/from-form.ts) and the publish check that the
// fields a level's certificate names exist in its form (definitions/checks/level-fields.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/config.js';
import { buildCertificateDocument } from '../../server/domain/certificates/document.js';
import { basisPointers, fillBasis, formText } from '../../server/domain/certificates/from-form.js';
import { levelFieldProblems } from '../../server/domain/definitions/checks/level-fields.js';
import type { LevelDefinition } from '../../server/domain/schema-types.gen.js';

const form = { original: { name: ' 高级工程师 ', issuer: '某省人力资源和社会保障厅' } };
const level = (certificate: LevelDefinition['certificate']): LevelDefinition => ({
  ...(JSON.parse(readFileSync(join(REPO_ROOT, 'seeds', 'levels', 'queren.fugao.json'), 'utf8')) as LevelDefinition),
  form: JSON.parse(readFileSync(join(REPO_ROOT, 'schemas', 'forms', 'queren.json'), 'utf8')) as LevelDefinition['form'],
  ...(certificate ? { certificate } : {}),
});

describe('certificate words from the form (F8)', () => {
  it('reads fields by pointer and fills the basis line', () => {
    expect(formText(form, '/original/name')).toBe('高级工程师');
    expect(formText(form, '/original/missing')).toBeUndefined();
    expect(basisPointers('职称确认（原发证机关：{/original/issuer}）')).toEqual(['/original/issuer']);
    expect(fillBasis('职称确认（原发证机关：{/original/issuer}）', form)).toBe('职称确认（原发证机关：某省人力资源和社会保障厅）');
  });

  it('puts the basis and the region-wide mark on the document only when given', () => {
    const facts = { number: 'N1', holder: '甲', idNumber: undefined, series: '系列', grade: '副高级', title: '高级工程师', committee: undefined, approvedAt: '2022-06-01', issuedAt: '2022-06-01T00:00:00.000Z', restriction: undefined };
    expect(buildCertificateDocument(facts)).not.toHaveProperty('basis');
    expect(buildCertificateDocument(facts)).not.toHaveProperty('validity');
    expect(buildCertificateDocument(facts).committee).toBe('考核认定');
    const confirmed = buildCertificateDocument({ ...facts, basis: '职称确认（原发证机关：某厅）', socialised: true });
    expect(confirmed).toMatchObject({ basis: '职称确认（原发证机关：某厅）', validity: '全区范围内有效', committee: '职称确认' });
  });

  it('publishing refuses certificate fields the form does not declare, at their pointers', () => {
    expect(levelFieldProblems(level(undefined))).toEqual([]);
    expect(levelFieldProblems(level({ titleField: '/original/name', seriesField: '/original/series', basis: '依据{/original/issuer}' }))).toEqual([]);
    const bad = levelFieldProblems(level({ titleField: '/original/title', basis: '依据{/nowhere}' }));
    expect(bad.map((p) => [p.code, p.pointer])).toEqual([
      ['level.unknown_field', '/certificate/titleField'],
      ['level.unknown_field', '/certificate/basis'],
    ]);
    expect(bad[1]!.message).toContain('/nowhere');
  });
});
