// 账号与角色: staff accounts (searched by name or login; no ID numbers), new accounts, disable/enable,
// and each account's roles granted or revoked from lists with Chinese names.
import { Alert, App as AntApp, Button, Card, Drawer, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { api, ApiError, errorText, qs, type ProblemDetail } from '../../api.js';
import { useLoad } from '../../common/useLoad.js';
import { ExportButton } from '../../common/ExportButton.js';
import type { Committee, StaffAccount } from '../../types/api.js';
import { fieldStatus } from '../problems-at.js';
import { useOrgTree } from '../orgs/org-tree-data.js';
import RoleGrants from './RoleGrants.js';
import RoleScopeFields from './RoleScopeFields.js';
import { GRANTABLE_ROLES, roleInfo } from './role-scopes.js';

interface NewAccount {
  login: string;
  name: string;
  password: string;
  phone?: string;
  role: string;
  orgId: string;
}

export default function AccountsPage() {
  const { message } = AntApp.useApp();
  const [q, setQ] = useState('');
  const [role, setRole] = useState<string | undefined>();
  const accounts = useLoad(() => api.get<{ items: StaffAccount[]; total: number }>(`/api/admin/accounts?limit=200${q ? `&q=${encodeURIComponent(q)}` : ''}${role ? `&role=${role}` : ''}`), [q, role]);
  const committees = useLoad(() => api.get<{ items: Committee[] }>('/api/admin/committees'), []);
  const orgs = useOrgTree();
  const [rolesOf, setRolesOf] = useState<StaffAccount | null>(null);
  const [creating, setCreating] = useState(false);
  const [problems, setProblems] = useState<ProblemDetail[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<NewAccount>();

  const scopeName = (r: string, id: string) =>
    r === 'expert' ? (committees.data?.items.find((c) => c.id === id)?.name ?? id) : (orgs.byId.get(id)?.name ?? id);

  const create = async () => {
    const v = await form.validateFields();
    setError(null);
    setProblems(null);
    try {
      const res = await api.post<{ user: StaffAccount }>('/api/admin/users', { login: v.login, name: v.name, password: v.password, ...(v.phone ? { phone: v.phone } : {}), roles: [{ role: v.role, orgId: v.orgId }] });
      message.success(`已创建账号 ${res.user.login}`);
      setCreating(false);
      await accounts.reload();
      setRolesOf(res.user);
    } catch (e) {
      setError(errorText(e));
      setProblems(e instanceof ApiError ? e.details : null);
    }
  };

  const setDisabled = async (a: StaffAccount, disable: boolean) => {
    try {
      await api.post(`/api/admin/users/${encodeURIComponent(a.id)}/${disable ? 'disable' : 'enable'}`, disable ? { reason: '管理员停用' } : {});
      message.success(disable ? '已停用，该账号的会话已全部结束' : '已启用');
      await accounts.reload();
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <Card title="账号与角色" data-testid="accounts-page" extra={<Space><ExportButton href={`/api/admin/accounts.xlsx${qs({ q, role })}`} /><Button type="primary" onClick={() => (form.resetFields(), setCreating(true))}>新建工作人员账号</Button></Space>}>
      <Space style={{ marginBottom: 12 }} wrap>
        <Input.Search placeholder="姓名或登录名" allowClear onSearch={setQ} style={{ width: 240 }} data-testid="account-search" />
        <Select allowClear placeholder="按角色筛选" style={{ width: 220 }} value={role} onChange={setRole} options={GRANTABLE_ROLES.map((r) => ({ value: r.role, label: r.label }))} />
      </Space>
      {accounts.error && <Alert type="error" showIcon message={accounts.error} />}
      <Table<StaffAccount>
        rowKey="id"
        loading={accounts.loading}
        dataSource={accounts.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '登录名', dataIndex: 'login' },
          {
            title: '角色',
            render: (_, a) => (
              <Space wrap size={4}>
                {a.roles.slice(0, 4).map((r, i) => (
                  <Tag key={i}>{`${roleInfo(r.role)?.label ?? r.role} · ${scopeName(r.role, r.orgId)}`}</Tag>
                ))}
                {a.roles.length > 4 && <Tag>等 {a.roles.length} 个</Tag>}
              </Space>
            ),
          },
          { title: '状态', render: (_, a) => (a.disabled ? <Tag color="red">已停用</Tag> : <Tag color="green">正常</Tag>) },
          {
            title: '操作',
            render: (_, a) => (
              <Space>
                <a onClick={() => setRolesOf(a)} data-testid={`roles-${a.login}`}>角色</a>
                {a.disabled ? (
                  <a onClick={() => void setDisabled(a, false)}>启用</a>
                ) : (
                  <Popconfirm title={`停用账号「${a.name}」？`} description="停用后不能登录，已有会话全部结束。" okText="停用" cancelText="取消" onConfirm={() => void setDisabled(a, true)}>
                    <a>停用</a>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Drawer width={560} open={rolesOf !== null} title={rolesOf ? `「${rolesOf.name}」的角色` : ''} onClose={() => setRolesOf(null)} destroyOnHidden>
        {rolesOf && (
          <RoleGrants
            account={rolesOf}
            tree={orgs.tree}
            committees={committees.data?.items ?? []}
            scopeName={scopeName}
            onChanged={(a) => {
              setRolesOf(a);
              message.success('角色已更新');
              void accounts.reload();
            }}
          />
        )}
      </Drawer>
      <Modal title="新建工作人员账号" open={creating} onCancel={() => setCreating(false)} onOk={() => void create()} okText="创建" forceRender>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical">
          <Form.Item name="login" label="登录名（工作账号、手机号或邮箱）" rules={[{ required: true, message: '请填写登录名' }]} {...fieldStatus(problems, '/login')}>
            <Input maxLength={120} />
          </Form.Item>
          <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]} {...fieldStatus(problems, '/name')}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="password" label="初始密码" rules={[{ required: true, message: '请填写初始密码' }]} {...fieldStatus(problems, '/password')}>
            <Input.Password maxLength={200} autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="phone" label="手机号" {...fieldStatus(problems, '/phone')}>
            <Input maxLength={20} />
          </Form.Item>
          <RoleScopeFields form={form} tree={orgs.tree} committees={committees.data?.items ?? []} problems={problems} scopePointer="/roles/0/orgId" />
        </Form>
      </Modal>
    </Card>
  );
}
