// A level as people name it: 工程技术人员 · 高级工程师, never its key (gongcheng.fugao). The key of an application
// or task is the level definition's key; the series list (/api/series) carries each level's title.
import type { SeriesItem } from '../types/api.js';

export function levelTitle(series: readonly SeriesItem[] | undefined, key: string | undefined): string {
  if (!key) return '';
  for (const s of series ?? []) {
    const level = s.levels.find((l) => l.definition === key || `${s.key}.${l.levelKey}` === key);
    if (level) return level.title;
  }
  return '—'; // not in the catalogue (yet): a dash rather than the key
}

export function seriesName(series: readonly SeriesItem[] | undefined, key: string | undefined): string {
  if (!key) return '';
  return (series ?? []).find((s) => s.key === key)?.name ?? '—';
}
