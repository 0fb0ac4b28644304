// The drawer that edits one step: its name and what its kind needs, every choice a dropdown, a switch or a
// number (nothing typed as code). Changes apply as they are made; 完成 closes the drawer.
import { Button, Drawer, Form, Input, Popconfirm, Space, Tag } from 'antd';
import { STEP_TYPE_LABELS } from '../../../../server/domain/workflow/steps/labels.js';
import type { Step } from '../../../../server/domain/workflow/steps/types.js';
import { ConditionBranchesEditor, ParallelBranchesEditor } from './BranchesEditor.js';
import ExpertReviewFields from './ExpertReviewFields.js';
import NotifyFields from './NotifyFields.js';
import { PublicityFields, RosterFields } from './PublicityFields.js';
import { FilingFields, ReviewFields, SendFields } from './ReviewFields.js';

function TypeFields({ step, flowKey, onChange }: { step: Step; flowKey: string | undefined; onChange: (s: Step) => void }) {
  switch (step.type) {
    case 'review':
      return <ReviewFields step={step} onChange={onChange} />;
    case 'send':
      return <SendFields step={step} onChange={onChange} />;
    case 'filing':
      return <FilingFields step={step} onChange={onChange} />;
    case 'publicity':
    case 'resultPublicity':
      return <PublicityFields step={step} onChange={onChange} />;
    case 'roster':
      return <RosterFields step={step} onChange={onChange} />;
    case 'expertReview':
      return <ExpertReviewFields step={step} onChange={onChange} />;
    case 'condition':
      return <ConditionBranchesEditor step={step} onChange={onChange} />;
    case 'parallel':
      return <ParallelBranchesEditor step={step} onChange={onChange} />;
    case 'notify':
      return <NotifyFields step={step} flowKey={flowKey} onChange={onChange} />;
    case 'certificate':
    case 'pass':
      return null;
  }
}

export interface StepDrawerProps {
  step: Step | undefined;
  problems: string[];
  readOnly: boolean;
  onChange: (s: Step) => void;
  onRemove: () => void;
  onClose: () => void;
  /** the flow's key: 发送通知 lists the notification templates from its catalog */
  flowKey?: string;
}

export default function StepDrawer({ step, problems, readOnly, onChange, onRemove, onClose, flowKey }: StepDrawerProps) {
  return (
    <Drawer
      open={step !== undefined}
      onClose={onClose}
      size={step?.type === 'condition' ? 'large' : 'default'}
      className="zc-step-drawer"
      data-testid="step-drawer"
      title={step && <Space><Tag color="blue">{STEP_TYPE_LABELS[step.type]}</Tag>编辑步骤</Space>}
      extra={
        <Space>
          {!readOnly && (
            <Popconfirm title="删除此步骤？" okText="删除" cancelText="取消" onConfirm={onRemove}>
              <Button danger>删除步骤</Button>
            </Popconfirm>
          )}
          <Button type="primary" onClick={onClose} data-testid="step-drawer-done">
            完成
          </Button>
        </Space>
      }
    >
      {step && (
        <Form layout="vertical" disabled={readOnly}>
          {problems.length > 0 && (
            <ul className="zc-step-problems" data-testid="step-drawer-problems">
              {problems.map((m, i) => (
                <li key={i}>{m}</li>
              ))}
            </ul>
          )}
          <Form.Item label="步骤名称" required>
            <Input aria-label="步骤名称" data-testid="step-name-input" value={step.name} onChange={(e) => onChange({ ...step, name: e.target.value })} maxLength={200} />
          </Form.Item>
          <TypeFields step={step} flowKey={flowKey} onChange={onChange} />
        </Form>
      )}
    </Drawer>
  );
}
