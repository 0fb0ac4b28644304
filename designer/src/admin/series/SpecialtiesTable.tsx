// 专业: Chinese names, each with a key derived from the name (editable). Problems show in their cell.
import { Button, Form, Input, Table } from 'antd';
import type { ProblemDetail } from '../../api.js';
import { fieldStatus } from '../problems-at.js';
import { keyFromName, uniqueKey } from '../wizard/derive-key.js';

type Specialty = { key: string; name: string };

export default function SpecialtiesTable({ value, onChange, problems }: { value: Specialty[]; onChange: (v: Specialty[]) => void; problems: ProblemDetail[] | null }) {
  const set = (i: number, p: Partial<Specialty>) => onChange(value.map((s, j) => (j === i ? { ...s, ...p } : s)));
  const rename = (i: number, name: string) => {
    const s = value[i]!;
    const others = value.filter((_, j) => j !== i).map((x) => x.key);
    // the key follows the name until someone edits it by hand
    const derived = !s.key || s.key === uniqueKey(keyFromName(s.name, 'zhuanye'), others);
    set(i, derived ? { name, key: uniqueKey(keyFromName(name, 'zhuanye'), others) } : { name });
  };
  return (
    <Table<Specialty>
      size="small"
      rowKey={(_, i) => String(i)}
      dataSource={value}
      pagination={false}
      data-testid="specialties"
      locale={{ emptyText: '尚无专业' }}
      onRow={() => ({ 'data-testid': 'specialty-row' }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: '专业名称',
          render: (_, s, i) => (
            <Form.Item style={{ margin: 0 }} {...fieldStatus(problems, `/specialties/${i}/name`)}>
              <Input value={s.name} placeholder="如 档案管理" data-testid="specialty-name" onChange={(e) => rename(i, e.target.value)} />
            </Form.Item>
          ),
        },
        {
          title: '标识（由名称生成，可修改）',
          width: 260,
          render: (_, s, i) => (
            <Form.Item style={{ margin: 0 }} {...fieldStatus(problems, `/specialties/${i}/key`)}>
              <Input value={s.key} data-testid="specialty-key" spellCheck={false} onChange={(e) => set(i, { key: e.target.value.trim() })} />
            </Form.Item>
          ),
        },
        { title: '', width: 70, render: (_, __, i) => <Button type="link" danger onClick={() => onChange(value.filter((_, j) => j !== i))}>删除</Button> },
      ]}
      footer={() => (
        <Button data-testid="add-specialty" onClick={() => onChange([...value, { key: '', name: '' }])}>
          + 添加专业
        </Button>
      )}
    />
  );
}
