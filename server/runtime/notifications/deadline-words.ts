// A deadline as people count it: the last local (Beijing) day, and how many working days are left after today.
// Pure: time and calendars are arguments.
import type { HolidayCalendar } from '../../domain/calendar/calendar.js';
import { shanghaiDate } from '../../domain/calendar/due.js';
import { fromDayNumber, toDayNumber, workingDaysBetween } from '../../domain/calendar/working-days.js';

export interface DeadlineWords {
  /** 'YYYY-MM-DD', the last day in Beijing time (a due instant at 00:00 means the day before) */
  deadline: string;
  /** working days after today up to and including the last day; null when no holiday calendar covers them */
  workingDaysLeft: number | null;
}

const nextDay = (date: string): string => fromDayNumber((toDayNumber(date) ?? 0) + 1);

export function deadlineWords(dueAt: string, now: string, calendars: readonly HolidayCalendar[]): DeadlineWords | null {
  const due = Date.parse(dueAt);
  if (Number.isNaN(due)) return null;
  // working-day periods end at the start of the following day: the instant just before it is the last day
  const deadline = shanghaiDate(new Date(due - 1).toISOString());
  const today = shanghaiDate(now);
  if (!deadline || !today) return null;
  if (deadline <= today) return { deadline, workingDaysLeft: 0 };
  const left = workingDaysBetween(nextDay(today), nextDay(deadline), calendars);
  return { deadline, workingDaysLeft: left.ok ? left.value : null };
}
