// 显示条件 / 必填条件 of a field, in the condition builder's style: one line of Chinese choices — the other field by
// its label, a comparison, a value from that field's options. Stored as the field's x-show-if / x-required-if
// annotation while editing; conditions-doc.ts compiles it to if/then (or dependencies) for the level.
import { Checkbox, Input, InputNumber, Select, Space, Typography } from 'antd';
import '../../common/condition-builder/condition-builder.css';
import { OP_LABELS, type ConditionOp, type Scalar } from '../../../../server/domain/forms/conditions.js';
import { conditionOf, setCondition, REQUIRED_IF, SHOW_IF, type FieldCondition } from './conditions-doc.js';
import { optionsOf } from './field-options.js';
import { getField, siblingKeys, type FieldInfo, type FieldKind, type FormDoc } from './schema-tree.js';

type Which = typeof SHOW_IF | typeof REQUIRED_IF;

/** the comparisons that make sense for the other field's kind */
const OPS: Partial<Record<FieldKind, ConditionOp[]>> = {
  boolean: ['eq'],
  enum: ['eq', 'ne', 'in'],
  material: ['eq', 'ne', 'in'],
  multi: ['contains'],
  text: ['eq', 'ne', 'answered'],
  textarea: ['answered'],
  integer: ['eq', 'ne', 'answered'],
  number: ['eq', 'ne', 'answered'],
  date: ['answered'],
};

const YES_NO = [
  { value: 'true', label: '是' },
  { value: 'false', label: '否' },
];

const titleOf = (f: FieldInfo): string => (typeof f.schema.title === 'string' && f.schema.title) || f.key;

function ValueInput({ other, cond, onChange }: { other: FieldInfo; cond: FieldCondition; onChange: (c: FieldCondition) => void }) {
  if (cond.op === 'answered') return null;
  const common = { 'data-testid': 'cond-value', 'aria-label': '值', style: { minWidth: 140 } };
  if (other.kind === 'boolean') {
    return <Select {...common} placeholder="选择" value={cond.value === undefined ? undefined : String(cond.value)} options={YES_NO} onChange={(v: string) => onChange({ ...cond, value: v === 'true' })} />;
  }
  if (other.kind === 'enum' || other.kind === 'multi' || other.kind === 'material') {
    const options = optionsOf(other).map((o) => ({ value: o.value, label: o.label }));
    if (cond.op === 'in') {
      return <Select {...common} mode="multiple" placeholder="选择一个或多个" value={Array.isArray(cond.value) ? cond.value.map(String) : []} options={options} onChange={(v: string[]) => onChange({ ...cond, value: v })} />;
    }
    return <Select {...common} placeholder="选择" value={cond.value === undefined ? undefined : String(cond.value)} options={options} onChange={(v: string) => onChange({ ...cond, value: v })} />;
  }
  if (other.kind === 'integer' || other.kind === 'number') {
    return <InputNumber {...common} value={typeof cond.value === 'number' ? cond.value : null} onChange={(v) => onChange({ ...cond, value: typeof v === 'number' ? v : undefined })} />;
  }
  return <Input {...common} style={{ width: 160 }} value={typeof cond.value === 'string' ? cond.value : ''} onChange={(e) => onChange({ ...cond, value: e.target.value })} />;
}

/** 「是否取得证书」等于「是」 */
export function describeFieldCondition(cond: FieldCondition, other: FieldInfo | undefined): string {
  if (!other) return '';
  const label = (v: Scalar): string => {
    if (typeof v === 'boolean') return v ? '是' : '否';
    return optionsOf(other).find((o) => o.value === String(v))?.label ?? String(v);
  };
  const value = cond.value === undefined ? '' : Array.isArray(cond.value) ? cond.value.map(label).join('、') : label(cond.value);
  return `「${titleOf(other)}」${OP_LABELS[cond.op]}${cond.op === 'answered' ? '' : `「${value}」`}`;
}

export default function FieldConditionEditor({ doc, field, which, onEdit }: { doc: FormDoc; field: FieldInfo; which: Which; onEdit: (edit: (d: FormDoc) => FormDoc) => void }) {
  const parent = field.path.slice(0, -1);
  const cond = conditionOf(field.schema, which) ?? (field.schema[which] as FieldCondition | undefined);
  const on = field.schema[which] !== undefined;
  const others = siblingKeys(doc, parent)
    .filter((k) => k !== field.key)
    .map((k) => getField(doc, [...parent, k]))
    .filter((f): f is FieldInfo => f !== undefined && OPS[f.kind] !== undefined);
  const other = cond ? others.find((f) => f.key === cond.field) : undefined;
  const set = (c: FieldCondition | undefined) => onEdit((d) => setCondition(d, field.path, which, c));
  const ops = other ? (OPS[other.kind] ?? []) : [];
  const complete = conditionOf(field.schema, which) !== undefined && other !== undefined;
  // not "…必填": the field's own 必填 checkbox keeps that name to itself
  const label = which === SHOW_IF ? '仅在满足条件时显示' : '满足条件时须填写';
  const testid = which === SHOW_IF ? 'show-if' : 'required-if';

  return (
    <div data-testid={testid} style={{ marginBottom: 12 }}>
      <Checkbox checked={on} data-testid={`${testid}-toggle`} onChange={(e) => set(e.target.checked ? ({ field: '', op: 'eq' } as FieldCondition) : undefined)} disabled={others.length === 0 && !on}>
        {label}
      </Checkbox>
      {others.length === 0 && !on && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          （同一层级还没有可作条件的字段）
        </Typography.Text>
      )}
      {on && cond && (
        <div style={{ marginTop: 6, paddingLeft: 24 }}>
          <Space wrap size={6} className="zc-cb-rule-line">
            <Typography.Text type="secondary">当</Typography.Text>
            <Select
              data-testid="cond-field"
              aria-label="条件字段"
              showSearch={{ optionFilterProp: 'label' }}
              style={{ minWidth: 180 }}
              popupMatchSelectWidth={false}
              placeholder="选择字段"
              value={cond.field === '' ? undefined : cond.field}
              options={others.map((f) => ({ value: f.key, label: titleOf(f) }))}
              onChange={(k: string) => {
                const f = others.find((x) => x.key === k);
                set({ field: k, op: (f && OPS[f.kind]?.[0]) ?? 'eq' });
              }}
            />
            {other && (
              <Select
                data-testid="cond-op"
                aria-label="比较方式"
                style={{ minWidth: 110 }}
                value={cond.op}
                options={ops.map((op) => ({ value: op, label: OP_LABELS[op] }))}
                onChange={(op: ConditionOp) => set({ field: cond.field, op })}
              />
            )}
            {other && <ValueInput other={other} cond={cond} onChange={set} />}
            <Typography.Text type="secondary">时{which === SHOW_IF ? '显示' : '必填'}</Typography.Text>
          </Space>
          <div style={{ marginTop: 4 }}>
            {complete ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`${testid}-summary`}>
                {which === SHOW_IF ? '仅当' : '当'}
                {describeFieldCondition(conditionOf(field.schema, which)!, other)}时{which === SHOW_IF ? `显示本字段${field.required ? '，并且必填' : ''}` : '本字段必填'}
              </Typography.Text>
            ) : (
              <Typography.Text type="warning" style={{ fontSize: 12 }}>
                {cond.field !== '' && !other ? '条件所用的字段已不存在，请重新选择' : '条件尚未填完整，暂不生效'}
              </Typography.Text>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
