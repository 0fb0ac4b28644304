import type { HolidayCalendar } from '../calendar/calendar.js';
import { workingDaysBetween } from '../calendar/working-days.js';
// FEEL-callable helpers. Dates come in as 'YYYY-MM-DD' strings or FEEL dates (a JS
// Date in the context is not what authors expect), and bad input throws a
// HelperError that feel.ts turns into a located Problem instead of a silent null.
import { FeelDate, FeelDateTime } from 'feelin';

export class HelperError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HelperError';
  }
}

interface Ymd {
  y: number;
  m: number;
  d: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function fromIso(s: string, fn: string): Ymd {
  const match = ISO_DATE.exec(s);
  if (match) {
    const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    // round-trip through UTC to refuse 2021-02-30 and the like
    const t = new Date(Date.UTC(y, m - 1, d));
    if (t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d) return { y, m, d };
  }
  throw new HelperError('rules.invalid_date', `${fn}()：「${s}」不是有效日期，应为 YYYY-MM-DD`);
}

/** Accepts 'YYYY-MM-DD', a FEEL date, or the date part of a FEEL date and time. */
export function toYmd(value: unknown, fn: string): Ymd {
  if (typeof value === 'string') return fromIso(value, fn);
  if (value instanceof FeelDate || value instanceof FeelDateTime) {
    return { y: value.value.year, m: value.value.month, d: value.value.day };
  }
  throw new HelperError('rules.invalid_date', `${fn}()：参数不是日期（${value === null ? '空值' : typeof value}）`);
}

const before = (a: Ymd, b: Ymd): boolean => a.m < b.m || (a.m === b.m && a.d < b.d);

/** Whole years from `from` to `to`: an anniversary not yet reached does not count. Negative when to < from. */
export function years(from: unknown, to: unknown): number {
  const a = toYmd(from, 'years');
  const b = toYmd(to, 'years');
  if (b.y < a.y || (b.y === a.y && before(b, a))) return -years(to, from);
  return b.y - a.y - (before(b, a) ? 1 : 0);
}

/** Whole months from `from` to `to`, counted like years(): the day of month must be reached. */
export function months(from: unknown, to: unknown): number {
  const a = toYmd(from, 'months');
  const b = toYmd(to, 'months');
  const total = (b.y - a.y) * 12 + (b.m - a.m);
  if (total > 0 && b.d < a.d) return total - 1;
  if (total < 0 && b.d > a.d) return total + 1;
  return total;
}

/**
 * The helpers as FEEL sees them. A null argument gives null rather than throwing: feelin
 * has already recorded why it is null (a missing variable), and a thrown error would
 * hide that warning; a null that has no warning is reported as a null result.
 * Declared with named parameters because feelin checks the argument count against
 * the JS function's arity.
 */
export const feelHelpers: Readonly<Record<string, unknown>> = Object.freeze({
  years: (from: unknown, to: unknown): number | null => (from == null || to == null ? null : years(from, to)),
  months: (from: unknown, to: unknown): number | null => (from == null || to == null ? null : months(from, to)),
});

/** names of helpers bound per evaluation (they need data such as the holiday calendars) */
export const BOUND_HELPER_NAMES: readonly string[] = ['workingDays'];

export const HELPER_NAMES: readonly string[] = [...Object.keys(feelHelpers), ...BOUND_HELPER_NAMES];

const pad = (n: number): string => String(n).padStart(2, '0');
const isoOf = (v: Ymd): string => `${v.y}-${pad(v.m)}-${pad(v.d)}`;

/**
 * workingDays(from, to): working days from `from` up to, not including, `to` on the China holiday
 * calendars (statutory days off skipped, 调休 weekends counted). A day outside the known calendars
 * is an error, never a guess.
 */
export function workingDaysHelper(calendars: readonly HolidayCalendar[] | undefined): (from: unknown, to: unknown) => number | null {
  return (from: unknown, to: unknown) => {
    if (from == null || to == null) return null;
    if (!calendars) throw new HelperError('rules.no_calendar', 'workingDays()：没有可用的节假日日历');
    const r = workingDaysBetween(isoOf(toYmd(from, 'workingDays')), isoOf(toYmd(to, 'workingDays')), calendars);
    if (!r.ok) throw new HelperError(r.error.code, `workingDays()：${r.error.message}`);
    return r.value;
  };
}
