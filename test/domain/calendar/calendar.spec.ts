import { describe, expect, it } from 'vitest';
import { checkCalendar, coverage } from '../../../server/domain/calendar/calendar.js';
import { seededCalendars } from './load.js';

describe('holiday calendar data', () => {
  it('reports coverage "known through" the last contiguous year', () => {
    expect(coverage(seededCalendars())).toEqual({ from: 2022, through: 2026, gaps: [] });
    expect(coverage(seededCalendars([2022, 2023, 2025]))).toEqual({ from: 2022, through: 2023, gaps: [2024] });
    expect(coverage([])).toBeNull();
  });

  it('every seeded file passes the shape check and carries its source', () => {
    for (const c of seededCalendars()) {
      expect(checkCalendar(c).ok).toBe(true);
      expect(c.source).toBeTruthy();
    }
  });

  it('2022 National Day: 10-01..10-07 off, 10-08 and 10-09 worked', () => {
    const [c2022] = seededCalendars([2022]);
    expect(c2022!.daysOff).toEqual(expect.arrayContaining(['2022-10-01', '2022-10-07']));
    expect(c2022!.workdays).toEqual(expect.arrayContaining(['2022-10-08', '2022-10-09']));
  });

  it('refuses a date of another year or a day both off and worked', () => {
    expect(checkCalendar({ year: 2022, daysOff: ['2023-01-01'], workdays: [] }).ok).toBe(false);
    const r = checkCalendar({ year: 2022, daysOff: ['2022-10-08'], workdays: ['2022-10-08'] });
    expect(!r.ok && r.error.code).toBe('calendar.conflict');
  });
});
