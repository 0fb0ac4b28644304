// Working days on the China holiday calendar: statutory days off skipped, 调休 weekends counted.
// A day outside the loaded years is an error (calendar.not_covered), never a Mon–Fri guess.
import { fail, ok, type Result } from '../result.js';
import { indexCalendars, requireYear, type HolidayCalendar } from './calendar.js';

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM-DD' -> days since epoch (UTC), or null if not a real date. */
export function toDayNumber(date: string): number | null {
  const m = DATE_RE.exec(date);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const n = ms / DAY_MS;
  return fromDayNumber(n) === date ? n : null;
}

export function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

function badDate(date: string) {
  return fail('calendar.bad_date', `日期格式错误：${date}（应为 YYYY-MM-DD）`);
}

function isWorkingDayNumber(n: number, calendars: readonly HolidayCalendar[]): Result<boolean> {
  const date = fromDayNumber(n);
  const covered = requireYear(calendars, Number(date.slice(0, 4)));
  if (!covered.ok) return covered;
  const idx = indexCalendars(calendars);
  if (idx.workdays.has(date)) return ok(true);
  if (idx.daysOff.has(date)) return ok(false);
  const weekday = new Date(n * DAY_MS).getUTCDay();
  return ok(weekday !== 0 && weekday !== 6);
}

export function isWorkingDay(date: string, calendars: readonly HolidayCalendar[]): Result<boolean> {
  const n = toDayNumber(date);
  if (n === null) return badDate(date);
  return isWorkingDayNumber(n, calendars);
}

export interface AddWorkingDaysOptions {
  /** whether the start day itself counts as the first working day (when it is one) */
  countStartDay: boolean;
}

/**
 * The date of the n-th working day from `startDate`.
 * countStartDay=true: a working start day is day 1 (2022-09-29 + 5 -> 2022-10-10).
 * countStartDay=false: counting begins on the next day.
 */
// Memoised per calendars array (by identity): timers of many instances share start dates.
const memo = new WeakMap<readonly HolidayCalendar[], Map<string, Result<string>>>();

export function addWorkingDays(
  startDate: string,
  n: number,
  calendars: readonly HolidayCalendar[],
  options: AddWorkingDaysOptions,
): Result<string> {
  let cache = memo.get(calendars);
  if (!cache) {
    cache = new Map();
    memo.set(calendars, cache);
  }
  const key = `${startDate}|${n}|${options.countStartDay ? 1 : 0}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const result = addWorkingDaysUncached(startDate, n, calendars, options);
  if (cache.size > 10_000) cache.clear();
  cache.set(key, result);
  return result;
}

function addWorkingDaysUncached(
  startDate: string,
  n: number,
  calendars: readonly HolidayCalendar[],
  options: AddWorkingDaysOptions,
): Result<string> {
  const start = toDayNumber(startDate);
  if (start === null) return badDate(startDate);
  if (!Number.isInteger(n) || n < 1) return fail('calendar.bad_count', `工作日天数必须是正整数：${n}`);
  let day = options.countStartDay ? start : start + 1;
  let counted = 0;
  // 400 days of slack: no real calendar has a run of 400 non-working days.
  for (let guard = 0; guard < n * 7 + 400; guard++, day++) {
    const w = isWorkingDayNumber(day, calendars);
    if (!w.ok) return w;
    if (w.value && ++counted === n) return ok(fromDayNumber(day));
  }
  return fail('calendar.bad_count', `无法在合理范围内找到第 ${n} 个工作日`);
}

/** Working days d with from <= d < to (0 when to <= from). */
export function workingDaysBetween(from: string, to: string, calendars: readonly HolidayCalendar[]): Result<number> {
  const a = toDayNumber(from);
  if (a === null) return badDate(from);
  const b = toDayNumber(to);
  if (b === null) return badDate(to);
  let count = 0;
  for (let d = a; d < b; d++) {
    const w = isWorkingDayNumber(d, calendars);
    if (!w.ok) return w;
    if (w.value) count++;
  }
  return ok(count);
}
