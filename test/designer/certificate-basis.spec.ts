// F8: the level editor's 电子证书 card shows the basis line with field names, stores it with pointers
// (designer/src/admin/level/certificate-basis.ts), on the seeded 职称确认 form.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/config.js';
import { basisForPeople, basisForStore } from '../../designer/src/admin/level/certificate-basis.js';
import { specialtyFieldOptions } from '../../designer/src/admin/level/level-model.js';

const form: unknown = JSON.parse(readFileSync(join(REPO_ROOT, 'schemas', 'forms', 'queren.json'), 'utf8'));
const level = JSON.parse(readFileSync(join(REPO_ROOT, 'seeds', 'levels', 'queren.fugao.json'), 'utf8')) as { certificate: { basis: string } };
const fields = specialtyFieldOptions(form, undefined);

describe('the certificate basis line in words', () => {
  it('shows the seeded basis with the field name and stores it back unchanged', () => {
    const shown = basisForPeople(level.certificate.basis, fields);
    expect(shown).toBe('职称确认（原发证机关：{原职称 › 原评审（发证）机关}）');
    expect(basisForStore(shown, fields)).toBe(level.certificate.basis);
  });

  it('keeps a name the form does not have as a pointer, for publishing to refuse at the basis line', () => {
    expect(basisForStore('依据{不存在的字段}', fields)).toBe('依据{/不存在的字段}');
    expect(basisForPeople('依据{/不存在的字段}', fields)).toBe('依据{不存在的字段}');
  });
});
