// Generates seeds/calendars/YEAR.json from npm chinese-days (data 2004–2026).
// Usage: tsx server/cli/gen-calendar.ts 2022 2023 2024 2025 2026
// chinese-days treats unknown years as plain Mon–Fri, so never generate past its data: the
// next year's file is written by an admin from the State Council notice.
import { writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import chineseDays from 'chinese-days';

const { getDayDetail } = chineseDays;
const LAST_YEAR_IN_PACKAGE = 2026;
const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../../node_modules/chinese-days/package.json'), 'utf8')) as { version: string };

function calendarOf(year: number) {
  const daysOff: string[] = [];
  const workdays: string[] = [];
  for (let t = Date.UTC(year, 0, 1); new Date(t).getUTCFullYear() === year; t += 86_400_000) {
    const date = new Date(t).toISOString().slice(0, 10);
    const weekday = new Date(t).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    const { work, name } = getDayDetail(date);
    // an ordinary weekend is named after its weekday; a holiday carries "English,中文,days"
    const isHoliday = name.includes(',');
    if (!work && isHoliday) daysOff.push(date);
    if (work && weekend) workdays.push(date);
  }
  return { year, daysOff, workdays, source: `chinese-days ${pkg.version}（国务院办公厅节假日安排通知）` };
}

const years = process.argv.slice(2).map(Number);
if (years.length === 0 || years.some((y) => !Number.isInteger(y) || y < 2004 || y > LAST_YEAR_IN_PACKAGE)) {
  console.error(`usage: tsx server/cli/gen-calendar.ts YEAR... (2004–${LAST_YEAR_IN_PACKAGE})`);
  process.exit(1);
}
const dir = join(import.meta.dirname, '../../seeds/calendars');
mkdirSync(dir, { recursive: true });
for (const y of years) {
  const cal = calendarOf(y);
  writeFileSync(join(dir, `${y}.json`), JSON.stringify(cal, null, 2) + '\n');
  console.log(`${y}: ${cal.daysOff.length} days off, ${cal.workdays.length} adjusted workdays`);
}
