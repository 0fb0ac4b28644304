// The definitions of one kind with their Chinese names, for pickers (a level definition chosen by its title).
import { api } from '../../api.js';
import { useLoad } from '../../common/useLoad.js';
import type { DefinitionSummary } from '../../types/api.js';

export interface DefinitionOption {
  value: string;
  label: string;
  published: boolean;
}

export function useDefinitionList(kind: string): { items: DefinitionSummary[]; loading: boolean; error: string | null; reload: () => Promise<void> } {
  const list = useLoad(() => api.get<{ items: DefinitionSummary[] }>(`/api/definitions?kind=${encodeURIComponent(kind)}`), [kind]);
  return { items: list.data?.items ?? [], loading: list.loading, error: list.error, reload: list.reload };
}

/**
 * Level definitions as options, named `系列名 › 职称名` (the series part from the key's prefix), never by key alone.
 * A draft-only definition says so.
 */
export function levelOptions(levels: DefinitionSummary[], series: DefinitionSummary[]): DefinitionOption[] {
  const seriesName = new Map(series.map((s) => [s.key, s.name ?? s.key]));
  return levels
    .map((l) => {
      const prefix = l.key.split('.')[0] ?? '';
      const title = l.name ?? l.key;
      const published = (l.latestVersion ?? 0) > 0;
      return { value: l.key, label: `${seriesName.get(prefix) ?? prefix} › ${title}${published ? '' : '（草稿）'}`, published };
    })
    .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
}
