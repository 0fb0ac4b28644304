// Loads the seeded calendars for tests (test helper, not a spec).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HolidayCalendar } from '../../../server/domain/calendar/calendar.js';

export function seededCalendars(years: readonly number[] = [2022, 2023, 2024, 2025, 2026]): HolidayCalendar[] {
  return years.map((y) => JSON.parse(readFileSync(join(import.meta.dirname, `../../../seeds/calendars/${y}.json`), 'utf8')) as HolidayCalendar);
}
