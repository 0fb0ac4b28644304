// A holiday calendar that cannot work: a date outside its year, a day both off and a working day.
import type { HolidayCalendarDoc } from '../../schema-types.gen.js';
import type { Problem } from '../../result.js';

export function calendarProblems(c: HolidayCalendarDoc): Problem[] {
  const out: Problem[] = [];
  for (const field of ['daysOff', 'workdays'] as const) {
    c[field].forEach((d, i) => {
      if (!d.startsWith(`${c.year}-`)) out.push({ code: 'calendar.wrong_year', message: `日期 ${d} 不在 ${c.year} 年内`, pointer: `/${field}/${i}` });
    });
  }
  const off = new Set(c.daysOff);
  c.workdays.forEach((d, i) => {
    if (off.has(d)) out.push({ code: 'calendar.day_conflict', message: `${d} 同时是放假日和调休上班日`, pointer: `/workdays/${i}` });
  });
  return out;
}
