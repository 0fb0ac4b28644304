// 已办: what this person decided, newest first — the step, the conclusion, the opinion, where the application
// stands now — with the flow's progress one click away, and the list as Excel.
import { Alert, Drawer, Space, Spin, Table, Tag, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { api, qs } from '../api.js';
import { ExportButton } from '../common/ExportButton.js';
import { beijingTime } from '../common/beijing-time.js';
import { DECISION_LABELS, STATUS_LABELS } from '../common/labels.js';
import { levelTitle, seriesName } from '../common/level-name.js';
import { useLoad } from '../common/useLoad.js';
import type { CampaignItem, SeriesItem } from '../types/api.js';
import ListFilters from './ListFilters.js';
import { WithdrawDecision } from './TaskOperations.js';
import { goTo, listUrl, type ListQuery } from './list-query.js';
import { stepOptions } from './step-names.js';

const ProgressView = lazy(() => import('../portal/ProgressView.js'));

export interface DoneRow {
  applicationId: string;
  taskId: string;
  elementId: string;
  name: string;
  decision?: string;
  opinion?: string;
  at: string;
  seriesKey: string;
  levelKey: string;
  applicantName: string;
  status: string;
}

export default function DoneList({ q, series, campaigns }: { q: ListQuery; series: SeriesItem[]; campaigns: CampaignItem[] }) {
  const { campaignId, seriesKey, levelKey, elementId, applicantName } = q.filters;
  const filters = { campaignId, seriesKey, levelKey, elementId, applicantName };
  const done = useLoad(() => api.get<{ total: number; items: DoneRow[] }>(listUrl('/api/tasks/done', { ...q, filters })), [JSON.stringify(filters), q.page, q.pageSize]);
  const [progressOf, setProgressOf] = useState<DoneRow | null>(null);
  const rows = done.data?.items ?? [];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <ListFilters q={q} series={series} campaigns={campaigns} steps={stepOptions(rows, elementId)} />
      <ExportButton href={`/api/tasks/done/export.xlsx${qs(filters)}`} label="导出已办" />
      {done.error && <Alert type="error" showIcon message={done.error} />}
      <Table<DoneRow>
        rowKey={(r) => `${r.applicationId}/${r.taskId}`}
        size="middle"
        loading={done.loading}
        dataSource={rows}
        locale={{ emptyText: '暂无已办事项' }}
        pagination={{ current: q.page, pageSize: q.pageSize, total: done.data?.total ?? 0, showTotal: (t) => `共 ${t} 件`, onChange: (page, pageSize) => goTo(q, { page, pageSize }) }}
        columns={[
          { title: '申报人', dataIndex: 'applicantName' },
          { title: '职称系列', render: (_, r) => seriesName(series, r.seriesKey) },
          { title: '申报职称', render: (_, r) => levelTitle(series, r.levelKey) },
          { title: '办理环节', dataIndex: 'name' },
          {
            title: '结论',
            dataIndex: 'decision',
            render: (d?: string) => (d ? <Tag color={d === 'approve' ? 'green' : d === 'reject' ? 'red' : 'orange'}>{DECISION_LABELS[d] ?? '已办理'}</Tag> : '已办理'),
          },
          { title: '审核意见', dataIndex: 'opinion', render: (o?: string) => <Typography.Text ellipsis={{ tooltip: o }} style={{ maxWidth: 240 }}>{o ?? '—'}</Typography.Text> },
          { title: '办理时间', dataIndex: 'at', render: (d: string) => beijingTime(d) },
          { title: '当前状态', dataIndex: 'status', render: (s: string) => STATUS_LABELS[s] ?? '—' },
          {
            title: '操作',
            render: (_, r) => (
              <Space size="small">
                <a onClick={() => setProgressOf(r)}>查看进度</a>
                <WithdrawDecision applicationId={r.applicationId} taskId={r.taskId} onDone={() => void done.reload()} />
              </Space>
            ),
          },
        ]}
      />
      <Drawer title={progressOf ? `${progressOf.applicantName} · 办理进度` : ''} width={900} open={progressOf !== null} onClose={() => setProgressOf(null)} destroyOnHidden>
        {progressOf && (
          <Suspense fallback={<Spin />}>
            <ProgressView applicationId={progressOf.applicationId} />
          </Suspense>
        )}
      </Drawer>
    </Space>
  );
}
