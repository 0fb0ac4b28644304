// Published versions are immutable, so a compiled model is cached per workflow key + version.
// Concurrent first requests share one compile (the promise is cached, failures are not).
import type { Result } from '../result.js';
import { compileWorkflow, type CompileOptions } from './compile.js';
import type { CompiledModel } from './model.js';

/** the BPMN text, or how to fetch it: asked for only when the version is not compiled yet */
export type XmlSource = string | (() => Promise<Result<string>>);

export interface ModelCache {
  get(key: string, version: number, xml: XmlSource, options: CompileOptions): Promise<Result<CompiledModel>>;
  size(): number;
  clear(): void;
}

export function createModelCache(limit = 500): ModelCache {
  const entries = new Map<string, Promise<Result<CompiledModel>>>();
  return {
    async get(key, version, xml, options) {
      const k = `${key}@${version}`;
      const hit = entries.get(k);
      if (hit) {
        // refresh recency (Map keeps insertion order: oldest first)
        entries.delete(k);
        entries.set(k, hit);
        return hit;
      }
      const pending = typeof xml === 'string' ? compileWorkflow(xml, options) : xml().then((r) => (r.ok ? compileWorkflow(r.value, options) : r));
      entries.set(k, pending);
      if (entries.size > limit) entries.delete(entries.keys().next().value ?? k);
      const result = await pending;
      if (!result.ok) entries.delete(k);
      return result;
    },
    size: () => entries.size,
    clear: () => entries.clear(),
  };
}
