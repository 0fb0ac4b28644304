// The branches of a 条件分支 (each with its condition, built with the condition builder over what a flow
// knows; the last, 其他情况, is taken when no condition holds) or of a 并行分支 (names only).
import { Button, Form, Input, Space, Tag, Typography } from 'antd';
import { ConditionBuilder, blankRule, compileCondition, type ConditionGroup } from '../../common/condition-builder/index.js';
import { FLOW_FACTS } from '../../../../server/domain/workflow/steps/flow-facts.js';
import type { ConditionBranch, ConditionStep, ParallelBranch, ParallelStep } from '../../../../server/domain/workflow/steps/types.js';

const withBlank = (g: ConditionGroup): ConditionGroup => (g.children.length === 0 ? { ...g, children: [blankRule()] } : g);

function swap<T>(list: readonly T[], i: number, j: number): T[] {
  const out = [...list];
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}

export function ConditionBranchesEditor({ step, onChange }: { step: ConditionStep; onChange: (s: ConditionStep) => void }) {
  // conditions are tried in order; 其他情况 stays last
  const conditioned = step.branches.filter((b) => !b.otherwise);
  const otherwise = step.branches.filter((b) => b.otherwise);
  const set = (list: ConditionBranch[]) => onChange({ ...step, branches: [...list, ...otherwise] });
  return (
    <>
      <Typography.Paragraph type="secondary">按顺序判断，走第一个条件成立的分支；都不成立时走“其他情况”。分支里的步骤在流程图上并排显示。</Typography.Paragraph>
      {conditioned.map((b, i) => {
        const shown = withBlank(b.condition ?? { kind: 'group', op: 'and', children: [] });
        const compiled = compileCondition(shown);
        return (
          <div className="zc-step-branch-edit" key={i} data-testid="branch-edit">
            <Space style={{ width: '100%', justifyContent: 'space-between' }}>
              <Tag color="magenta">分支 {i + 1}</Tag>
              <Space size={0}>
                <Button size="small" type="text" disabled={i === 0} onClick={() => set(swap(conditioned, i, i - 1))} aria-label="上移分支">
                  ↑
                </Button>
                <Button size="small" type="text" disabled={i === conditioned.length - 1} onClick={() => set(swap(conditioned, i, i + 1))} aria-label="下移分支">
                  ↓
                </Button>
                <Button size="small" type="text" danger disabled={conditioned.length <= 1} onClick={() => set(conditioned.filter((_, k) => k !== i))}>
                  删除分支
                </Button>
              </Space>
            </Space>
            <Form.Item label="分支名称">
              <Input aria-label="分支名称" value={b.name} onChange={(e) => set(conditioned.map((x, k) => (k === i ? { ...x, name: e.target.value } : x)))} />
            </Form.Item>
            <Form.Item label="条件">
              <ConditionBuilder value={shown} onChange={(condition) => set(conditioned.map((x, k) => (k === i ? { ...x, condition } : x)))} facts={FLOW_FACTS} problems={compiled.ok ? [] : compiled.error} />
            </Form.Item>
          </div>
        );
      })}
      <Button onClick={() => set([...conditioned, { name: `分支 ${conditioned.length + 1}`, condition: { kind: 'group', op: 'and', children: [] }, steps: [] }])} data-testid="add-branch">
        添加条件分支
      </Button>
      {otherwise.map((b, i) => (
        <div className="zc-step-branch-edit" key={`o${i}`} style={{ marginTop: 10 }}>
          <Tag>其他情况</Tag>
          <Form.Item label="分支名称">
            <Input aria-label="其他情况分支名称" value={b.name} onChange={(e) => onChange({ ...step, branches: [...conditioned, { ...b, name: e.target.value }] })} />
          </Form.Item>
        </div>
      ))}
    </>
  );
}

export function ParallelBranchesEditor({ step, onChange }: { step: ParallelStep; onChange: (s: ParallelStep) => void }) {
  const set = (branches: ParallelBranch[]) => onChange({ ...step, branches });
  return (
    <>
      <Typography.Paragraph type="secondary">各分支同时办理，全部完成后继续；任一分支不予通过，整个流程即告结束。</Typography.Paragraph>
      {step.branches.map((b, i) => (
        <Space key={i} style={{ marginBottom: 8 }}>
          <Input aria-label="分支名称" value={b.name} onChange={(e) => set(step.branches.map((x, k) => (k === i ? { ...x, name: e.target.value } : x)))} />
          <Button danger disabled={step.branches.length <= 2} onClick={() => set(step.branches.filter((_, k) => k !== i))}>
            删除分支
          </Button>
        </Space>
      ))}
      <div>
        <Button onClick={() => set([...step.branches, { name: `分支 ${step.branches.length + 1}`, steps: [] }])} data-testid="add-branch">
          添加并行分支
        </Button>
      </div>
    </>
  );
}
