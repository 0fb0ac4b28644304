// 审核 / 送交 / 核准备案: who, and for 审核 the conclusions it may reach (同意 always), the 一次告知 correction
// deadline, an optional 办理期限 and the opinion form.
import { Checkbox, Form, InputNumber, Select, Switch } from 'antd';
import { DEFAULT_CORRECTION_DAYS } from '../../../../server/domain/workflow/steps/defaults.js';
import { CONCLUSION_LABELS, REVIEW_FORMS } from '../../../../server/domain/workflow/steps/labels.js';
import type { Conclusion, FilingStep, ReviewStep, SendStep } from '../../../../server/domain/workflow/steps/types.js';
import TaskOperationFields from './TaskOperationFields.js';
import WhoFields from './WhoFields.js';

const ORDER: Conclusion[] = ['approve', 'return', 'reject'];

export function ReviewFields({ step, onChange }: { step: ReviewStep; onChange: (s: ReviewStep) => void }) {
  const returns = step.conclusions.includes('return');
  return (
    <>
      <WhoFields value={step} onChange={(w) => onChange({ ...step, ...w })} />
      <Form.Item label="审核结论" tooltip="“同意”总是可选；退回补正为一次性告知，申报人限期补正一次">
        <Checkbox.Group
          data-testid="step-conclusions"
          value={step.conclusions}
          options={ORDER.map((c) => ({ value: c, label: CONCLUSION_LABELS[c], disabled: c === 'approve' }))}
          onChange={(v) => onChange({ ...step, conclusions: ORDER.filter((c) => c === 'approve' || (v as Conclusion[]).includes(c)) })}
        />
      </Form.Item>
      {returns && (
        <Form.Item label="补正期限（工作日）" tooltip="逾期未补正的，视为放弃申报">
          <InputNumber data-testid="step-correction-days" min={1} max={60} value={step.correctionDays ?? DEFAULT_CORRECTION_DAYS} onChange={(v) => onChange({ ...step, correctionDays: v ?? DEFAULT_CORRECTION_DAYS })} addonAfter="个工作日" />
        </Form.Item>
      )}
      <Form.Item label="办理期限" tooltip="逾期未办理的，向办理机构督办并重新计时">
        <Switch
          checked={step.dueDays !== undefined}
          checkedChildren="有"
          unCheckedChildren="无"
          onChange={(on) => {
            const { dueDays: _, ...rest } = step;
            onChange(on ? { ...rest, dueDays: 10 } : rest);
          }}
        />
        {step.dueDays !== undefined && (
          <InputNumber data-testid="step-due-days" style={{ marginLeft: 12 }} min={1} max={60} value={step.dueDays} onChange={(v) => onChange({ ...step, dueDays: v ?? 10 })} addonAfter="个工作日" />
        )}
      </Form.Item>
      <Form.Item label="审核意见表">
        <Select value={step.form ?? 'review'} options={REVIEW_FORMS.map((f) => ({ value: f.value, label: f.label }))} onChange={(form: string) => {
            const { form: _, ...rest } = step;
            onChange(form === 'review' ? rest : { ...rest, form });
          }} />
      </Form.Item>
      <TaskOperationFields step={step} onChange={onChange} />
    </>
  );
}

export function SendFields({ step, onChange }: { step: SendStep; onChange: (s: SendStep) => void }) {
  return (
    <>
      <WhoFields value={step} onChange={(w) => onChange({ ...step, ...w })} />
      <Form.Item>
        <Checkbox checked={step.classify === true} onChange={(e) => onChange({ ...step, classify: e.target.checked })}>
          按评委会分类送交
        </Checkbox>
      </Form.Item>
      <TaskOperationFields step={step} onChange={onChange} />
    </>
  );
}

export function FilingFields({ step, onChange }: { step: FilingStep; onChange: (s: FilingStep) => void }) {
  return <WhoFields value={step} onChange={(w) => onChange({ ...step, ...w })} />;
}
