// One roster line per application, as people read it: names and labels from the level version the application is
// pinned to, its unit, series and committee; what a form does not hold stays empty. Lookups are cached per export.
import { shanghaiDate } from '../../domain/calendar/due.js';
import { statusName } from '../../domain/applications/status-names.js';
import { labelledForm } from '../../domain/documents/labelled-form.js';
import { getPointer } from '../../domain/json-pointer.js';
import { CHANNEL_NAMES, cellText, rosterFieldPaths, type RosterKey, type RosterRow } from '../../domain/rosters/roster-columns.js';
import type { Application, CommitteeList, LevelDefinition, Series } from '../../domain/schema-types.gen.js';
import type { AppDeps } from '../applications/deps.js';

interface LevelFacts {
  def: LevelDefinition | null;
  paths: Partial<Record<RosterKey, string[]>>;
  pathNames: Map<string, string>;
}

interface SeriesFacts {
  name: string;
  specialties: Record<string, string>;
}

/** series names carry notes in brackets (…（自治区未开展评审，委托评审）); a roster shows the name */
export const seriesShortName = (name: string): string => name.replace(/[（(][^）)]*[）)]\s*$/, '').trim();

const memo = <T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> => {
  let hit = cache.get(key);
  if (!hit) {
    hit = load();
    cache.set(key, hit);
  }
  return hit;
};

/** makes roster rows; one maker per roster, so its caches live as long as one export */
export function rosterRowMaker(d: AppDeps): (app: Application, seq: number) => Promise<RosterRow> {
  const levels = new Map<string, Promise<LevelFacts>>();
  const series = new Map<string, Promise<SeriesFacts>>();
  const orgs = new Map<string, Promise<string>>();
  let committees: Promise<CommitteeList | null> | undefined;

  const levelOf = (app: Application) =>
    memo(levels, `${app.levelKey}@${app.pinned.level}`, async (): Promise<LevelFacts> => {
      const level = await d.levels.get(app.levelKey, app.pinned.level);
      if (!level.ok) return { def: null, paths: {}, pathNames: new Map<string, string>() } satisfies LevelFacts;
      return { def: level.value.def, paths: rosterFieldPaths(level.value.def.form), pathNames: new Map(level.value.rules.paths.map((p) => [p.id, p.name])) };
    });
  const seriesOf = (key: string) =>
    memo(series, key, async () => {
      const body = (await d.store.getDefinition<Series>('series', key, 'latest'))?.body;
      return { name: body?.name ? seriesShortName(body.name) : '', specialties: Object.fromEntries((body?.specialties ?? []).map((s) => [s.key, s.name])) };
    });
  const orgName = (id: string | undefined) => (id ? memo(orgs, id, async () => (await d.store.getOrg(id))?.name ?? '') : Promise.resolve(''));

  return async (app, seq) => {
    const [level, s, unit] = await Promise.all([levelOf(app), seriesOf(app.seriesKey), orgName(app.orgId)]);
    committees ??= d.store.getDefinition<CommitteeList>('committees', 'committees', 'latest').then((r) => r?.body ?? null);
    const committee = (await committees)?.committees.find((c) => c.id === app.committeeId);
    const specialtyField = level.def?.committee?.specialtyField ?? '/specialty';
    const labels = level.def ? labelledForm({ schema: level.def.form, uiSchema: level.def.uiSchema, data: app.form, optionsAt: { [specialtyField]: s.specialties } }) : {};
    const specialty = app.specialty ?? getPointer(app.form, specialtyField);
    const text = (key: RosterKey): string => {
      const path = level.paths[key];
      return path ? cellText(labels, path) : '';
    };
    return {
      seq,
      name: app.applicantName,
      gender: text('gender'),
      birthDate: text('birthDate'),
      unit,
      education: text('education'),
      degree: text('degree'),
      school: text('school'),
      major: text('major'),
      currentTitle: text('currentTitle'),
      currentTitleSince: text('currentTitleSince'),
      series: s.name,
      grade: level.def?.grade ?? '',
      title: level.def?.title ?? '',
      specialty: typeof specialty === 'string' ? (s.specialties[specialty] ?? specialty) : '',
      channel: app.channel ? (CHANNEL_NAMES[app.channel] ?? '') : '',
      path: (app.pathId ? level.pathNames.get(app.pathId) : undefined) ?? '',
      committee: committee?.name ?? '',
      status: statusName(app.status),
      submittedAt: app.submittedAt ? (shanghaiDate(app.submittedAt) ?? '') : '',
    };
  };
}
