// Reads the platform's own schemas from schemas/ once, at start-up.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlatformSchemas } from '../domain/definitions/meta-validator.js';
import { SCHEMA_FILES, type SchemaName } from '../domain/definitions/schema-files.js';

export function readPlatformSchemas(root: string): PlatformSchemas {
  const out = {} as PlatformSchemas;
  for (const [name, file] of Object.entries(SCHEMA_FILES) as [SchemaName, string][]) {
    out[name] = JSON.parse(readFileSync(join(root, 'schemas', file), 'utf8')) as object;
  }
  return out;
}
