// 公示 / 结果公示 / 花名册公示: how many working days, whether the first day counts, and (公示) who registers
// and investigates complaints.
import { Checkbox, Form, InputNumber, Switch } from 'antd';
import type { PublicityStep, RosterStep } from '../../../../server/domain/workflow/steps/types.js';
import WhoFields from './WhoFields.js';

function Days<S extends PublicityStep | RosterStep>({ step, onChange }: { step: S; onChange: (s: S) => void }) {
  return (
    <>
      <Form.Item label="公示期" tooltip="按节假日日历计算工作日（含调休上班日）">
        <InputNumber data-testid="step-days" min={1} max={60} value={step.days} onChange={(v) => onChange({ ...step, days: v ?? 5 })} addonAfter="个工作日" />
      </Form.Item>
      <Form.Item>
        <Checkbox checked={step.countStartDay === true} onChange={(e) => onChange({ ...step, countStartDay: e.target.checked })}>
          公示当天计入公示期
        </Checkbox>
      </Form.Item>
    </>
  );
}

export function PublicityFields({ step, onChange }: { step: PublicityStep; onChange: (s: PublicityStep) => void }) {
  return (
    <>
      <Days step={step} onChange={onChange} />
      <Form.Item label="受理投诉" tooltip="公示期间收到投诉即中止公示，转入核查；属实的不予通过">
        <Switch
          data-testid="step-complaints"
          checked={step.complaints !== undefined}
          checkedChildren="受理"
          unCheckedChildren="不受理"
          onChange={(on) => {
            const { complaints: _, ...rest } = step;
            onChange(on ? { ...rest, complaints: { role: 'committeeClerk', scope: 'committeeOffice' } } : rest);
          }}
        />
      </Form.Item>
      {step.complaints && <WhoFields what="投诉核查" value={step.complaints} onChange={(complaints) => onChange({ ...step, complaints })} />}
    </>
  );
}

export const RosterFields = ({ step, onChange }: { step: RosterStep; onChange: (s: RosterStep) => void }) => <Days step={step} onChange={onChange} />;
