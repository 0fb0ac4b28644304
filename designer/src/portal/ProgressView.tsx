// 审核进度 (applicant) and 流程进度 (reviewer): the steps so far as a list (step, who, when, deadline),
// then the flow at a readable size with the current step scrolled into the middle.
import { Alert, Spin, Tag, Typography } from 'antd';
import { api } from '../api.js';
import { useLoad } from '../common/useLoad.js';
import ProgressDiagram from '../flows/ProgressDiagram.js';
import type { VoteProgress } from '../../../server/domain/workflow/vote-progress.js';
import StepTimeline, { type TimelineStep } from './StepTimeline.js';
import './progress.css';

interface WorkflowProgress {
  xml: string | null;
  active: string[];
  finished: string[];
  timeline?: TimelineStep[];
  /** open votes as counts: sent to the committee office only (secret ballot) */
  votes?: VoteProgress[];
}

export default function ProgressView({ applicationId }: { applicationId: string }) {
  const wf = useLoad(() => api.get<WorkflowProgress>(`/api/applications/${applicationId}/workflow`), [applicationId]);
  if (wf.loading) return <Spin />;
  if (wf.error || !wf.data) return <Alert type="info" showIcon message={wf.error ?? '暂无流程信息'} />;
  if (!wf.data.xml) return <Alert type="info" showIcon message="申报提交后即可在此查看审核流程" />;
  const steps = wf.data.timeline ?? [];
  return (
    <div className="zc-progress" data-testid="progress-view">
      <div className="zc-progress-layout">
        <section className="zc-progress-steps" aria-label="办理进度" data-testid="step-timeline">
          <Typography.Title level={5}>办理进度</Typography.Title>
          {(wf.data.votes ?? []).map((v) => (
            <Alert key={v.elementId} type="info" showIcon data-testid="vote-progress" message={`${v.name}：${v.label}`} style={{ marginBottom: 8 }} />
          ))}
          <StepTimeline steps={steps} />
        </section>
        <section className="zc-progress-flow" aria-label="审核流程图">
          <div className="zc-progress-legend">
            <Typography.Title level={5} style={{ margin: 0 }}>
              审核流程图
            </Typography.Title>
            <Tag color="green">✓ 已办结环节</Tag>
            <Tag color="gold">当前环节</Tag>
          </div>
          <ProgressDiagram xml={wf.data.xml} active={wf.data.active} finished={wf.data.finished} fallbackFocus={steps.at(-1)?.elementId} />
        </section>
      </div>
    </div>
  );
}
