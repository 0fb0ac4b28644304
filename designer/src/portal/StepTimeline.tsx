// The steps of an application's flow as a list people read first: step, who handles it, when, and
// until when the open step runs.
import { Tag, Timeline, Typography } from 'antd';
import type { TimelineStep } from '../../../server/domain/workflow/progress-timeline.js';
import { beijingDeadline, beijingTime } from '../common/beijing-time.js';

export type { TimelineStep };

function StepText({ step }: { step: TimelineStep }) {
  const done = step.state === 'done';
  return (
    <div className="zc-step" data-testid={done ? 'step-done' : 'step-current'}>
      <div>
        <Typography.Text strong>{step.name}</Typography.Text>{' '}
        {done ? <Tag color="green">✓ 已完成</Tag> : <Tag color="gold">当前环节</Tag>}
      </div>
      {step.handler && <div className="zc-step-meta">办理：{step.handler}</div>}
      <div className="zc-step-meta">
        {done && step.leftAt && step.leftAt !== step.enteredAt ? `${beijingTime(step.enteredAt)} 至 ${beijingTime(step.leftAt)}` : `${beijingTime(step.enteredAt)}${done ? '' : ' 起'}`}
      </div>
      {!done && step.dueAt && <div className="zc-step-due">办理期限：{beijingDeadline(step.dueAt)} 前</div>}
    </div>
  );
}

export default function StepTimeline({ steps }: { steps: TimelineStep[] }) {
  if (steps.length === 0) return <Typography.Text type="secondary">暂无办理记录</Typography.Text>;
  return (
    <Timeline
      items={steps.map((s, i) => ({
        key: `${s.elementId}-${i}`,
        color: s.state === 'done' ? 'green' : 'gold',
        content: <StepText step={s} />,
      }))}
    />
  );
}
