// One account's roles: each with where it holds (an org or a committee), revoke; grant one more, chosen from lists.
import { Alert, Button, Form, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError, errorText, type ProblemDetail } from '../../api.js';
import type { Committee, OrgNode, StaffAccount } from '../../types/api.js';
import RoleScopeFields from './RoleScopeFields.js';
import { roleInfo, type GrantableRole } from './role-scopes.js';

export default function RoleGrants({ account, tree, committees, scopeName, onChanged }: { account: StaffAccount; tree: OrgNode[]; committees: Committee[]; scopeName: (role: string, id: string) => string; onChanged: (a: StaffAccount) => void }) {
  const [form] = Form.useForm<{ role: GrantableRole; orgId: string }>();
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<ProblemDetail[] | null>(null);
  const call = async (path: string, body: { role: string; orgId: string }) => {
    setError(null);
    setProblems(null);
    try {
      const res = await api.post<{ user: StaffAccount }>(`/api/admin/accounts/${encodeURIComponent(account.id)}/${path}`, body);
      onChanged(res.user);
      if (path === 'roles') form.resetFields();
    } catch (e) {
      setError(errorText(e));
      setProblems(e instanceof ApiError ? e.details : null);
    }
  };
  return (
    <div data-testid="role-grants">
      <Typography.Paragraph type="secondary">角色变更从该用户的下一次操作起生效，无需重新登录。</Typography.Paragraph>
      <List
        bordered
        size="small"
        dataSource={account.roles}
        locale={{ emptyText: '暂无角色' }}
        renderItem={(r) => (
          <List.Item
            actions={[
              <Popconfirm key="revoke" title="撤销此角色？" okText="撤销" cancelText="取消" onConfirm={() => void call('roles/revoke', r)}>
                <a>撤销</a>
              </Popconfirm>,
            ]}
          >
            <Space>
              <Tag color="blue">{roleInfo(r.role)?.label ?? r.role}</Tag>
              {scopeName(r.role, r.orgId)}
            </Space>
          </List.Item>
        )}
      />
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} />}
      <Form form={form} layout="vertical" style={{ marginTop: 16 }} onFinish={(v) => void call('roles', v)}>
        <RoleScopeFields form={form} tree={tree} committees={committees} problems={problems} scopePointer="/orgId" />
        <Button type="primary" htmlType="submit" data-testid="grant-submit">
          授予
        </Button>
      </Form>
    </div>
  );
}
