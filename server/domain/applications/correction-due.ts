// 去补正: how long an applicant returned for correction has left, in the terms they count in — the last
// day (Beijing date) and the working days after today up to it, over the holiday calendars. Pure: now is an argument.
import { shanghaiDate } from '../calendar/due.js';
import type { HolidayCalendar } from '../calendar/calendar.js';
import { fromDayNumber, toDayNumber, workingDaysBetween } from '../calendar/working-days.js';
import { ok, type Result } from '../result.js';

export interface CorrectionDue {
  /** the instant the correction window closes (a working-day deadline is 00:00 Beijing of the day after) */
  deadline: string;
  /** the last day to correct, 'YYYY-MM-DD' in Beijing */
  lastDay: string;
  /** working days after today up to and including lastDay (0 on the last day itself) */
  workingDaysLeft: number;
  overdue: boolean;
}

/** the last day ('YYYY-MM-DD', Beijing) of a window that closes at `deadline`: a midnight deadline closes the day before */
export function lastDayOf(deadline: string): string {
  return shanghaiDate(new Date(Date.parse(deadline) - 1).toISOString()) ?? deadline.slice(0, 10);
}

export function correctionDue(deadline: string, now: string, calendars: readonly HolidayCalendar[]): Result<CorrectionDue> {
  const end = Date.parse(deadline);
  // the window is [.., deadline): its last moment belongs to the day before a midnight deadline
  const lastDay = lastDayOf(deadline);
  const today = shanghaiDate(now) ?? now.slice(0, 10);
  const overdue = Date.parse(now) >= end;
  const from = toDayNumber(today);
  const to = toDayNumber(lastDay);
  if (overdue || from === null || to === null || to <= from) return ok({ deadline, lastDay, workingDaysLeft: 0, overdue });
  const left = workingDaysBetween(fromDayNumber(from + 1), fromDayNumber(to + 1), calendars);
  if (!left.ok) return left;
  return ok({ deadline, lastDay, workingDaysLeft: left.value, overdue });
}
