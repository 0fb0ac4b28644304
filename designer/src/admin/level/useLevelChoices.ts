// What a level picks from: the series (by Chinese name, with their levels) and the review flows (by name),
// read from the definitions API — drafts included, so a series created a minute ago is offered.
import { api } from '../../api.js';
import { useLoad } from '../../common/useLoad.js';
import type { DefinitionDetail, DefinitionSummary } from '../../types/api.js';
import type { Series } from '../../../../server/domain/schema-types.gen.js';

export interface SeriesChoice {
  key: string;
  name: string;
  levels: Series['levels'][number][];
}
export interface FlowChoice {
  key: string;
  name: string;
  published: boolean;
}

export function useSeriesChoices() {
  return useLoad(async (): Promise<SeriesChoice[]> => {
    const { items } = await api.get<{ items: DefinitionSummary[] }>('/api/definitions?kind=series');
    const details = await Promise.all(items.map((s) => api.get<DefinitionDetail<Series>>(`/api/definitions/series/${encodeURIComponent(s.key)}`).catch(() => null)));
    return items.map((s, i) => {
      const body = details[i]?.draft?.body ?? details[i]?.latest?.body;
      return { key: s.key, name: body?.name || s.key, levels: body?.levels ?? [] };
    });
  }, []);
}

export function useFlowChoices() {
  return useLoad(async (): Promise<FlowChoice[]> => {
    const { items } = await api.get<{ items: DefinitionSummary[] }>('/api/definitions?kind=workflow');
    return items.map((w) => ({ key: w.key, name: w.name || w.key, published: (w.latestVersion ?? 0) > 0 }));
  }, []);
}
