// A deadline as people count it: the last local (Beijing) day, and how many working days are left after today.
// The same reckoning as the applicant's 去补正 (domain/applications/correction-due.ts), so the e-mail, the
// workbench and 我的申报 never disagree by a day. Pure: time and calendars are arguments.
import type { HolidayCalendar } from '../../domain/calendar/calendar.js';
import { correctionDue, lastDayOf } from '../../domain/applications/correction-due.js';

export interface DeadlineWords {
  /** 'YYYY-MM-DD', the last day in Beijing time (a due instant at 00:00 means the day before) */
  deadline: string;
  /** working days after today up to and including the last day; null when no holiday calendar covers them */
  workingDaysLeft: number | null;
}

export function deadlineWords(dueAt: string, now: string, calendars: readonly HolidayCalendar[]): DeadlineWords | null {
  if (Number.isNaN(Date.parse(dueAt)) || Number.isNaN(Date.parse(now))) return null;
  const due = correctionDue(dueAt, now, calendars);
  if (due.ok) return { deadline: due.value.lastDay, workingDaysLeft: due.value.workingDaysLeft };
  return { deadline: lastDayOf(dueAt), workingDaysLeft: null };
}
