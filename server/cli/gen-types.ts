// `npm run gen:types`: writes server/domain/schema-types.gen.ts from schemas/*.schema.json.
// `--check` exits 1 when the committed file differs (the stale-types test uses generateTypes()).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateTypes, TYPES_FILE } from './lib/generate-types.js';

const root = join(import.meta.dirname, '../..');
const out = await generateTypes(root);
const target = join(root, TYPES_FILE);
if (process.argv.includes('--check')) {
  const current = readFileSync(target, 'utf8');
  if (current !== out) {
    console.error(`${TYPES_FILE} 已过期：请运行 npm run gen:types`);
    process.exit(1);
  }
  console.log(`${TYPES_FILE} is up to date`);
} else {
  writeFileSync(target, out);
  console.log(`wrote ${TYPES_FILE}`);
}
