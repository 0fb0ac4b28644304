// A step as a card: its kind, its name, one line of who does it and how; click to edit it in the drawer.
// 条件分支 and 并行分支 show their branches side by side, each a chain of its own.
import { Button, Card, Space, Tag, Typography } from 'antd';
import { describeCondition } from '../../../../server/domain/rules/condition-describe.js';
import { FLOW_FACTS } from '../../../../server/domain/workflow/steps/flow-facts.js';
import { STEP_TYPE_LABELS } from '../../../../server/domain/workflow/steps/labels.js';
import type { ConditionBranch, Step } from '../../../../server/domain/workflow/steps/types.js';
import StepChainView, { type ChainOps } from './StepChainView.js';
import { samePath, summary, type StepPath } from './step-tree.js';

const TYPE_COLORS: Partial<Record<Step['type'], string>> = {
  review: 'blue',
  send: 'blue',
  filing: 'blue',
  publicity: 'gold',
  resultPublicity: 'gold',
  roster: 'gold',
  expertReview: 'purple',
  certificate: 'green',
  pass: 'green',
  notify: 'cyan',
  condition: 'magenta',
  parallel: 'magenta',
};

function conditionText(b: ConditionBranch): string {
  if (b.otherwise) return '以上条件都不满足时';
  return b.condition && b.condition.children.length > 0 ? `当 ${describeCondition(b.condition, FLOW_FACTS)}` : '（条件未设置）';
}

function Branches({ step, path, ops }: { step: Step; path: StepPath; ops: ChainOps }) {
  if (step.type !== 'condition' && step.type !== 'parallel') return null;
  return (
    <div className="zc-branches" onClick={(e) => e.stopPropagation()}>
      {step.branches.map((b, n) => {
        const when = step.type === 'condition' ? conditionText(b as ConditionBranch) : '同时办理';
        return (
          <div className="zc-branch" key={n} data-testid="step-branch" data-branch-name={b.name}>
            <div className="zc-branch-head">
              <div className="zc-branch-name">{b.name}</div>
              <div className="zc-branch-when">{when}</div>
            </div>
            {b.steps.length === 0 && <div className="zc-branch-empty">（无步骤，直接继续）</div>}
            <StepChainView chain={b.steps} at={[...path, n]} ops={ops} />
          </div>
        );
      })}
    </div>
  );
}

export default function StepCard({ step, path, first, last, ops }: { step: Step; path: StepPath; first: boolean; last: boolean; ops: ChainOps }) {
  const problems = ops.problemsOf(path);
  const branching = step.type === 'condition' || step.type === 'parallel';
  const classes = ['zc-step-card', branching ? 'zc-step-branching' : '', samePath(ops.selected ?? undefined, path) ? 'zc-step-selected' : '', problems.length > 0 ? 'zc-step-error' : ''];
  return (
    <Card
      size="small"
      className={classes.filter(Boolean).join(' ')}
      data-testid="step-card"
      data-step-name={step.name}
      onClick={() => ops.select(path)}
      title={
        <Space size={6} wrap>
          <Tag color={TYPE_COLORS[step.type]}>{STEP_TYPE_LABELS[step.type]}</Tag>
          <Typography.Text strong data-testid="step-name">
            {step.name}
          </Typography.Text>
        </Space>
      }
      extra={
        !ops.readOnly && (
          <Space size={0} onClick={(e) => e.stopPropagation()}>
            <Button size="small" type="text" disabled={first} onClick={() => ops.move(path, -1)} aria-label="上移">
              ↑
            </Button>
            <Button size="small" type="text" disabled={last} onClick={() => ops.move(path, 1)} aria-label="下移">
              ↓
            </Button>
            <Button size="small" type="text" danger onClick={() => ops.remove(path)} aria-label="删除步骤">
              删除
            </Button>
          </Space>
        )
      }
    >
      <div className="zc-step-summary">{summary(step)}</div>
      {problems.length > 0 && (
        <ul className="zc-step-problems" data-testid="step-problems">
          {problems.map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </ul>
      )}
      <Branches step={step} path={path} ops={ops} />
    </Card>
  );
}
