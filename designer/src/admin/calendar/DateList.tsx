// A list of dates of one year, grouped by month: add one day or a range with the date picker, remove with ×.
// A date the server flags (wrong year, both off and working) is red with the message beside it.
import { Button, DatePicker, Form, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { ProblemDetail } from '../../api.js';
import { problemsAt } from '../problems-at.js';

const WEEK = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

export function datesBetween(from: Dayjs, to: Dayjs): string[] {
  const out: string[] = [];
  for (let d = from.startOf('day'); !d.isAfter(to, 'day'); d = d.add(1, 'day')) out.push(d.format('YYYY-MM-DD'));
  return out;
}

export default function DateList({
  field,
  year,
  value,
  other,
  problems,
  onChange,
}: {
  field: 'daysOff' | 'workdays';
  year: number;
  value: string[];
  /** the other list: a date moved here leaves it (a day cannot be both) */
  other: string[];
  problems: ProblemDetail[] | null;
  onChange: (v: string[]) => void;
}) {
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const add = () => {
    if (!range?.[0]) return;
    const dates = datesBetween(range[0], range[1] ?? range[0]);
    onChange([...new Set([...value, ...dates])].sort());
    setRange(null);
  };
  const byMonth = new Map<string, { date: string; index: number }[]>();
  value.forEach((date, index) => {
    const m = date.slice(0, 7);
    byMonth.set(m, [...(byMonth.get(m) ?? []), { date, index }]);
  });
  const listProblems = problemsAt(problems, `/${field}`);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <DatePicker.RangePicker
          data-testid={`${field}-range`}
          value={range}
          placeholder={['开始日期', '结束日期（单日可不选）']}
          allowEmpty={[false, true]}
          defaultPickerValue={[dayjs(`${year}-01-01`), dayjs(`${year}-01-01`)]}
          onChange={(r) => setRange(r as [Dayjs | null, Dayjs | null] | null)}
        />
        <Button type="primary" ghost disabled={!range?.[0]} onClick={add} data-testid={`${field}-add`}>
          添加
        </Button>
        <Typography.Text type="secondary">共 {value.length} 天</Typography.Text>
      </Space>
      {listProblems.length > 0 && <Typography.Text type="danger">{listProblems.map((p) => p.message).join('；')}</Typography.Text>}
      {value.length === 0 && <Typography.Text type="secondary">尚未添加</Typography.Text>}
      {[...byMonth].map(([month, days]) => (
        <Form.Item key={month} label={`${Number(month.slice(5))} 月`} style={{ marginBottom: 8 }}>
          <Space wrap size={[4, 4]}>
            {days.map(({ date, index }) => {
              const here = problemsAt(problems, `/${field}/${index}`);
              const d = dayjs(date);
              const tag = (
                <Tag
                  key={date}
                  color={here.length ? 'error' : other.includes(date) ? 'warning' : field === 'daysOff' ? 'green' : 'blue'}
                  closable
                  data-testid="date-tag"
                  data-date={date}
                  onClose={(e) => {
                    e.preventDefault();
                    onChange(value.filter((_, j) => j !== index));
                  }}
                >
                  {d.isValid() ? `${d.month() + 1}月${d.date()}日 ${WEEK[d.day()]}` : date}
                </Tag>
              );
              return here.length ? (
                <span key={date} data-testid="date-problem">
                  {tag}
                  <Typography.Text type="danger">{here.map((p) => p.message).join('；')}</Typography.Text>
                </span>
              ) : (
                tag
              );
            })}
          </Space>
        </Form.Item>
      ))}
    </Space>
  );
}
