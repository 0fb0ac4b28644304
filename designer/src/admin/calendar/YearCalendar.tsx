// A month calendar of the year marking 休 (放假日) and 班 (调休上班日); a click on a date moves it along
// 工作日/周末 → 放假 → 调休上班 → back, so a whole holiday can be set without typing a date.
import { Calendar } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';

export default function YearCalendar({ year, daysOff, workdays, onChange }: { year: number; daysOff: string[]; workdays: string[]; onChange: (daysOff: string[], workdays: string[]) => void }) {
  const off = new Set(daysOff);
  const work = new Set(workdays);
  const cycle = (d: Dayjs) => {
    const s = d.format('YYYY-MM-DD');
    if (off.has(s)) onChange(daysOff.filter((x) => x !== s), [...workdays, s].sort());
    else if (work.has(s)) onChange(daysOff, workdays.filter((x) => x !== s));
    else onChange([...daysOff, s].sort(), workdays);
  };
  return (
    <div style={{ maxWidth: 480 }} data-testid="year-calendar">
      <Calendar
        fullscreen={false}
        defaultValue={dayjs(`${year}-01-01`)}
        validRange={[dayjs(`${year}-01-01`), dayjs(`${year}-12-31`)]}
        onSelect={(d, info) => info.source === 'date' && cycle(d)}
        fullCellRender={(d, info) => {
          if (info.type !== 'date') return info.originNode;
          const s = d.format('YYYY-MM-DD');
          const mark = off.has(s) ? { text: '休', color: '#389e0d', bg: '#f6ffed' } : work.has(s) ? { text: '班', color: '#0958d9', bg: '#e6f4ff' } : null;
          return (
            <div className="ant-picker-cell-inner" style={{ position: 'relative', ...(mark ? { background: mark.bg, color: 'rgba(0, 0, 0, 0.88)' } : {}) }} data-date={s}>
              {d.date()}
              {mark && <span style={{ position: 'absolute', top: -6, right: -6, fontSize: 10, color: mark.color }}>{mark.text}</span>}
            </div>
          );
        }}
      />
    </div>
  );
}
