// What the workbench's lists add to the store's rows for people: the 办理期限 as a Beijing date with working days
// left and an overdue mark, and series / level / decision names instead of keys.
import type { LevelDefinition, Series } from '../../domain/schema-types.gen.js';
import type { Platform } from '../../runtime/platform.js';
import { deadlineWords } from '../../runtime/notifications/deadline-words.js';
import type { OpenTaskRow } from '../../store/port.js';

export interface TaskDue {
  /** 'YYYY-MM-DD', the last day in Beijing */
  deadline: string;
  /** working days after today up to the last day; null when no holiday calendar covers them */
  workingDaysLeft: number | null;
  overdue: boolean;
}

export async function withDue<T extends OpenTaskRow>(p: Platform, rows: T[], now: string): Promise<(T & { due?: TaskDue })[]> {
  if (!rows.some((r) => r.dueAt)) return rows;
  const calendars = await p.calendars.current();
  return rows.map((r) => {
    const words = r.dueAt ? deadlineWords(r.dueAt, now, calendars) : null;
    return words && r.dueAt ? { ...r, due: { ...words, overdue: now >= r.dueAt } } : r;
  });
}

const DECISIONS: Readonly<Record<string, string>> = { approve: '同意', return: '退回补正', reject: '不同意', resubmit: '补正后重新提交', dismiss: '投诉不属实', uphold: '投诉属实', scored: '录入评分', complaint: '登记投诉' };
export const decisionName = (d: string | undefined): string | undefined => (d === undefined ? undefined : (DECISIONS[d] ?? '已办理'));

/** series and level names of the published catalogue; a key not found reads as a dash, never as the key */
export async function catalogNames(p: Platform): Promise<{ series: (key: string) => string; level: (key: string) => string }> {
  const series = new Map<string, string>();
  for (const s of await p.store.listDefinitions('series')) {
    const rec = await p.store.getDefinition<Series>('series', s.key, 'latest');
    if (rec) series.set(s.key, rec.body.name);
  }
  const levels = new Map<string, string>();
  const level = (key: string): string => levels.get(key) ?? '—';
  for (const l of await p.store.listDefinitions('level')) {
    const rec = await p.store.getDefinition<LevelDefinition>('level', l.key, 'latest');
    if (rec) levels.set(l.key, rec.body.title);
  }
  return { series: (key) => series.get(key) ?? '—', level };
}
