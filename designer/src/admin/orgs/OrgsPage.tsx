// 机构管理: the org tree on the left; the chosen org's fields on the right (rename, move, post counts, deactivate);
// a new org under the chosen one; import from the xlsx template. Every change is audited by the server.
import { Alert, App as AntApp, Button, Card, Col, Form, Input, Popconfirm, Row, Space, Tag, Tree, Typography } from 'antd';
import type { TreeDataNode as DataNode } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { api, ApiError, errorText, type ProblemDetail } from '../../api.js';
import type { Org, OrgNode } from '../../types/api.js';
import OrgForm, { cleanPosts, type OrgFormValues } from './OrgForm.js';
import OrgImport from './OrgImport.js';
import { ExportButton } from '../../common/ExportButton.js';
import { ORG_KIND_LABELS, useOrgTree } from './org-tree-data.js';

function nodes(tree: OrgNode[], filter: string): DataNode[] {
  return tree
    .map((n) => {
      const children = nodes(n.children, filter);
      const hit = !filter || n.name.includes(filter);
      if (!hit && children.length === 0) return null;
      return {
        key: n.id,
        title: (
          <span data-testid={`org-node-${n.name}`}>
            {n.name} <Typography.Text type="secondary">{ORG_KIND_LABELS[n.kind]}</Typography.Text>
            {n.deactivated && <Tag style={{ marginLeft: 6 }}>已停用</Tag>}
          </span>
        ),
        children,
      } satisfies DataNode;
    })
    .filter((n): n is NonNullable<typeof n> => n !== null) as DataNode[];
}

export default function OrgsPage() {
  const { message } = AntApp.useApp();
  const orgs = useOrgTree();
  const [selected, setSelected] = useState<string | null>(null);
  const [mode, setMode] = useState<'edit' | 'new'>('edit');
  const [filter, setFilter] = useState('');
  const [problems, setProblems] = useState<ProblemDetail[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<OrgFormValues>();
  const current = selected ? orgs.byId.get(selected) : undefined;
  const data = useMemo(() => nodes(orgs.tree, filter.trim()), [orgs.tree, filter]);

  useEffect(() => {
    setProblems(null);
    setError(null);
    form.resetFields();
    if (mode === 'new') form.setFieldsValue({ kind: 'unit', ...(current ? { parentId: current.id } : {}) });
    else if (current) form.setFieldsValue({ name: current.name, kind: current.kind, parentId: current.parentId, code: current.code, posts: current.posts });
  }, [current, mode, form]);

  const fail = (e: unknown) => {
    setError(errorText(e));
    setProblems(e instanceof ApiError ? e.details : null);
  };

  const save = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      const posts = cleanPosts(v.posts);
      if (mode === 'new') {
        const res = await api.post<{ org: Org }>('/api/admin/orgs', { name: v.name, kind: v.kind, parentId: v.parentId, ...(v.code ? { code: v.code } : {}), ...(posts ? { posts } : {}) });
        message.success(`已新建「${res.org.name}」`);
        await orgs.reload();
        setMode('edit');
        setSelected(res.org.id);
      } else if (current) {
        const change = { name: v.name, code: v.code ?? '', ...(v.parentId && v.parentId !== current.parentId ? { parentId: v.parentId } : {}), ...(posts ? { posts } : {}) };
        await api.put<{ org: Org }>(`/api/admin/orgs/${encodeURIComponent(current.id)}`, change);
        message.success('已保存');
        await orgs.reload();
      }
    } catch (e) {
      fail(e);
    } finally {
      setSaving(false);
    }
  };

  const setActive = async (active: boolean) => {
    if (!current) return;
    try {
      await api.post(`/api/admin/orgs/${encodeURIComponent(current.id)}/${active ? 'reactivate' : 'deactivate'}`, {});
      message.success(active ? '已重新启用' : '已停用');
      await orgs.reload();
    } catch (e) {
      fail(e);
    }
  };

  return (
    <Card title="机构管理" data-testid="orgs-page" extra={<Space><ExportButton href="/api/admin/orgs.xlsx" label="导出机构 Excel" /><OrgImport onImported={() => void orgs.reload()} /></Space>}>
      {orgs.error && <Alert type="error" showIcon message={orgs.error} />}
      <Row gutter={24}>
        <Col span={10}>
          <Input.Search placeholder="按名称查找机构" allowClear onChange={(e) => setFilter(e.target.value)} style={{ marginBottom: 8 }} />
          <div style={{ maxHeight: 640, overflow: 'auto' }}>
            {orgs.tree.length > 0 && (
              <Tree
                showLine
                blockNode
                defaultExpandedKeys={orgs.tree.map((n) => n.id)}
                {...(filter ? { expandedKeys: [...orgs.byId.keys()] } : {})}
                selectedKeys={selected ? [selected] : []}
                treeData={data}
                onSelect={(keys) => {
                  setMode('edit');
                  setSelected((keys[0] as string | undefined) ?? null);
                }}
              />
            )}
          </div>
        </Col>
        <Col span={14}>
          <Space style={{ marginBottom: 12 }}>
            <Button type={mode === 'new' ? 'primary' : 'default'} onClick={() => setMode('new')} data-testid="org-new">
              {current ? `在「${current.name}」下新建机构` : '新建机构'}
            </Button>
          </Space>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="org-error" />}
          {mode === 'edit' && !current ? (
            <Alert type="info" message="在左侧选择一个机构查看或修改；停用的机构保留历史，但不再供新的申报选择。" />
          ) : (
            <>
              {current?.deactivated && mode === 'edit' && <Alert type="warning" showIcon message={`已于 ${current.deactivated.at.slice(0, 10)} 停用${current.deactivated.reason ? `：${current.deactivated.reason}` : ''}`} style={{ marginBottom: 12 }} />}
              <OrgForm form={form} tree={orgs.tree} editing={mode === 'edit' ? current : undefined} problems={problems} />
              <Space>
                <Button type="primary" loading={saving} onClick={() => void save()} data-testid="org-save">
                  {mode === 'new' ? '新建' : '保存'}
                </Button>
                {mode === 'edit' && current && !current.deactivated && (
                  <Popconfirm title={`停用「${current.name}」？`} description="停用后保留历史记录，不再供新的申报选择。" okText="停用" cancelText="取消" onConfirm={() => void setActive(false)}>
                    <Button danger>停用</Button>
                  </Popconfirm>
                )}
                {mode === 'edit' && current?.deactivated && <Button onClick={() => void setActive(true)}>重新启用</Button>}
              </Space>
            </>
          )}
        </Col>
      </Row>
    </Card>
  );
}
