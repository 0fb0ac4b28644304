// One condition of a path (or one 不得申报 block): the condition builder, the Chinese message for the
// applicant, and the check's problems at this row (found by JSON pointer). Memoised: its props are the
// condition itself, its position and the editor's stable operations.
import { Button, Input, Space, Tooltip, Typography } from 'antd';
import { memo, useMemo } from 'react';
import { describeCondition } from '../../../../server/domain/rules/condition-describe.js';
import type { FactDef } from '../../../../server/domain/rules/condition-model.js';
import { parseCondition } from '../../../../server/domain/rules/condition-parse.js';
import FeelConditionEditor from '../../common/condition-builder/FeelConditionEditor.js';
import { listPointer, problemsAt, type CondValue, type ListRef, type PointerProblem, type RulesOps } from './rules-model.js';

export interface ConditionRowProps {
  cond: CondValue;
  index: number;
  count: number;
  listRef: ListRef;
  kind: 'path' | 'block';
  facts: readonly FactDef[];
  /** all problems of the check; the row shows those at its pointer */
  problems: readonly PointerProblem[] | null;
  focused: boolean;
  ops: RulesOps;
}

function ConditionRow({ cond, index, count, listRef, kind, facts, problems: all, focused, ops }: ConditionRowProps) {
  const pointer = listPointer(listRef, index);
  const problems = useMemo(() => problemsAt(all, pointer), [all, pointer]);
  const onChange = (c: CondValue) => ops.setCond(listRef, index, c);
  // the condition in words: a suggestion for the message while it is empty
  const summary = useMemo(() => {
    const m = parseCondition(cond.expr);
    return m.ok && m.value.children.length > 0 ? describeCondition(m.value, facts) : '';
  }, [cond.expr, facts]);
  const label = kind === 'block' ? '成立时不得申报，并告诉申报人' : '不满足时告诉申报人';

  return (
    <div className={`zc-rule-row${focused ? ' zc-rule-row-focused' : ''}${problems.length ? ' zc-rule-row-error' : ''}`} data-testid="rule-row" data-pointer={pointer}>
      <div className="zc-rule-row-head">
        <Typography.Text strong>
          {kind === 'block' ? '情形' : '条件'} {index + 1}
        </Typography.Text>
        <Space size={0}>
          <Tooltip title="上移">
            <Button size="small" type="text" disabled={index === 0} onClick={() => ops.moveCond(listRef, index, -1)} aria-label="上移条件" data-testid="row-up">
              ↑
            </Button>
          </Tooltip>
          <Tooltip title="下移">
            <Button size="small" type="text" disabled={index === count - 1} onClick={() => ops.moveCond(listRef, index, 1)} aria-label="下移条件" data-testid="row-down">
              ↓
            </Button>
          </Tooltip>
          <Tooltip title="删除此条件">
            <Button size="small" type="text" danger onClick={() => ops.removeCond(listRef, index)} aria-label="删除条件" data-testid="row-remove">
              删除
            </Button>
          </Tooltip>
        </Space>
      </div>
      <FeelConditionEditor value={cond.expr} onChange={(expr) => onChange({ ...cond, expr })} facts={facts} />
      <div className="zc-rule-row-message">
        <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
          {label}：
        </Typography.Text>
        <Input
          aria-label={label}
          // B2: a cut-off named in words is filled with the campaign's date when the applicant reads it
          title="可写入 {资历截止日}、{学历截止日}、{业绩截止日}、{申报年度}，申报人看到的是本年度的日期"
          data-testid="rule-message"
          value={cond.message}
          placeholder={summary ? `例如：须${summary}` : '用中文说明这条要求'}
          status={cond.message.trim() === '' ? 'warning' : undefined}
          onChange={(e) => onChange({ ...cond, message: e.target.value })}
        />
      </div>
      {problems.length > 0 && (
        <ul className="zc-rule-row-problems" data-testid="row-problems">
          {problems.map((p, i) => (
            <li key={i} data-code={p.code}>
              {p.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export default memo(ConditionRow);
