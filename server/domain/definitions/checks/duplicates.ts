// The n-th repeat of an id in a list, located: one problem per repeat, pointing at the repeat.
import type { Problem } from '../../result.js';

export function duplicateProblems<T>(items: readonly T[], idOf: (item: T) => string | undefined, pointerOf: (i: number) => string, problem: (id: string) => { code: string; message: string }): Problem[] {
  const seen = new Set<string>();
  const out: Problem[] = [];
  items.forEach((item, i) => {
    const id = idOf(item);
    if (id === undefined) return;
    if (seen.has(id)) out.push({ ...problem(id), pointer: pointerOf(i) });
    seen.add(id);
  });
  return out;
}
