// One rule as a line of Chinese: 「现专业技术资格 › 取得时间」「满 N 年（计至资历截止日）」「5 年」.
// The fact comes from a searchable list grouped by where it comes from; nobody types a key.
import { Select, Space, Tag, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import { factFor } from '../../../../server/domain/rules/condition-facts.js';
import type { ConditionRule, FactDef, OperatorId } from '../../../../server/domain/rules/condition-model.js';
import { operatorChoices } from '../../../../server/domain/rules/condition-operators.js';
import { typeOfRule, withChoice, withFact } from './model-edit.js';
import ValueEditor from './ValueEditor.js';

export interface RuleEditorProps {
  rule: ConditionRule;
  facts: readonly FactDef[];
  onChange: (r: ConditionRule) => void;
  operators?: readonly OperatorId[];
  disabled?: boolean;
}

/** the facts as grouped select options, by their Chinese labels */
function useFactOptions(facts: readonly FactDef[], current: FactDef & { unknown?: true }) {
  return useMemo(() => {
    const groups = new Map<string, { value: string; label: string; title: string }[]>();
    for (const f of facts) {
      const list = groups.get(f.group) ?? [];
      list.push({ value: f.id, label: f.label, title: f.hint ?? f.label });
      groups.set(f.group, list);
    }
    const out = [...groups].map(([label, options]) => ({ label, title: label, options }));
    if (current.unknown && current.id !== '') out.push({ label: '表单中已没有的字段', title: '', options: [{ value: current.id, label: `未知字段 ${current.id}`, title: current.id }] });
    return out;
  }, [facts, current]);
}

export default function RuleEditor({ rule, facts, onChange, operators, disabled }: RuleEditorProps) {
  const fact = factFor(rule.fact, facts);
  const type = typeOfRule(rule, fact);
  const factOptions = useFactOptions(facts, fact);
  const choices = operatorChoices(type, operators, fact.unit);
  // durations are menu entries with their date (满 N 年（计至资历截止日）); other operators are one entry each
  const current = choices.find((c) => c.op === rule.op && (c.until === undefined || c.until === rule.until))?.key;
  const isColumn = fact.table !== undefined;

  return (
    <Space wrap size={6} className="zc-cb-rule-line">
      <Select
        data-testid="cb-fact"
        aria-label="字段或事实"
        disabled={disabled}
        showSearch={{ optionFilterProp: 'label' }}
        style={{ minWidth: 240, maxWidth: 420 }}
        popupMatchSelectWidth={false}
        placeholder="选择字段或事实"
        value={rule.fact === '' ? undefined : rule.fact}
        options={factOptions}
        onChange={(id: string) => {
          const f = facts.find((x) => x.id === id);
          if (f) onChange(withFact(rule, f, operators));
        }}
      />
      {isColumn && (
        <Select
          data-testid="cb-each"
          aria-label="表格中的哪些项"
          disabled={disabled}
          style={{ width: 92 }}
          value={rule.each ?? 'some'}
          options={[
            { value: 'some', label: '任一项' },
            { value: 'every', label: '每一项' },
          ]}
          onChange={(each: 'some' | 'every') => onChange({ ...rule, each })}
        />
      )}
      {rule.fact !== '' && (
        <Select
          data-testid="cb-op"
          aria-label="比较方式"
          disabled={disabled}
          style={{ minWidth: 150 }}
          popupMatchSelectWidth={false}
          value={current}
          placeholder="比较方式"
          options={choices.map((c) => ({ value: c.key, label: c.label }))}
          onChange={(key: string) => {
            const c = choices.find((x) => x.key === key);
            if (c) onChange(withChoice(rule, c));
          }}
        />
      )}
      {rule.fact !== '' && <ValueEditor rule={rule} fact={fact} onChange={onChange} disabled={disabled} />}
      {fact.unknown && rule.fact !== '' && (
        <Tooltip title="此字段不在当前申报表中：请改选字段，或在“申报表单”页补上">
          <Tag color="warning">未知字段</Tag>
        </Tooltip>
      )}
      {rule.guard && (
        <Tooltip title={`「${factFor(rule.guard, facts).label}」没有填写时，此条视为不满足（而不是报“缺少数据”）`}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            未填写视为不满足
          </Typography.Text>
        </Tooltip>
      )}
    </Space>
  );
}
