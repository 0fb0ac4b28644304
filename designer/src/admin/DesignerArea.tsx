// 设计器: definitions by kind, and the editor of one (flows with bpmn-js, level forms and rules, templates, JSON kinds).
import { Alert, Button, Card, Result, Space, Table, Tabs, Tag, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { api } from '../api.js';
import { useAuth } from '../common/auth.js';
import { KIND_LABELS } from '../common/labels.js';
import { href, navigate } from '../common/router.js';
import { useLoad } from '../common/useLoad.js';
import { Spin } from 'antd';
import type { DefinitionSummary } from '../types/api.js';
import CalendarEditor from './calendar/CalendarEditor.js';
import CampaignEditor from './campaign/CampaignEditor.js';
import LevelEditor from './LevelEditor.js';
import PolicyEditor from './policy/PolicyEditor.js';
import ImpactPreview from './impact/ImpactPreview.js';
import SeriesEditor from './series/SeriesEditor.js';
import NewDefinitionModal from './wizard/NewDefinitionModal.js';
import SeriesWizard from './wizard/SeriesWizard.js';
import { JsonDefinitionEditor } from './OtherEditors.js';
import { TemplateEditor } from './templates/TemplateEditor.js';

// bpmn-js is the biggest part of the bundle: only the flow editor loads it
const FlowEditor = lazy(() => import('./FlowEditor.js'));

const KINDS = ['workflow', 'level', 'series', 'policy', 'template', 'campaign', 'calendar', 'committees'] as const;

function DefinitionList({ kind }: { kind: string }) {
  const list = useLoad(() => api.get<{ items: DefinitionSummary[] }>(`/api/definitions?kind=${encodeURIComponent(kind)}`), [kind]);
  const [creating, setCreating] = useState(false);
  return (
    <>
      {list.error && <Alert type="error" showIcon message={list.error} style={{ marginBottom: 16 }} />}
      {kind === 'committees' && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message={<>逐个新建、修改或停用评委会，请在 <a href={href('/admin/committees')}>评委会管理</a> 中操作（每次保存都发布评委会名单的新版本）。</>} />
      )}
      <Table<DefinitionSummary>
        rowKey="key"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: '暂无定义' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        title={() => (
          <Space>
            {kind === 'series' && (
              <Button type="primary" onClick={() => navigate('/designer/wizard/series')} data-testid="open-series-wizard">
                新建系列（向导）
              </Button>
            )}
            <Button type={kind === 'series' ? 'default' : 'primary'} onClick={() => setCreating(true)} data-testid="new-definition-button">
              新建{KIND_LABELS[kind]}
            </Button>
          </Space>
        )}
        columns={[
          // a flow by its name and owning department (a flow editor sees only its department's)
          kind === 'workflow'
            ? { title: '流程', dataIndex: 'key', render: (k: string, d) => <a href={href(`/designer/${kind}/${encodeURIComponent(k)}`)}>{d.name ?? k}</a> }
            : {
                // by its Chinese name; the key, for the programmers who need it, in grey beside it
                title: '名称',
                dataIndex: 'key',
                render: (k: string, d) => (
                  <Space>
                    <a href={href(`/designer/${kind}/${encodeURIComponent(k)}`)}>{d.name ?? k}</a>
                    {d.name && <Typography.Text type="secondary">{k}</Typography.Text>}
                  </Space>
                ),
              },
          ...(kind === 'workflow' ? [{ title: '负责部门', dataIndex: 'ownerName', render: (v?: string) => v ?? '（省级，未指定）' }] : []),
          { title: '最新发布版本', dataIndex: 'latestVersion', render: (v?: number | null) => (v ? <Tag color="blue">第 {v} 版</Tag> : <Tag>未发布</Tag>) },
          { title: '草稿', dataIndex: 'hasDraft', render: (d?: boolean) => (d ? <Tag color="orange">有草稿</Tag> : '—') },
          { title: '更新时间', dataIndex: 'updatedAt', render: (v?: string) => v?.slice(0, 16).replace('T', ' ') },
          { title: '操作', render: (_, d) => <a href={href(`/designer/${kind}/${encodeURIComponent(d.key)}`)}>编辑</a> },
        ]}
      />
      {creating && <NewDefinitionModal kind={kind} open onClose={() => setCreating(false)} existing={list.data?.items ?? []} />}
    </>
  );
}

export default function DesignerArea({ kind, defKey }: { kind?: string; defKey?: string }) {
  const { hasRole } = useAuth();
  if (!hasRole('admin', 'flowEditor')) return <Result status="403" title="没有权限" subTitle="设计器仅供管理员和流程编辑人员使用" />;
  if (kind === 'wizard' && defKey === 'series' && hasRole('admin'))
    return (
      <div>
        <a href={href('/designer?kind=series')} style={{ display: 'inline-block', marginBottom: 12 }}>
          ← 返回{KIND_LABELS.series}列表
        </a>
        <SeriesWizard />
      </div>
    );
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
    else if (kind === 'policy')
      editor = <PolicyEditor key={defKey} defKey={defKey} impactPreview={(d) => <ImpactPreview kind="policy" defKey={d.key} getBody={() => d.body} embedded />} />;
    else if (kind === 'template') editor = <TemplateEditor key={defKey} defKey={defKey} />;
    else if (kind === 'series') editor = <SeriesEditor key={defKey} defKey={defKey} />;
    else if (kind === 'campaign') editor = <CampaignEditor key={defKey} defKey={defKey} />;
    else if (kind === 'calendar') editor = <CalendarEditor key={defKey} defKey={defKey} />;
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
