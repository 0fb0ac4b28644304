// The fields a scoring sheet item can fill: the numeric fields of the scoring decision form (formKey 'scoring') of the
// series' levels, by their titles, so 评委会管理 picks them in words.
import type { Store } from '../../store/port.js';
import type { LevelCache } from '../levels.js';

export interface ScoringField {
  field: string;
  title: string;
  min?: number;
  max?: number;
}

interface NumberProp {
  type?: unknown;
  title?: unknown;
  minimum?: unknown;
  maximum?: unknown;
}

export async function scoringFields(d: { store: Store; levels: LevelCache }, seriesKey: string): Promise<ScoringField[]> {
  const out = new Map<string, ScoringField>();
  for (const s of await d.store.listDefinitions('level')) {
    const level = await d.levels.get(s.key, s.latestVersion);
    if (!level.ok || level.value.def.seriesKey !== seriesKey) continue;
    const form = (level.value.def.decisions as Record<string, { properties?: Record<string, NumberProp> }> | undefined)?.['scoring'];
    for (const [field, p] of Object.entries(form?.properties ?? {})) {
      if (out.has(field) || (p.type !== 'number' && p.type !== 'integer')) continue;
      out.set(field, { field, title: typeof p.title === 'string' ? p.title : field, ...(typeof p.minimum === 'number' ? { min: p.minimum } : {}), ...(typeof p.maximum === 'number' ? { max: p.maximum } : {}) });
    }
  }
  return [...out.values()];
}
