// The impact preview names the condition behind each change by its pointer. Rules are evaluated expanded (policy
// modules in place), so a pointer of the expanded rules is moved back to where the person editing can act on it:
// in a level's editor the level's own entry (a module's condition: its `use` entry), in a module's editor the
// place inside the module (a level's own condition: no pointer there).
import type { Origin } from './rule-modules.js';

export type PointerSide = 'level' | 'module';

export function originPointer(pointer: string, origins: ReadonlyMap<string, Origin>, side: PointerSide): string | undefined {
  let best: { at: string; origin: Origin } | undefined;
  for (const [at, origin] of origins) {
    if ((pointer === at || pointer.startsWith(`${at}/`)) && (!best || at.length > best.at.length)) best = { at, origin };
  }
  if (!best) return side === 'level' ? pointer : undefined;
  const rest = pointer.slice(best.at.length);
  const m = best.origin.module;
  if (side === 'module') return m ? m.pointer + rest : undefined;
  return m ? best.origin.pointer : best.origin.pointer + rest;
}
