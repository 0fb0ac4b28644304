// Instants shown as the wall clock in China, where every deadline of the platform is counted.
const FORMAT = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** e.g. 2022-06-01 10:00 */
export const beijingTime = (iso: string): string => FORMAT.format(new Date(iso));

/** A working-day deadline ends at 00:00 of the next day: say "2022-06-09 24:00", the last day people count. */
export function beijingDeadline(iso: string): string {
  const text = beijingTime(iso);
  if (!text.endsWith(' 00:00')) return text;
  return `${beijingTime(new Date(Date.parse(iso) - 60_000).toISOString()).slice(0, 10)} 24:00`;
}
