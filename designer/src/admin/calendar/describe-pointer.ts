// A calendar problem's place in words: 「调休上班日 2026-10-01」 instead of /workdays/3.
import type { CalendarBody } from './CalendarEditor.js';

export function describeCalendarPointer(body: CalendarBody, pointer: string | undefined): string | undefined {
  if (pointer === undefined) return undefined;
  const [, list, index] = pointer.split('/');
  if (list === 'daysOff' || list === 'workdays') {
    const dates = Array.isArray(body[list]) ? body[list] : [];
    return `${list === 'daysOff' ? '放假日' : '调休上班日'}${index !== undefined ? ` ${dates[Number(index)] ?? Number(index) + 1}` : ''}`;
  }
  return list === 'year' ? '年份' : list === 'source' ? '依据' : list ? pointer : '（整体）';
}
