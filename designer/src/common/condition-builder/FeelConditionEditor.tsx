// A FEEL condition edited with the condition builder. FEEL stays the stored value: the builder's picks are
// compiled to it on every change, and a FEEL changed elsewhere (the 高级 pane) is read back. A condition the
// builder cannot show is marked and shown read-only here; it stays editable as FEEL in the 高级 pane.
import { Alert, Button, Popconfirm, Space, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { compileCondition } from '../../../../server/domain/rules/condition-compile.js';
import type { ConditionGroup, FactDef, OperatorId } from '../../../../server/domain/rules/condition-model.js';
import { parseCondition } from '../../../../server/domain/rules/condition-parse.js';
import ConditionBuilder from './ConditionBuilder.js';
import { blankRule } from './model-edit.js';

export interface FeelConditionEditorProps {
  /** the FEEL expression ('' for a new condition) */
  value: string;
  /** the new FEEL; '' while the picks are unfinished (the server's check then says the condition is empty) */
  onChange: (feel: string) => void;
  facts: readonly FactDef[];
  operators?: readonly OperatorId[];
  disabled?: boolean;
  /** show the FEEL written, under the builder */
  showFeel?: boolean;
}

const withBlank = (g: ConditionGroup): ConditionGroup => (g.children.length === 0 ? { ...g, children: [blankRule()] } : g);

export default function FeelConditionEditor({ value, onChange, facts, operators, disabled, showFeel }: FeelConditionEditorProps) {
  const parsed = useMemo(() => parseCondition(value), [value]);
  const [model, setModel] = useState<ConditionGroup | null>(() => (parsed.ok ? withBlank(parsed.value) : null));
  // what this editor last wrote: a value that differs came from elsewhere and is read again
  const written = useRef<string>(value);
  useEffect(() => {
    if (value === written.current) return;
    written.current = value;
    setModel(parsed.ok ? withBlank(parsed.value) : null);
  }, [value, parsed]);

  if (!model) {
    return (
      <Space orientation="vertical" size={4} style={{ width: '100%' }} data-testid="cb-advanced-only">
        <Alert type="info" showIcon title="此条件只能在高级模式编辑" description={parsed.ok ? undefined : `条件构建器无法表示：${parsed.error}`} />
        <pre className="zc-cb-feel" data-testid="cb-feel-readonly">
          {value}
        </pre>
        <Popconfirm title="清空此条件，改用条件构建器重新编写？" okText="清空重写" cancelText="取消" onConfirm={() => {
            setModel(withBlank({ kind: 'group', op: 'and', children: [] }));
            written.current = '';
            onChange('');
          }} disabled={disabled}>
          <Button size="small" disabled={disabled}>
            用条件构建器重写
          </Button>
        </Popconfirm>
      </Space>
    );
  }

  const compiled = compileCondition(model);
  const change = (next: ConditionGroup) => {
    setModel(next);
    const r = compileCondition(next);
    const feel = r.ok ? r.value : '';
    written.current = feel;
    if (feel !== value) onChange(feel);
  };
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      <ConditionBuilder value={model} onChange={change} facts={facts} operators={operators} problems={compiled.ok ? [] : compiled.error} disabled={disabled} />
      {showFeel && compiled.ok && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="cb-feel">
          FEEL：<code>{compiled.value}</code>
        </Typography.Text>
      )}
    </Space>
  );
}
