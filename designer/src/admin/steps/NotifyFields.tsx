// 发送通知: whom it tells (申报人, the offices that have handled the application so far, and/or the people of one
// role at one office) and with which words (a notification template, picked by its name). Nothing typed.
import { Checkbox, Form, Select, Switch } from 'antd';
import { api } from '../../api.js';
import { useLoad } from '../../common/useLoad.js';
import type { FlowCatalog } from '../../flows/catalog.js';
import type { NotifyStep } from '../../../../server/domain/workflow/steps/types.js';
import WhoFields from './WhoFields.js';

type To = NonNullable<NotifyStep['to']>[number];

const TO_OPTIONS: { value: To; label: string }[] = [
  { value: 'applicant', label: '申报人' },
  { value: 'handlers', label: '此前办理过该申报的各机构' },
];

/** the generic template every platform has; shown even before the catalog answers */
const GENERIC = { key: 'notify-flow', name: '流程通知' };

export default function NotifyFields({ step, flowKey, onChange }: { step: NotifyStep; flowKey: string | undefined; onChange: (s: NotifyStep) => void }) {
  const catalog = useLoad(() => (flowKey ? api.get<FlowCatalog>(`/api/workflows/${encodeURIComponent(flowKey)}/catalog`) : Promise.resolve(undefined)), [flowKey]);
  const listed = catalog.data?.notifyTemplates ?? [];
  const templates = listed.some((t) => t.key === GENERIC.key) ? listed : [GENERIC, ...listed];
  const extra = step.role !== undefined && step.scope !== undefined;
  // nothing chosen tells the applicant (the compiler's default), so the box shows that
  const to = step.to ?? (extra ? [] : ['applicant']);
  return (
    <>
      <Form.Item label="通知对象">
        <Checkbox.Group data-testid="step-notify-to" options={TO_OPTIONS} value={to} onChange={(v) => onChange({ ...step, to: v as To[] })} />
      </Form.Item>
      <Form.Item label="另通知某机构的某角色" tooltip="按每份申报所在的单位、主管部门、盟市等确定具体机构，通知其中担任该角色的人员">
        <Switch
          data-testid="step-notify-extra"
          checked={extra}
          checkedChildren="通知"
          unCheckedChildren="不通知"
          onChange={(on) => {
            const { role: _r, scope: _s, ...rest } = step;
            onChange(on ? { ...rest, role: 'competentReviewer', scope: 'competent' } : rest);
          }}
        />
      </Form.Item>
      {extra && <WhoFields what="通知" value={{ role: step.role!, scope: step.scope! }} onChange={(w) => onChange({ ...step, role: w.role, scope: w.scope })} />}
      <Form.Item label="通知内容" tooltip="通知模板在“模板”中编辑：第一行是标题，其余是正文">
        <Select
          data-testid="step-notify-template"
          value={step.template ?? GENERIC.key}
          options={templates.map((t) => ({ value: t.key, label: t.name }))}
          onChange={(template: string) => onChange({ ...step, template })}
        />
      </Form.Item>
    </>
  );
}
