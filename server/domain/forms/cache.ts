// Compiled forms per definition version. Published versions are immutable, so a
// version's validator never goes stale; the bound only limits memory (LRU order).
import type { FormValidator } from './types.js';
import { compileForm } from './compile.js';
import { ok, type Result } from '../result.js';

export const cacheKey = (key: string, version: number | string): string => `${key}@${version}`;

export class FormCache {
  private readonly entries = new Map<string, FormValidator>();
  constructor(private readonly max = 200) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string, version: number | string): FormValidator | undefined {
    const k = cacheKey(key, version);
    const hit = this.entries.get(k);
    if (hit) {
      // re-insert: Map keeps insertion order, so the oldest key is the least recently used
      this.entries.delete(k);
      this.entries.set(k, hit);
    }
    return hit;
  }

  /** Compile on first use; failures are not cached so a fixed definition is retried. */
  getOrCompile(key: string, version: number | string, schema: unknown): Result<FormValidator> {
    const hit = this.get(key, version);
    if (hit) return ok(hit);
    const compiled = compileForm(schema, cacheKey(key, version));
    if (compiled.ok) this.put(key, version, compiled.value);
    return compiled;
  }

  put(key: string, version: number | string, validator: FormValidator): void {
    const k = cacheKey(key, version);
    this.entries.delete(k);
    this.entries.set(k, validator);
    while (this.entries.size > this.max) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}
