// 设计器: definitions by kind, and the editor of one (flows with bpmn-js, level forms and rules, templates, JSON kinds).
import { Alert, Button, Card, Form, Input, Modal, Result, Table, Tabs, Tag } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { api } from '../api.js';
import { useAuth } from '../common/auth.js';
import { KIND_LABELS } from '../common/labels.js';
import { href, navigate } from '../common/router.js';
import { useLoad } from '../common/useLoad.js';
import { Spin } from 'antd';
import type { DefinitionSummary } from '../types/api.js';
import LevelEditor from './LevelEditor.js';
import { JsonDefinitionEditor, TemplateEditor } from './OtherEditors.js';

// bpmn-js is the biggest part of the bundle: only the flow editor loads it
const FlowEditor = lazy(() => import('./FlowEditor.js'));

const KINDS = ['workflow', 'level', 'series', 'template', 'campaign', 'calendar', 'committees'] as const;

function DefinitionList({ kind }: { kind: string }) {
  const list = useLoad(() => api.get<{ items: DefinitionSummary[] }>(`/api/definitions?kind=${encodeURIComponent(kind)}`), [kind]);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<{ key: string }>();
  return (
    <>
      {list.error && <Alert type="error" showIcon message={list.error} style={{ marginBottom: 16 }} />}
      <Table<DefinitionSummary>
        rowKey="key"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: '暂无定义' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        title={() => (
          <Button type="primary" onClick={() => setCreating(true)}>
            新建{KIND_LABELS[kind]}
          </Button>
        )}
        columns={[
          // a flow by its name and owning department (a flow editor sees only its department's)
          kind === 'workflow'
            ? { title: '流程', dataIndex: 'key', render: (k: string, d) => <a href={href(`/designer/${kind}/${encodeURIComponent(k)}`)}>{d.name ?? k}</a> }
            : { title: '标识', dataIndex: 'key', render: (k: string) => <a href={href(`/designer/${kind}/${encodeURIComponent(k)}`)}>{k}</a> },
          ...(kind === 'workflow' ? [{ title: '负责部门', dataIndex: 'ownerName', render: (v?: string) => v ?? '（省级，未指定）' }] : []),
          { title: '最新发布版本', dataIndex: 'latestVersion', render: (v?: number | null) => (v ? <Tag color="blue">第 {v} 版</Tag> : <Tag>未发布</Tag>) },
          { title: '草稿', dataIndex: 'hasDraft', render: (d?: boolean) => (d ? <Tag color="orange">有草稿</Tag> : '—') },
          { title: '更新时间', dataIndex: 'updatedAt', render: (v?: string) => v?.slice(0, 16).replace('T', ' ') },
          { title: '操作', render: (_, d) => <a href={href(`/designer/${kind}/${encodeURIComponent(d.key)}`)}>编辑</a> },
        ]}
      />
      <Modal
        title={`新建${KIND_LABELS[kind]}`}
        open={creating}
        onCancel={() => setCreating(false)}
        onOk={() => void form.validateFields().then((v) => navigate(`/designer/${kind}/${encodeURIComponent(v.key)}`))}
        okText="创建并编辑"
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="key"
            label="标识（字母、数字、点、横线，如 gongcheng.gaoji）"
            rules={[{ required: true, message: '请输入标识' }, { pattern: /^[A-Za-z0-9_.-]+$/, message: '只能包含字母、数字、点、下划线和横线' }]}
          >
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

export default function DesignerArea({ kind, defKey }: { kind?: string; defKey?: string }) {
  const { hasRole } = useAuth();
  if (!hasRole('admin', 'flowEditor')) return <Result status="403" title="没有权限" subTitle="设计器仅供管理员和流程编辑人员使用" />;
  if (kind && defKey) {
    const back = (
      <a href={href(`/designer?kind=${kind}`)} style={{ display: 'inline-block', marginBottom: 12 }}>
        ← 返回{KIND_LABELS[kind] ?? kind}列表
      </a>
    );
    let editor;
    if (kind === 'workflow')
      editor = (
        <Suspense fallback={<Spin tip="正在加载流程设计器…"><div style={{ height: 200 }} /></Spin>}>
          <FlowEditor key={defKey} defKey={defKey} />
        </Suspense>
      );
    else if (kind === 'level') editor = <LevelEditor key={defKey} defKey={defKey} />;
    else if (kind === 'template') editor = <TemplateEditor key={defKey} defKey={defKey} />;
    else editor = <JsonDefinitionEditor key={`${kind}/${defKey}`} kind={kind} defKey={defKey} />;
    return (
      <div>
        {back}
        {editor}
      </div>
    );
  }
  const active = new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('kind') ?? 'workflow';
  const kinds = hasRole('admin') ? KINDS : (['workflow'] as const);
  return (
    <Card title="设计器">
      <Tabs
        activeKey={active}
        onChange={(k) => navigate(`/designer?kind=${k}`)}
        items={kinds.map((k) => ({ key: k, label: KIND_LABELS[k], children: active === k ? <DefinitionList kind={k} /> : null }))}
      />
    </Card>
  );
}
