// A role and where it holds, both chosen from lists: a committee for an expert, an org of fitting kinds otherwise.
import { Form, Select, TreeSelect } from 'antd';
import type { FormInstance } from 'antd';
import type { ProblemDetail } from '../../api.js';
import type { Committee, OrgNode } from '../../types/api.js';
import { fieldStatus } from '../problems-at.js';
import { treeOptions } from '../orgs/org-tree-data.js';
import { GRANTABLE_ROLES, roleInfo } from './role-scopes.js';

export default function RoleScopeFields({ form, tree, committees, problems, scopePointer }: { form: FormInstance; tree: OrgNode[]; committees: Committee[]; problems: ProblemDetail[] | null; scopePointer: string }) {
  const role = Form.useWatch('role', form) as string | undefined;
  const info = role ? roleInfo(role) : undefined;
  return (
    <>
      <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
        <Select data-testid="grant-role" options={GRANTABLE_ROLES.map((r) => ({ value: r.role, label: `${r.label}（${r.hint}）` }))} onChange={() => form.setFieldValue('orgId', undefined)} />
      </Form.Item>
      {info?.scope === 'committee' && (
        <Form.Item name="orgId" label="评委会" rules={[{ required: true, message: '请选择评委会' }]} {...fieldStatus(problems, scopePointer)}>
          <Select data-testid="grant-committee" showSearch optionFilterProp="label" options={committees.filter((c) => !c.deactivated).map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
      )}
      {info?.scope === 'org' && (
        <Form.Item name="orgId" label="任职机构" rules={[{ required: true, message: '请选择机构' }]} {...fieldStatus(problems, scopePointer)}>
          <TreeSelect data-testid="grant-org" showSearch treeNodeFilterProp="title" treeData={treeOptions(tree, (o) => !info.kinds || info.kinds.includes(o.kind))} />
        </Form.Item>
      )}
    </>
  );
}
