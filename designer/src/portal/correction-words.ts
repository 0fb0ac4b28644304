// 去补正 in the words an applicant reads: the last day as a Beijing date (the server sends it as 'YYYY-MM-DD') and
// the working days left, which the server counts over the holiday calendars.
import type { CorrectionDue } from '../../../server/domain/applications/correction-due.js';

export type { CorrectionDue };

/** '2026-05-27' → '5月27日' */
export const monthDay = (date: string): string => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/** '请在 5月27日（含）前补正，还剩 5 个工作日' */
export function correctionText(c: CorrectionDue): string {
  if (c.overdue) return `补正期限已于 ${monthDay(c.lastDay)} 届满`;
  const left = c.workingDaysLeft > 0 ? `还剩 ${c.workingDaysLeft} 个工作日` : '今天是最后一天';
  return `请在 ${monthDay(c.lastDay)}（含）前补正，${left}`;
}
