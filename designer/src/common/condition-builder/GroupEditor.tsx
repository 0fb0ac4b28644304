// A group: 全部满足 / 任一满足 / 都不满足 of its rules and nested groups, each with move up/down and delete.
import { Button, Select, Space, Tag, Tooltip, Typography } from 'antd';
import type { ConditionProblem } from '../../../../server/domain/rules/condition-compile.js';
import { factFor } from '../../../../server/domain/rules/condition-facts.js';
import { groupLabel, type ConditionGroup, type ConditionNode, type FactDef, type OperatorId } from '../../../../server/domain/rules/condition-model.js';
import { appendTo, blankRule, moveAt, newGroup, removeAt, updateAt, type At } from './model-edit.js';
import RuleEditor from './RuleEditor.js';

export interface GroupEditorProps {
  root: ConditionGroup;
  at: At;
  group: ConditionGroup;
  facts: readonly FactDef[];
  onChange: (root: ConditionGroup) => void;
  operators?: readonly OperatorId[];
  nested: boolean;
  problems: readonly ConditionProblem[];
  disabled?: boolean;
}

const COMBINATIONS = [
  { value: 'and', label: '全部满足' },
  { value: 'or', label: '任一满足' },
  { value: 'not-or', label: '都不满足' },
  { value: 'not-and', label: '不全满足' },
];

const sameAt = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function ProblemText({ problems, at }: { problems: readonly ConditionProblem[]; at: At }) {
  const mine = problems.filter((p) => sameAt(p.at, at));
  if (mine.length === 0) return null;
  return (
    <Typography.Text type="warning" style={{ fontSize: 12 }} data-testid="cb-incomplete">
      {mine.map((p) => p.message).join('；')}
    </Typography.Text>
  );
}

export default function GroupEditor({ root, at, group, facts, onChange, operators, nested, problems, disabled }: GroupEditorProps) {
  const setGroup = (fn: (g: ConditionGroup) => ConditionGroup) => onChange(updateAt(root, at, (n) => (n.kind === 'group' ? fn(n) : n)));
  const combination = `${group.not ? 'not-' : ''}${group.op}`;
  const showCombination = group.children.length > 1 || group.not || at.length > 0;

  const childTools = (i: number) => (
    <Space size={0} className="zc-cb-tools">
      <Tooltip title="上移">
        <Button size="small" type="text" disabled={disabled || i === 0} onClick={() => onChange(moveAt(root, [...at, i], -1))} data-testid="cb-up" aria-label="上移">
          ↑
        </Button>
      </Tooltip>
      <Tooltip title="下移">
        <Button size="small" type="text" disabled={disabled || i === group.children.length - 1} onClick={() => onChange(moveAt(root, [...at, i], 1))} data-testid="cb-down" aria-label="下移">
          ↓
        </Button>
      </Tooltip>
      <Tooltip title="删除">
        <Button size="small" type="text" danger disabled={disabled} onClick={() => onChange(removeAt(root, [...at, i]))} data-testid="cb-remove" aria-label="删除">
          ✕
        </Button>
      </Tooltip>
    </Space>
  );

  const renderChild = (c: ConditionNode, i: number) => {
    const childAt = [...at, i];
    return (
      <div key={i} className={c.kind === 'group' ? 'zc-cb-child zc-cb-child-group' : 'zc-cb-child'} data-testid={c.kind === 'group' ? 'cb-group' : 'cb-rule'} data-at={childAt.join('.')}>
        <div className="zc-cb-child-body">
          {c.kind === 'group' ? (
            <GroupEditor root={root} at={childAt} group={c} facts={facts} onChange={onChange} operators={operators} nested={nested} problems={problems} disabled={disabled} />
          ) : (
            <>
              <RuleEditor rule={c} facts={facts} operators={operators} disabled={disabled} onChange={(r) => onChange(updateAt(root, childAt, () => r))} />
              <ProblemText problems={problems} at={childAt} />
            </>
          )}
        </div>
        {childTools(i)}
      </div>
    );
  };

  return (
    <div className={`zc-cb-group${at.length > 0 ? ' zc-cb-nested' : ''}`}>
      {showCombination && (
        <Space size={6} className="zc-cb-group-head">
          <Typography.Text type="secondary">以下条件</Typography.Text>
          <Select
            size="small"
            data-testid="cb-group-op"
            disabled={disabled}
            style={{ width: 104 }}
            value={combination}
            options={COMBINATIONS}
            onChange={(v: string) =>
              setGroup(({ not: _not, ...g }) => {
                void _not;
                return { ...g, op: v.endsWith('or') ? 'or' : 'and', ...(v.startsWith('not-') ? { not: true } : {}) };
              })
            }
          />
          {group.guard && (
            <Tag closable={!disabled} onClose={() => setGroup(({ guard: _g, ...g }) => (void _g, g))}>
              「{factFor(group.guard, facts).label}」未填写时整组视为不满足
            </Tag>
          )}
        </Space>
      )}
      {group.children.map(renderChild)}
      <ProblemText problems={problems} at={at} />
      <Space size={4} className="zc-cb-add">
        <Button size="small" type="link" disabled={disabled} onClick={() => onChange(appendTo(root, at, blankRule()))} data-testid="cb-add-rule">
          + 添加条件
        </Button>
        {nested && (
          <Button size="small" type="link" disabled={disabled} onClick={() => onChange(appendTo(root, at, newGroup(group.op === 'and' ? 'or' : 'and')))} data-testid="cb-add-group">
            + 添加条件组（{groupLabel({ op: group.op === 'and' ? 'or' : 'and' })}）
          </Button>
        )}
      </Space>
    </div>
  );
}
