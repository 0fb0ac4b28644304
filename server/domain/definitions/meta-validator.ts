// Validates a definition body or stored document against the platform's own schema (draft-07),
// returning every problem with its JSON pointer and a Chinese message.
import type { ValidateFunction } from 'ajv';
import { createAjv } from '../forms/ajv.js';
import { toProblems } from '../forms/messages.js';
import type { Problem } from '../result.js';
import type { SchemaName } from './schema-files.js';

export type PlatformSchemas = Record<SchemaName, object>;

export class MetaValidator {
  private readonly validators = new Map<SchemaName, ValidateFunction>();

  constructor(schemas: PlatformSchemas) {
    for (const [name, schema] of Object.entries(schemas) as [SchemaName, object][]) {
      // each schema compiles on its own instance: their $ids never collide across reloads
      this.validators.set(name, createAjv().compile(schema));
    }
  }

  validate(name: SchemaName, doc: unknown, source?: string): Problem[] {
    const v = this.validators.get(name);
    if (!v) return [{ code: 'definition.unknown_kind', message: `未知的文档类型 ${name}`, ...(source ? { source } : {}) }];
    if (v(doc)) return [];
    return toProblems(v.errors ?? [], source);
  }
}
