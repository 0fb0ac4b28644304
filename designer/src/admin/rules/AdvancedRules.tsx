// 高级: the FEEL of every condition, editable, and the whole rules JSON. Both edit the same value as the
// cards, so each side shows the other's changes; conditions the builder cannot show are marked here.
import { Alert, Collapse, Input, Table, Tag, Typography } from 'antd';
import { parseCondition } from '../../../../server/domain/rules/condition-parse.js';
import JsonText from '../JsonText.js';
import { isUseValue, problemsAt, replace, type CondValue, type PointerProblem, type RulesValue } from './rules-model.js';

interface Row {
  key: string;
  where: string;
  pointer: string;
  cond: CondValue;
  set: (expr: string) => void;
}

export default function AdvancedRules({ rules, raw, onChange, onRawChange, problems }: { rules: RulesValue | null; raw: unknown; onChange: (r: RulesValue) => void; onRawChange: (v: unknown) => void; problems: readonly PointerProblem[] | null }) {
  const rows: Row[] = [];
  if (rules) {
    // a policy module's conditions are edited in the module, not here (references stay in the JSON below)
    (rules.blocks ?? []).forEach((c, i) =>
      isUseValue(c) ? undefined : rows.push({ key: `b${i}`, where: `不得申报 · 情形 ${i + 1}`, pointer: `/rules/blocks/${i}`, cond: c, set: (expr) => onChange({ ...rules, blocks: replace(rules.blocks ?? [], i, { ...c, expr }) }) }),
    );
    rules.paths.forEach((p, i) =>
      isUseValue(p) ? undefined : p.conditions.forEach((c, j) =>
        isUseValue(c) ? undefined : rows.push({
          key: `p${i}-${j}`,
          where: `${p.name || p.id} · 条件 ${j + 1}`,
          pointer: `/rules/paths/${i}/conditions/${j}`,
          cond: c,
          set: (expr) => onChange({ ...rules, paths: replace(rules.paths, i, { ...p, conditions: replace(p.conditions, j, { ...c, expr }) }) }),
        }),
      ),
    );
  }
  const advancedOnly = rows.filter((r) => !parseCondition(r.cond.expr).ok).length;

  return (
    <div data-testid="rules-advanced">
      <Typography.Paragraph type="secondary">
        每个条件的 FEEL 表达式（执行的就是它）。在这里修改后，“条件”页随之更新；条件构建器无法表示的条件标为“仅高级”，只能在这里编辑。
        共 {rows.length} 条，其中 {advancedOnly} 条仅高级。
      </Typography.Paragraph>
      {!rules && <Alert type="warning" showIcon title="规则结构不完整，条件页无法显示：请在下方 JSON 中修正" style={{ marginBottom: 8 }} />}
      <Table<Row>
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={rows}
        columns={[
          {
            title: '位置与说明',
            width: 220,
            render: (_, r) => (
              <>
                <Typography.Text strong style={{ display: 'block' }}>
                  {r.where}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.cond.message}
                </Typography.Text>
              </>
            ),
          },
          {
            title: '构建器',
            width: 84,
            render: (_, r) => (parseCondition(r.cond.expr).ok ? <Tag color="green">可视化</Tag> : <Tag color="orange">仅高级</Tag>),
          },
          {
            title: 'FEEL 表达式',
            render: (_, r) => (
              <>
                <Input.TextArea
                  className="zc-json"
                  autoSize={{ minRows: 1, maxRows: 6 }}
                  spellCheck={false}
                  value={r.cond.expr}
                  data-testid="advanced-feel"
                  data-pointer={r.pointer}
                  onChange={(e) => r.set(e.target.value)}
                />
                {problemsAt(problems, r.pointer).map((p, i) => (
                  <Typography.Text key={i} type="danger" style={{ display: 'block', fontSize: 12 }}>
                    {p.message}
                  </Typography.Text>
                ))}
              </>
            ),
          },
        ]}
      />
      <Collapse
        style={{ marginTop: 12 }}
        items={[{ key: 'json', label: '完整 JSON（规则的存储形式）', children: <JsonText value={raw ?? { paths: [] }} onChange={onRawChange} rows={24} testId="rules-json" /> }]}
      />
    </div>
  );
}
