// Who does a step: the office (an org scope of the application: its unit, competent department …) and the
// people there (a role), both picked from lists in Chinese. Picking an office proposes its usual role.
import { Form, Select } from 'antd';
import { STEP_ROLES, STEP_SCOPES } from '../../../../server/domain/workflow/steps/labels.js';

export interface Who {
  role: string;
  scope: string;
}

export default function WhoFields({ value, onChange, what = '办理' }: { value: Who; onChange: (w: Who) => void; what?: string }) {
  return (
    <>
      <Form.Item label={`${what}机构`} tooltip="按每份申报所在的单位、主管部门、盟市等自动确定具体机构">
        <Select
          data-testid="step-scope"
          value={value.scope}
          options={STEP_SCOPES.map((s) => ({ value: s.value, label: s.label }))}
          onChange={(scope: string) => {
            const usual = STEP_SCOPES.find((s) => s.value === scope)?.role;
            onChange({ scope, role: usual ?? value.role });
          }}
        />
      </Form.Item>
      <Form.Item label={`${what}人员（角色）`}>
        <Select data-testid="step-role" value={value.role} options={STEP_ROLES.map((r) => ({ value: r.value, label: r.label }))} onChange={(role: string) => onChange({ ...value, role })} />
      </Form.Item>
    </>
  );
}
