// workingDays() in eligibility rules counts on the China holiday calendars, and refuses to guess.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HolidayCalendar } from '../../../server/domain/calendar/calendar.js';
import { buildContext, compileExpression, evaluateFeel } from '../../../server/domain/rules/index.js';

const cal = (y: number): HolidayCalendar => JSON.parse(readFileSync(join(import.meta.dirname, `../../../seeds/calendars/${y}.json`), 'utf8')) as HolidayCalendar;

const ctx = (calendars?: HolidayCalendar[]) => {
  const r = buildContext({
    form: { noticeFrom: '2022-09-29', noticeTo: '2022-10-10' },
    org: { sector: 'public', grassroots: 'city', regionCode: '150100' },
    campaign: { year: 2022, cutoffs: { education: '2021-12-31', tenure: '2021-12-31', achievements: '2022-06-30' } },
    counters: {},
    integrity: { active: false },
    person: { civilServant: false, retired: false },
    history: { usedPaths: [] },
    applicationDate: '2022-06-15',
    ...(calendars ? { calendars } : {}),
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

const expr = (src: string) => {
  const c = compileExpression(src, '/expr');
  if (!c.ok) throw new Error(c.error.message);
  return c.value;
};

describe('workingDays() rule helper', () => {
  it('counts across National Day 2022 with the 调休 weekend worked', () => {
    const r = evaluateFeel(expr('workingDays(noticeFrom, noticeTo)'), ctx([cal(2022)]));
    // 09-29, 09-30, 10-08 (Sat, worked), 10-09 (Sun, worked); 10-10 itself is not counted
    expect(r).toEqual({ ok: true, value: 4 });
  });

  it('is an error without calendars, or outside them', () => {
    const none = evaluateFeel(expr('workingDays(noticeFrom, noticeTo)'), ctx());
    expect(none.ok).toBe(false);
    const outside = evaluateFeel(expr('workingDays("2021-12-30", noticeTo)'), ctx([cal(2022)]));
    expect(outside.ok).toBe(false);
    if (!outside.ok) expect(outside.error.message).toContain('2021');
  });
});
