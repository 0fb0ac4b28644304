import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay, workingDaysBetween } from '../../../server/domain/calendar/working-days.js';
import { seededCalendars } from './load.js';

const cals = seededCalendars();

describe('working days on the China holiday calendar', () => {
  it('5 working days from Thu 2022-09-29 (start counted) end Mon 2022-10-10, 调休 weekend counted', () => {
    expect(addWorkingDays('2022-09-29', 5, cals, { countStartDay: true })).toEqual({ ok: true, value: '2022-10-10' });
  });

  it('5 working days from Thu 2026-02-12 end 2026-02-25 (02-14 is a 补班 Saturday)', () => {
    expect(addWorkingDays('2026-02-12', 5, cals, { countStartDay: true })).toEqual({ ok: true, value: '2026-02-25' });
  });

  it('without counting the start day the period moves one working day', () => {
    expect(addWorkingDays('2022-09-29', 5, cals, { countStartDay: false })).toEqual({ ok: true, value: '2022-10-11' });
  });

  it('a non-working start day is never counted', () => {
    expect(addWorkingDays('2022-10-01', 1, cals, { countStartDay: true })).toEqual({ ok: true, value: '2022-10-08' });
  });

  it('classifies holidays, 调休 weekends and ordinary days', () => {
    expect(isWorkingDay('2022-10-05', cals)).toEqual({ ok: true, value: false });
    expect(isWorkingDay('2022-10-08', cals)).toEqual({ ok: true, value: true });
    expect(isWorkingDay('2022-10-15', cals)).toEqual({ ok: true, value: false });
    expect(isWorkingDay('2022-10-17', cals)).toEqual({ ok: true, value: true });
  });

  it('counts working days in a half-open range', () => {
    expect(workingDaysBetween('2022-09-29', '2022-10-11', cals)).toEqual({ ok: true, value: 5 });
    expect(workingDaysBetween('2022-10-11', '2022-09-29', cals)).toEqual({ ok: true, value: 0 });
  });

  it('past the last known year is calendar.not_covered, never a guess', () => {
    const r = addWorkingDays('2026-12-28', 10, cals, { countStartDay: true });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('calendar.not_covered');
      expect(r.error.message).toContain('2027');
    }
    const d = isWorkingDay('2027-03-01', cals);
    expect(!d.ok && d.error.code).toBe('calendar.not_covered');
  });

  it('a gap year is not covered either', () => {
    const r = addWorkingDays('2022-12-30', 3, seededCalendars([2022, 2024]), { countStartDay: true });
    expect(!r.ok && r.error.code).toBe('calendar.not_covered');
  });

  it('refuses malformed input', () => {
    expect(!isWorkingDay('2022-02-30', cals).ok).toBe(true);
    const r = addWorkingDays('2022-09-29', 0, cals, { countStartDay: true });
    expect(!r.ok && r.error.code).toBe('calendar.bad_count');
  });
});
