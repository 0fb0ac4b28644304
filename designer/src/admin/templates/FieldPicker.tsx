// The fields and facts a template may use, by their Chinese labels: search, click, and the text is inserted
// at the cursor ({{form.name}}, {{date …}}, a whole {{#each}} block for a list). Paths are shown small, for
// reading only.
import { Collapse, Empty, Input, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { FieldGroup, HelperDoc, TemplateField } from './types.js';

interface Props {
  groups: FieldGroup[];
  helpers: HelperDoc[];
  onPick(text: string): void;
  /** the groups open at first */
  defaultOpen?: string[];
}

const KIND: Record<TemplateField['kind'], string> = { value: '', date: '日期', flag: '是/否', choices: '多选', list: '逐项列出' };

const matches = (f: TemplateField, q: string): boolean => q === '' || f.label.includes(q) || f.path.toLowerCase().includes(q.toLowerCase());

function filterFields(fields: TemplateField[], q: string): TemplateField[] {
  const out: TemplateField[] = [];
  for (const f of fields) {
    const children = f.children ? filterFields(f.children, q) : undefined;
    if (matches(f, q) || (children && children.length > 0)) out.push(children && !matches(f, q) ? { ...f, children } : f);
  }
  return out;
}

function Item({ field, onPick, inner }: { field: TemplateField; onPick(text: string): void; inner?: boolean }) {
  return (
    <>
      <div
        role="button"
        tabIndex={0}
        data-testid="pick-field"
        data-path={field.path}
        title={`插入 ${field.insert}`}
        onMouseDown={(e) => e.preventDefault() /* keep the cursor in the source */}
        onClick={() => onPick(field.insert)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') onPick(field.insert);
        }}
        style={{ padding: '3px 6px', marginLeft: inner ? 16 : 0, cursor: 'pointer', borderRadius: 4, display: 'flex', alignItems: 'baseline', gap: 6 }}
        className="zc-pick-field"
      >
        <span>{field.label}</span>
        {KIND[field.kind] ? <Tag style={{ marginInlineEnd: 0 }}>{KIND[field.kind]}</Tag> : null}
        <Typography.Text type="secondary" style={{ fontSize: 11, marginLeft: 'auto' }}>
          {field.path}
        </Typography.Text>
      </div>
      {field.children?.length ? (
        <div style={{ borderLeft: '2px solid #f0f0f0', marginLeft: 10 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 16 }}>
            每一项中（放在上面的“逐项列出”块里）：
          </Typography.Text>
          {field.children.map((c) => (
            <Item key={c.path} field={c} onPick={onPick} inner />
          ))}
        </div>
      ) : null}
    </>
  );
}

export default function FieldPicker({ groups, helpers, onPick, defaultOpen }: Props) {
  const [q, setQ] = useState('');
  const [open, setOpen] = useState<string[]>(defaultOpen ?? ['form', 'applicant']);
  const shown = useMemo(() => groups.map((g) => ({ ...g, fields: filterFields(g.fields, q.trim()) })).filter((g) => g.fields.length > 0), [groups, q]);
  const shownHelpers = helpers.filter((h) => q.trim() === '' || h.label.includes(q.trim()) || h.name.includes(q.trim()));
  const items = [
    ...shown.map((g) => ({ key: g.key, label: `${g.label}（${g.fields.length}）`, children: g.fields.map((f) => <Item key={f.path} field={f} onPick={onPick} />) })),
    ...(shownHelpers.length > 0
      ? [
          {
            key: 'helpers',
            label: `模板函数（${shownHelpers.length}）`,
            children: shownHelpers.map((h) => (
              <Item key={h.name} field={{ label: h.label, path: h.name, kind: 'value', insert: h.example }} onPick={onPick} />
            )),
          },
        ]
      : []),
  ];
  return (
    <div data-testid="field-picker">
      <Input.Search allowClear placeholder="按名称查找栏目，如“姓名”“单位”" value={q} onChange={(e) => setQ(e.target.value)} style={{ marginBottom: 8 }} data-testid="field-search" />
      {items.length === 0 ? (
        <Empty description="没有匹配的栏目" />
      ) : (
        <Collapse size="small" activeKey={q.trim() ? items.map((i) => i.key) : open} onChange={(keys) => setOpen(Array.isArray(keys) ? keys.map(String) : [String(keys)])} items={items} />
      )}
    </div>
  );
}
