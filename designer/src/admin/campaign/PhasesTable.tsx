// 阶段: each phase by its Chinese name, opening and closing dates picked on a calendar (Beijing local dates).
import { Button, DatePicker, Form, Input, Select, Table } from 'antd';
import type { ProblemDetail } from '../../api.js';
import { fieldStatus } from '../problems-at.js';
import { fromDay, PHASES, toDay, type Phase } from './campaign-model.js';

export default function PhasesTable({ value, year, onChange, problems }: { value: Phase[]; year: number; onChange: (v: Phase[]) => void; problems: ProblemDetail[] | null }) {
  const set = (i: number, p: Partial<Phase>) => onChange(value.map((x, j) => (j === i ? { ...x, ...p } : x)));
  const unused = PHASES.filter((p) => !value.some((x) => x.id === p.id));
  const date = (i: number, field: 'opens' | 'closes', v: string) => (
    <Form.Item style={{ margin: 0 }} {...fieldStatus(problems, `/phases/${i}/${field}`)}>
      <DatePicker
        value={toDay(v)}
        data-testid={`phase-${field}`}
        allowClear={false}
        placeholder="选择日期"
        onChange={(d) => set(i, { [field]: fromDay(d) })}
      />
    </Form.Item>
  );
  return (
    <Table<Phase>
      size="small"
      rowKey={(_, i) => String(i)}
      dataSource={value}
      pagination={false}
      data-testid="phases"
      onRow={() => ({ 'data-testid': 'phase-row' }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: '阶段',
          width: 190,
          render: (_, p, i) => (
            <Form.Item style={{ margin: 0 }} {...fieldStatus(problems, `/phases/${i}/id`)}>
              <Select
                value={p.id}
                options={PHASES.map((x) => ({ value: x.id, label: x.label, disabled: x.id !== p.id && value.some((y) => y.id === x.id) }))}
                onChange={(id) => set(i, { id, name: p.name || (PHASES.find((x) => x.id === id)?.label ?? '') })}
              />
            </Form.Item>
          ),
        },
        {
          title: '显示名称',
          render: (_, p, i) => (
            <Form.Item style={{ margin: 0 }} {...fieldStatus(problems, `/phases/${i}/name`)}>
              <Input value={p.name} onChange={(e) => set(i, { name: e.target.value })} />
            </Form.Item>
          ),
        },
        { title: '开始日期', width: 170, render: (_, p, i) => date(i, 'opens', p.opens) },
        { title: '结束日期', width: 170, render: (_, p, i) => date(i, 'closes', p.closes) },
        { title: '', width: 70, render: (_, __, i) => <Button type="link" danger onClick={() => onChange(value.filter((_, j) => j !== i))}>删除</Button> },
      ]}
      footer={() =>
        unused.length ? (
          <Button onClick={() => onChange([...value, { id: unused[0]!.id, name: unused[0]!.label, opens: `${year}-01-01`, closes: `${year}-12-31` }])}>+ 添加阶段</Button>
        ) : null
      }
    />
  );
}
