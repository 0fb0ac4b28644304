// The words the dashboard shows, looked up once per request: orgs, series, level titles, committees,
// application paths and flow steps (the last two per pinned version, through the platform's caches).
import type { CommitteeList, Org, Series } from '../../domain/schema-types.gen.js';
import type { AppDeps } from '../applications/deps.js';

export interface Names {
  orgs: ReadonlyMap<string, Org>;
  org(id: string): string;
  series(key: string): string;
  /** 系列 · 职称名称 */
  level(seriesKey: string, levelKey: string): string;
  committee(id: string | undefined): string;
  /** the path's name in the level version the application is pinned to */
  path(levelKey: string, levelVersion: number, pathId: string | undefined): Promise<string>;
  /** the element's name in the flow version the application is pinned to */
  step(workflowKey: string, version: number, elementId: string): Promise<string>;
}

export async function loadNames(d: AppDeps): Promise<Names> {
  const orgs = new Map((await d.store.listOrgs()).map((o) => [o.id, o]));
  const series = new Map<string, Series>();
  for (const s of await d.store.listDefinitions('series')) {
    const rec = await d.store.getDefinition<Series>('series', s.key, 'latest');
    if (rec) series.set(s.key, rec.body);
  }
  const committees = (await d.store.getDefinition<CommitteeList>('committees', 'committees', 'latest'))?.body.committees ?? [];
  const committeeNames = new Map(committees.map((c) => [c.id, c.name]));
  const levelTitle = (levelKey: string): string | undefined => {
    for (const s of series.values()) {
      const l = s.levels.find((x) => x.definition === levelKey || `${s.key}.${x.levelKey}` === levelKey);
      if (l) return l.title;
    }
    return undefined;
  };
  return {
    orgs,
    org: (id) => orgs.get(id)?.name ?? committeeNames.get(id) ?? '未知机构',
    series: (key) => series.get(key)?.name ?? '未命名系列',
    level: (seriesKey, levelKey) => `${series.get(seriesKey)?.name ?? '未命名系列'} · ${levelTitle(levelKey) ?? '未命名层级'}`,
    committee: (id) => (id ? (committeeNames.get(id) ?? '未知评委会') : ''),
    path: async (levelKey, version, pathId) => {
      if (!pathId) return '';
      const level = await d.levels.get(levelKey, version);
      return (level.ok ? level.value.rules.paths.find((p) => p.id === pathId)?.name : undefined) ?? '其他路径';
    },
    step: async (key, version, elementId) => {
      const model = await d.runtime.model(key, version);
      return (model.ok ? model.value.elements[elementId]?.name : undefined) ?? '流程环节';
    },
  };
}
