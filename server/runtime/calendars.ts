// The holiday calendars in force: the latest published version of every year.
// Reloaded only when a calendar definition changes (admins edit them as definitions).
import type { HolidayCalendar } from '../domain/calendar/calendar.js';
import type { HolidayCalendarDoc } from '../domain/schema-types.gen.js';
import type { Store } from '../store/port.js';

export class CalendarSource {
  private cached: { stamp: string; calendars: readonly HolidayCalendar[] } | null = null;

  constructor(private readonly store: Store) {}

  async current(): Promise<readonly HolidayCalendar[]> {
    const summaries = await this.store.listDefinitions('calendar');
    const stamp = summaries.map((s) => `${s.key}@${s.latestVersion}`).join(',');
    if (this.cached?.stamp === stamp) return this.cached.calendars;
    const calendars: HolidayCalendar[] = [];
    for (const s of summaries) {
      const rec = await this.store.getDefinition<HolidayCalendarDoc>('calendar', s.key, 'latest');
      if (rec) calendars.push({ year: rec.body.year, daysOff: rec.body.daysOff, workdays: rec.body.workdays, ...(rec.body.source ? { source: rec.body.source } : {}) });
    }
    this.cached = { stamp, calendars };
    return calendars;
  }
}
