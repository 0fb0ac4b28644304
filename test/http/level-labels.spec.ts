// The applicant's form offers labels, not codes (issue 13 item 1): the level served to the portal names the
// series' specialties (建设工程, not jianshe) and every path, those from policy modules included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withOptionNames } from '../../server/domain/forms/option-names.js';
import { startHarness, type Harness } from '../support/harness.js';

describe('GET /api/levels/:key names options and paths', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h.close());

  it('a specialty stored as a key is offered by its name; module paths have their names', async () => {
    const r = await h.anon({ method: 'GET', url: '/api/levels/gongcheng.fugao' });
    expect(r.statusCode, r.body).toBe(200);
    const level = r.json() as { form: { properties: { specialty: { enum: string[] } } }; uiSchema: Record<string, Record<string, unknown>>; paths: { id: string; name: string }[] };
    const enumValues = level.form.properties.specialty.enum;
    expect(enumValues[0]).toBe('jianshe');
    const names = level.uiSchema.specialty?.['ui:enumNames'] as string[];
    expect(names).toHaveLength(enumValues.length);
    expect(names[0]).toBe('建设工程');
    expect(names).not.toContain('jianshe');
    expect(level.uiSchema['ui:order']).toBeDefined(); // the level's own ui settings stay
    const ids = level.paths.map((p) => p.id);
    expect(ids).toContain('poge-1'); // from the policy library
    for (const p of level.paths) {
      expect(p.name, p.id).toBeTruthy();
      expect(p.name).not.toBe(p.id);
    }
  });

  it('the level’s own labels win; other fields and unlabelled values are left alone', () => {
    const form = { properties: { s: { enum: ['a', 'b'] }, t: { enum: ['x'], enumNames: ['叉'] } } };
    expect(withOptionNames(form, { s: { 'ui:enumNames': ['甲', '乙'] } }, '/s', { a: 'A' })).toEqual({ s: { 'ui:enumNames': ['甲', '乙'] } });
    expect(withOptionNames(form, {}, '/t', { x: 'X' })).toEqual({});
    expect(withOptionNames(form, undefined, '/s', { a: '甲' })).toEqual({ s: { 'ui:enumNames': ['甲', 'b'] } });
    expect(withOptionNames(form, {}, '/nope', { a: '甲' })).toEqual({});
  });
});
