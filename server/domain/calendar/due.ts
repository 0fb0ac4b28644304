// Turns a timer duration into a due instant. All instants are ISO strings in UTC; calendar
// arithmetic is done in Asia/Shanghai wall time (UTC+8, no daylight saving since 1991).
//
// Working days: the period ends at the end of its last working day, so the timer is due at the
// START (00:00 +08:00) of the following calendar day. A 5-working-day 公示 started 2022-09-29
// (start day counted) covers 09-29 … 10-10 and is due 2022-10-11T00:00+08:00 = 2022-10-10T16:00:00.000Z.
import { fail, ok, type Result } from '../result.js';
import type { HolidayCalendar } from './calendar.js';
import { addWorkingDays, fromDayNumber, toDayNumber } from './working-days.js';

export interface DurationSpec {
  /** ISO-8601 duration (P5D, PT2H, P1M) for calendar time; a positive integer for working days */
  value: string;
  unit: 'calendarDays' | 'workingDays';
  /** working days only: whether the start day counts (default false) */
  countStartDay?: boolean;
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
const ISO_DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

export interface IsoDuration {
  years: number;
  months: number;
  days: number;
  ms: number;
}

export function parseIsoDuration(text: string): IsoDuration | null {
  const m = ISO_DURATION.exec(text.trim());
  if (!m || text.trim() === 'P' || text.trim().endsWith('T')) return null;
  const n = (i: number): number => (m[i] ? Number(m[i]) : 0);
  return {
    years: n(1),
    months: n(2),
    days: n(3) * 7 + n(4),
    ms: n(5) * 3_600_000 + n(6) * 60_000 + Math.round(n(7) * 1000),
  };
}

/** Checks a spec without computing anything: used at compile time. */
export function checkDuration(spec: DurationSpec): Result<DurationSpec> {
  if (spec.unit === 'workingDays') {
    return /^[1-9]\d{0,3}$/.test(spec.value.trim())
      ? ok(spec)
      : fail('timer.bad_duration', `工作日时长必须是正整数（如 5），实际为“${spec.value}”`);
  }
  if (spec.unit !== 'calendarDays') return fail('timer.bad_unit', `时长单位只能是 calendarDays 或 workingDays，实际为“${String(spec.unit)}”`);
  const d = parseIsoDuration(spec.value);
  if (!d || d.years + d.months + d.days + d.ms === 0) {
    return fail('timer.bad_duration', `时长必须是 ISO-8601 格式（如 P5D、PT2H），实际为“${spec.value}”`);
  }
  return ok(spec);
}

/** Shanghai local date 'YYYY-MM-DD' of an instant. */
export function shanghaiDate(instant: string): string | null {
  const t = Date.parse(instant);
  if (Number.isNaN(t)) return null;
  return new Date(t + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Instant of 00:00 Asia/Shanghai on a local date. */
export function startOfShanghaiDay(date: string): string | null {
  const n = toDayNumber(date);
  return n === null ? null : new Date(n * DAY_MS - SHANGHAI_OFFSET_MS).toISOString();
}

export function computeDue(spec: DurationSpec, start: string, calendars: readonly HolidayCalendar[]): Result<string> {
  const checked = checkDuration(spec);
  if (!checked.ok) return checked;
  const t = Date.parse(start);
  if (Number.isNaN(t)) return fail('timer.bad_instant', `起始时间格式错误：${start}`);
  if (spec.unit === 'workingDays') {
    const startDate = new Date(t + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
    const last = addWorkingDays(startDate, Number(spec.value), calendars, { countStartDay: spec.countStartDay ?? false });
    if (!last.ok) return last;
    const next = fromDayNumber((toDayNumber(last.value) ?? 0) + 1);
    return ok(startOfShanghaiDay(next) ?? '');
  }
  const d = parseIsoDuration(spec.value)!;
  // Years and months move the Shanghai wall date, clamped to the month's last day (01-31 + P1M -> 02-28/29).
  const local = new Date(t + SHANGHAI_OFFSET_MS);
  const y = local.getUTCFullYear();
  const mo = local.getUTCMonth() + d.years * 12 + d.months;
  const lastDay = new Date(Date.UTC(y, mo + 1, 0)).getUTCDate();
  const shifted = Date.UTC(
    y,
    mo,
    Math.min(local.getUTCDate(), lastDay),
    local.getUTCHours(),
    local.getUTCMinutes(),
    local.getUTCSeconds(),
    local.getUTCMilliseconds(),
  );
  return ok(new Date(shifted - SHANGHAI_OFFSET_MS + d.days * DAY_MS + d.ms).toISOString());
}
