// Counting a list by one of its words, largest first (ties in pinyin order, so a figure never depends on the
// order the store lists in): the shape of most figures.

export interface Count {
  name: string;
  count: number;
}

export function countBy<T>(items: readonly T[], nameOf: (item: T) => string): Count[] {
  const counts = new Map<string, number>();
  for (const item of items) {
    const name = nameOf(item);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || byName(a.name, b.name));
}

const collator = new Intl.Collator('zh-CN');
/** Chinese names in pinyin order */
export const byName = (a: string, b: string): number => collator.compare(a, b);
