// One application path as a card: its name, whether it counts against post quotas and may be used once,
// and its conditions (all must hold). Memoised like its rows.
import { Button, Card, Checkbox, Input, Space, Tag, Tooltip, Typography } from 'antd';
import { memo } from 'react';
import type { FactDef } from '../../../../server/domain/rules/condition-model.js';
import ConditionList from './ConditionList.js';
import { PolicyConditionPicker } from './PolicyPicker.js';
import { pathOwnProblems, type PathValue, type PointerProblem, type RulesOps } from './rules-model.js';

export interface PathCardProps {
  path: PathValue;
  index: number;
  count: number;
  facts: readonly FactDef[];
  problems: readonly PointerProblem[] | null;
  focusRow: string | undefined;
  ops: RulesOps;
  /** the card edits a path of a policy module itself: it cannot reference other modules */
  inModule?: boolean;
}

function PathCard({ path, index, count, facts, problems, focusRow, ops, inModule }: PathCardProps) {
  const own = pathOwnProblems(problems, index);
  const onChange = (p: PathValue) => ops.setPath(index, p);
  return (
    <Card
      size="small"
      className={`zc-path-card${focusRow === `/rules/paths/${index}` ? ' zc-rule-row-focused' : ''}`}
      data-testid="path-card"
      data-pointer={`/rules/paths/${index}`}
      title={
        <Space size={6} style={{ width: '100%' }}>
          <Tag color="blue">路径 {index + 1}</Tag>
          <Input
            aria-label="路径名称"
            data-testid="path-name"
            variant="borderless"
            style={{ fontWeight: 600, minWidth: 320 }}
            value={path.name}
            placeholder="申报路径名称，如：正常申报"
            onChange={(e) => onChange({ ...path, name: e.target.value })}
          />
        </Space>
      }
      extra={
        <Space size={0}>
          <Button size="small" type="text" disabled={index === 0} onClick={() => ops.movePath(index, -1)} aria-label="上移路径">
            ↑
          </Button>
          <Button size="small" type="text" disabled={index === count - 1} onClick={() => ops.movePath(index, 1)} aria-label="下移路径">
            ↓
          </Button>
          <Button size="small" type="text" danger onClick={() => ops.removePath(index)} data-testid="path-remove">
            删除路径
          </Button>
        </Space>
      }
    >
      <Space size={16} style={{ marginBottom: 8 }} wrap>
        <Tooltip title="破格等路径不计入岗位指标（D8）；条件中可用“本路径不占岗位指标”">
          <Checkbox checked={path.quotaExempt === true} onChange={(e) => onChange({ ...path, quotaExempt: e.target.checked })}>
            不占岗位指标
          </Checkbox>
        </Tooltip>
        <Checkbox checked={path.onceOnly === true} onChange={(e) => onChange({ ...path, onceOnly: e.target.checked })}>
          每人限用一次
        </Checkbox>
        {path.onceOnly === true && (
          <Tooltip title="同一组名的路径共用一次机会（D8：破格1–5 原则上只可享受一次政策优惠），跨层级、跨年度记在本人名下">
            <Input
              size="small"
              style={{ width: 220 }}
              data-testid="once-group"
              addonBefore="共用一次的组"
              placeholder="如：破格申报政策"
              value={typeof path.onceGroup === 'string' ? path.onceGroup : ''}
              onChange={(e) => {
                const { onceGroup: _old, ...rest } = path;
                const group = e.target.value.trim();
                onChange(group ? { ...rest, onceGroup: e.target.value } : rest);
              }}
            />
          </Tooltip>
        )}
        <Typography.Text type="secondary">以下条件须全部满足</Typography.Text>
      </Space>
      {own.length > 0 && (
        <ul className="zc-rule-row-problems" data-testid="path-problems">
          {own.map((p, i) => (
            <li key={i}>{p.message}</li>
          ))}
        </ul>
      )}
      <ConditionList list={path.conditions} listRef={index} kind="path" facts={facts} problems={problems} focusRow={focusRow} ops={ops} />
      {/* a condition shared through the policy library: referenced, not copied */}
      {!inModule && (
        <div style={{ marginTop: 8 }}>
          <PolicyConditionPicker facts={facts} onPick={(use, condition) => onChange({ ...path, conditions: [...path.conditions, { use, condition }] })} />
        </div>
      )}
    </Card>
  );
}

export default memo(PathCard);
