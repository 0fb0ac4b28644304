import { describe, expect, it } from 'vitest';
import { computeDue } from '../../../server/domain/calendar/due.js';
import { seededCalendars } from './load.js';

const cals = seededCalendars();

describe('due instants', () => {
  it('working days end at 00:00 Asia/Shanghai of the day after the last working day', () => {
    // 09:30 Beijing time on Thu 2022-09-29
    const r = computeDue({ value: '5', unit: 'workingDays', countStartDay: true }, '2022-09-29T01:30:00.000Z', cals);
    expect(r).toEqual({ ok: true, value: '2022-10-10T16:00:00.000Z' });
  });

  it('uses the Shanghai date of the start instant, not the UTC date', () => {
    // 2022-09-28T17:00Z is already 01:00 on 09-29 in Beijing
    const r = computeDue({ value: '5', unit: 'workingDays', countStartDay: true }, '2022-09-28T17:00:00.000Z', cals);
    expect(r).toEqual({ ok: true, value: '2022-10-10T16:00:00.000Z' });
  });

  it('calendar durations add wall time', () => {
    expect(computeDue({ value: 'P5D', unit: 'calendarDays' }, '2022-09-29T01:30:00.000Z', [])).toEqual({ ok: true, value: '2022-10-04T01:30:00.000Z' });
    expect(computeDue({ value: 'PT2H', unit: 'calendarDays' }, '2022-09-29T01:30:00.000Z', [])).toEqual({ ok: true, value: '2022-09-29T03:30:00.000Z' });
    expect(computeDue({ value: 'P1M', unit: 'calendarDays' }, '2023-01-31T01:00:00.000Z', [])).toEqual({ ok: true, value: '2023-02-28T01:00:00.000Z' });
  });

  it('a working-day due date past the known calendar is calendar.not_covered', () => {
    const r = computeDue({ value: '5', unit: 'workingDays' }, '2026-12-30T01:00:00.000Z', cals);
    expect(!r.ok && r.error.code).toBe('calendar.not_covered');
  });

  it('refuses a bad duration', () => {
    expect(computeDue({ value: '5D', unit: 'calendarDays' }, '2022-09-29T01:30:00.000Z', []).ok).toBe(false);
    expect(computeDue({ value: 'P5D', unit: 'workingDays' }, '2022-09-29T01:30:00.000Z', cals).ok).toBe(false);
  });
});
