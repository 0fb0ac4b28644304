// The holiday calendars in force: the latest published version of every year.
// Reloaded only when a calendar definition changes (admins edit them as definitions).
import type { HolidayCalendar } from '../domain/calendar/calendar.js';
import type { HolidayCalendarDoc } from '../domain/schema-types.gen.js';
import type { Store } from '../store/port.js';
import type { Clock } from '../domain/clock.js';

export class CalendarSource {
  private cached: { stamp: string; calendars: readonly HolidayCalendar[] } | null = null;
  private checkedAt = Number.NEGATIVE_INFINITY;

  /** another process may publish a calendar: look again at most this often (clock time) */
  static readonly RECHECK_MS = 60_000;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /** this process published a calendar: use it from the next transition on */
  invalidate(): void {
    this.checkedAt = Number.NEGATIVE_INFINITY;
  }

  async current(): Promise<readonly HolidayCalendar[]> {
    const now = Date.parse(this.clock.now());
    if (this.cached && now - this.checkedAt < CalendarSource.RECHECK_MS && now >= this.checkedAt) return this.cached.calendars;
    this.checkedAt = now;
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
