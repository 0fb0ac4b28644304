// Deadlines in the words people count in: the last Beijing day and the working days left after today.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { HolidayCalendar } from '../../../server/domain/calendar/calendar.js';
import { deadlineWords } from '../../../server/runtime/notifications/deadline-words.js';
import { splitTitleBody } from '../../../server/runtime/notifications/template-text.js';

const cal2022 = JSON.parse(readFileSync('seeds/calendars/2022.json', 'utf8')) as HolidayCalendar;

describe('deadlineWords', () => {
  it('a return on Wed 2022-06-01 with 5 working days (Dragon Boat Festival skipped) ends on 06-09 with 5 days left', () => {
    expect(deadlineWords('2022-06-09T16:00:00.000Z', '2022-06-01T02:00:00.000Z', [cal2022])).toEqual({ deadline: '2022-06-09', workingDaysLeft: 5 });
  });
  it('late at night UTC is already the next day in Beijing', () => {
    expect(deadlineWords('2022-06-09T16:00:00.000Z', '2022-06-07T17:00:00.000Z', [cal2022])).toEqual({ deadline: '2022-06-09', workingDaysLeft: 1 });
  });
  it('on or after the last day nothing is left', () => {
    expect(deadlineWords('2022-06-09T16:00:00.000Z', '2022-06-09T02:00:00.000Z', [cal2022])).toEqual({ deadline: '2022-06-09', workingDaysLeft: 0 });
  });
  it('a year no calendar covers gives the date without a count', () => {
    expect(deadlineWords('2031-06-09T16:00:00.000Z', '2031-06-01T02:00:00.000Z', [cal2022])).toEqual({ deadline: '2031-06-09', workingDaysLeft: null });
  });
});

describe('splitTitleBody', () => {
  it('first non-empty line is the title; entities the HTML renderer added are undone', () => {
    expect(splitTitleBody('\n\n标题 &amp; &quot;引号&quot;\n正文一\n\n\n\n正文二  \n')).toEqual({ title: '标题 & "引号"', body: '正文一\n\n正文二' });
  });
});
