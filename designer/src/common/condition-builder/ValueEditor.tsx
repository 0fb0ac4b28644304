// The value of one rule, typed by its fact and operator: options by their labels, numbers, years, a
// platform date or a date of one's own. Nothing here is typed as code.
import { Input, InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import { DATE_REF_LABELS, DATE_REFS, type ConditionRule, type DateRef, type FactDef, type Scalar } from '../../../../server/domain/rules/condition-model.js';
import { operatorDef } from '../../../../server/domain/rules/condition-operators.js';

const OWN_DATE = 'own';

/** a platform date (资历截止日 …) or a date of one's own */
function DateValue({ rule, onChange, disabled }: { rule: ConditionRule; onChange: (r: ConditionRule) => void; disabled?: boolean }) {
  const [own, setOwn] = useState(rule.until === undefined && typeof rule.value === 'string');
  const { until: _u, value: _v, ...rest } = rule;
  void _u;
  void _v;
  const which = rule.until ?? (own ? OWN_DATE : undefined);
  return (
    <Space.Compact>
      <Select
        data-testid="cb-value"
        aria-label="比较的日期"
        disabled={disabled}
        style={{ width: 130 }}
        placeholder="选择日期"
        value={which}
        options={[...DATE_REFS.map((r) => ({ value: r, label: DATE_REF_LABELS[r] })), { value: OWN_DATE, label: '指定日期' }]}
        onChange={(v: string) => {
          setOwn(v === OWN_DATE);
          onChange(v === OWN_DATE ? rest : { ...rest, until: v as DateRef });
        }}
      />
      {which === OWN_DATE ? (
        <Input
          type="date"
          aria-label="指定日期"
          disabled={disabled}
          style={{ width: 150 }}
          value={typeof rule.value === 'string' ? rule.value : ''}
          onChange={(e) => onChange(e.target.value ? { ...rest, value: e.target.value } : rest)}
        />
      ) : null}
    </Space.Compact>
  );
}

export default function ValueEditor({ rule, fact, onChange, disabled }: { rule: ConditionRule; fact: FactDef; onChange: (r: ConditionRule) => void; disabled?: boolean }) {
  const kind = operatorDef(rule.op)?.value ?? 'none';
  const set = (value: Scalar | readonly Scalar[] | undefined) => {
    const { value: _old, ...rest } = rule;
    void _old;
    onChange(value === undefined || value === '' ? rest : { ...rest, value });
  };
  const options = fact.options?.map((o) => ({ value: o.value, label: o.label }));
  const common = { disabled, 'data-testid': 'cb-value', 'aria-label': '比较的值' } as const;

  switch (kind) {
    case 'none':
      return null;
    case 'one':
      if (options) {
        return <Select {...common} style={{ minWidth: 160 }} placeholder="选择" value={rule.value as Scalar | undefined} options={options} onChange={(v: Scalar) => set(v)} />;
      }
      if (fact.type === 'number') {
        return <InputNumber {...common} placeholder="数值" value={typeof rule.value === 'number' ? rule.value : null} onChange={(v) => set(v ?? undefined)} />;
      }
      return <Input {...common} style={{ width: 180 }} placeholder="填写比较的文字" value={typeof rule.value === 'string' ? rule.value : ''} onChange={(e) => set(e.target.value)} />;
    case 'list':
      return (
        <Select
          {...common}
          mode={options ? 'multiple' : 'tags'}
          style={{ minWidth: 220 }}
          placeholder={options ? '选择一项或多项' : '输入后回车，可填多项'}
          value={Array.isArray(rule.value) ? (rule.value as Scalar[]) : []}
          options={options}
          onChange={(v: Scalar[]) => set(v.length ? v : undefined)}
        />
      );
    case 'number':
      return (
        <InputNumber
          {...common}
          placeholder={fact.unit ? 'N' : '数值'}
          suffix={rule.op === 'countAtLeast' ? '项' : fact.unit}
          style={{ width: 120 }}
          value={typeof rule.value === 'number' ? rule.value : null}
          onChange={(v) => set(v ?? undefined)}
        />
      );
    case 'years':
    case 'months':
      return (
        <InputNumber
          {...common}
          min={0}
          precision={0}
          placeholder="N"
          suffix={kind === 'years' ? '年' : '个月'}
          style={{ width: 110 }}
          value={typeof rule.value === 'number' ? rule.value : null}
          onChange={(v) => set(v ?? undefined)}
        />
      );
    case 'date':
      return <DateValue rule={rule} onChange={onChange} disabled={disabled} />;
    default:
      return null;
  }
}
