// 选项 of a single or multi select: one row per option, the label people see and (optionally) the value stored
// — a code such as "jianshe" — which defaults to the label. Rows being typed are kept here; the schema gets the
// rows with a label.
import { Button, Form, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { FieldOption } from './field-options.js';

interface Row {
  label: string;
  /** '' = same as the label */
  code: string;
}

const toRows = (options: readonly FieldOption[]): Row[] => options.map((o) => ({ label: o.label, code: o.value === o.label ? '' : o.value }));
const toOptions = (rows: readonly Row[]): FieldOption[] =>
  rows.filter((r) => r.label.trim() !== '').map((r) => ({ label: r.label.trim(), value: r.code.trim() || r.label.trim() }));
const duplicates = (options: readonly FieldOption[]): string[] => options.map((o) => o.value).filter((v, i, all) => all.indexOf(v) !== i);

export default function OptionsEditor({ value, onChange }: { value: readonly FieldOption[]; onChange: (options: FieldOption[]) => void }) {
  const [rows, setRows] = useState<Row[]>(() => toRows(value));
  // follow changes from elsewhere (the JSON editor), not our own keystrokes
  useEffect(() => {
    if (JSON.stringify(toOptions(rows)) !== JSON.stringify(value)) setRows(toRows(value));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  const options = toOptions(rows);
  const dup = duplicates(options);
  const update = (next: Row[]) => {
    setRows(next);
    const opts = toOptions(next);
    if (opts.length && duplicates(opts).length === 0) onChange(opts);
  };
  const edit = (i: number, patch: Partial<Row>) => update(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  return (
    <Form.Item
      label="选项"
      validateStatus={options.length === 0 || dup.length ? 'error' : undefined}
      help={options.length === 0 ? '至少填写一个选项' : dup.length ? `选项「${dup.join('、')}」重复` : `共 ${options.length} 个选项；申报人看到的是显示名`}
    >
      <div data-testid="field-options">
        {rows.map((r, i) => (
          <Space.Compact key={i} style={{ width: '100%', marginBottom: 4 }}>
            <Input aria-label={`选项${i + 1}显示名`} data-testid="option-label" placeholder="显示名（中文）" value={r.label} onChange={(e) => edit(i, { label: e.target.value })} style={{ width: '60%' }} />
            <Input aria-label={`选项${i + 1}存储值`} data-testid="option-code" placeholder="存储值（可不填，同显示名）" value={r.code} onChange={(e) => edit(i, { code: e.target.value })} style={{ width: '40%' }} />
            <Button aria-label={`删除选项${i + 1}`} disabled={rows.length <= 1} onClick={() => update(rows.filter((_, j) => j !== i))}>
              ×
            </Button>
          </Space.Compact>
        ))}
        <Button size="small" type="dashed" data-testid="option-add" onClick={() => setRows([...rows, { label: '', code: '' }])}>
          ＋ 添加选项
        </Button>
        <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
          存储值用于资格规则和导出，可用代码；不填则与显示名相同
        </Typography.Text>
      </div>
    </Form.Item>
  );
}
