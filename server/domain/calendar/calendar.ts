// Per-year holiday calendars are data (seeds/calendars/YEAR.json, editable by admins):
// the State Council publishes each next year around November, so coverage is explicit.
import { fail, ok, type Result } from '../result.js';

export interface HolidayCalendar {
  year: number;
  /** every statutory day off of the year, weekend days inside a holiday included */
  daysOff: string[];
  /** 调休上班: weekend days that are working days */
  workdays: string[];
  /** where the data came from, e.g. 'chinese-days 1.5.7' or '国办发明电〔2021〕11号' */
  source?: string;
}

/** Fast lookup built once per calendars array (memoised by identity). */
export interface CalendarIndex {
  years: ReadonlySet<number>;
  daysOff: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
}

const indexCache = new WeakMap<readonly HolidayCalendar[], CalendarIndex>();

export function indexCalendars(calendars: readonly HolidayCalendar[]): CalendarIndex {
  const hit = indexCache.get(calendars);
  if (hit) return hit;
  const years = new Set<number>();
  const daysOff = new Set<string>();
  const workdays = new Set<string>();
  for (const c of calendars) {
    years.add(c.year);
    for (const d of c.daysOff) daysOff.add(d);
    for (const d of c.workdays) workdays.add(d);
  }
  const idx: CalendarIndex = { years, daysOff, workdays };
  indexCache.set(calendars, idx);
  return idx;
}

export interface Coverage {
  from: number;
  /** last year such that every year from `from` to it is known */
  through: number;
  /** years missing inside [from, max known year] */
  gaps: number[];
}

/** "calendar known through YEAR": null when no calendar is loaded. */
export function coverage(calendars: readonly HolidayCalendar[]): Coverage | null {
  if (calendars.length === 0) return null;
  const years = [...new Set(calendars.map((c) => c.year))].sort((a, b) => a - b);
  const from = years[0]!;
  const max = years[years.length - 1]!;
  const gaps: number[] = [];
  for (let y = from; y <= max; y++) if (!years.includes(y)) gaps.push(y);
  const through = gaps.length > 0 ? gaps[0]! - 1 : max;
  return { from, through, gaps };
}

/** Refuses a year that no calendar covers: later years would otherwise silently look like plain Mon–Fri. */
export function requireYear(calendars: readonly HolidayCalendar[], year: number): Result<true> {
  if (indexCalendars(calendars).years.has(year)) return ok(true);
  const cov = coverage(calendars);
  const known = cov ? `节假日日历仅覆盖到 ${cov.through} 年` : '尚未加载任何节假日日历';
  return fail('calendar.not_covered', `${year} 年的节假日安排尚未录入（${known}），无法计算工作日`);
}

/** Shape check for a calendar file loaded from seeds or edited by an admin. */
export function checkCalendar(c: HolidayCalendar): Result<HolidayCalendar> {
  const bad = [...c.daysOff, ...c.workdays].filter((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d) || !d.startsWith(`${c.year}-`));
  if (bad.length > 0) return fail('calendar.bad_date', `${c.year} 年日历中的日期不属于该年或格式错误：${bad.join('、')}`);
  const both = c.daysOff.filter((d) => c.workdays.includes(d));
  if (both.length > 0) return fail('calendar.conflict', `${c.year} 年日历中以下日期既是休息日又是调休工作日：${both.join('、')}`);
  return ok(c);
}
