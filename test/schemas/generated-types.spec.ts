// The committed TypeScript types must be exactly what the schemas generate.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateTypes, TYPES_FILE } from '../../server/cli/lib/generate-types.js';
import { REPO_ROOT } from '../../server/config.js';

describe('generated types', () => {
  it('are up to date with schemas/ (run npm run gen:types when this fails)', async () => {
    const committed = readFileSync(join(REPO_ROOT, TYPES_FILE), 'utf8');
    expect(committed === (await generateTypes(REPO_ROOT)), `${TYPES_FILE} 已过期：请运行 npm run gen:types`).toBe(true);
  });
});
