// 抄送我的: applications copied to this person for information, unread first to notice; 标为已读 per row.
import { Alert, App as AntApp, Badge, Space, Table, Typography } from 'antd';
import { api, errorText } from '../api.js';
import { beijingTime } from '../common/beijing-time.js';
import { STATUS_LABELS } from '../common/labels.js';
import { levelTitle, seriesName } from '../common/level-name.js';
import { useLoad } from '../common/useLoad.js';
import type { CampaignItem, SeriesItem } from '../types/api.js';
import ListFilters from './ListFilters.js';
import { goTo, listUrl, type ListQuery } from './list-query.js';

interface CopyRow {
  applicationId: string;
  id: string;
  taskName: string;
  byName: string;
  at: string;
  note?: string;
  readAt?: string;
  seriesKey: string;
  levelKey: string;
  applicantName: string;
  status: string;
}

export default function CopiesList({ q, series, campaigns, onChanged }: { q: ListQuery; series: SeriesItem[]; campaigns: CampaignItem[]; onChanged: () => void }) {
  const { message } = AntApp.useApp();
  const { campaignId, seriesKey, levelKey, applicantName, unreadOnly } = q.filters;
  const filters = { campaignId, seriesKey, levelKey, applicantName, unreadOnly };
  const copies = useLoad(() => api.get<{ total: number; items: CopyRow[] }>(listUrl('/api/tasks/copies', { ...q, filters })), [JSON.stringify(filters), q.page, q.pageSize]);
  const markRead = async (c: CopyRow) => {
    try {
      await api.post(`/api/tasks/copies/${encodeURIComponent(c.applicationId)}/${encodeURIComponent(c.id)}/read`, {});
      await copies.reload();
      onChanged();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <ListFilters q={q} series={series} campaigns={campaigns} steps={[]} />
      {copies.error && <Alert type="error" showIcon message={copies.error} />}
      <Table<CopyRow>
        rowKey={(r) => `${r.applicationId}/${r.id}`}
        size="middle"
        loading={copies.loading}
        dataSource={copies.data?.items ?? []}
        locale={{ emptyText: '暂无抄送' }}
        pagination={{ current: q.page, pageSize: q.pageSize, total: copies.data?.total ?? 0, showTotal: (t) => `共 ${t} 件`, onChange: (page, pageSize) => goTo(q, { page, pageSize }) }}
        columns={[
          { title: '', width: 24, render: (_, r) => (r.readAt ? null : <Badge status="processing" aria-label="未读" />) },
          { title: '申报人', dataIndex: 'applicantName' },
          { title: '职称系列', render: (_, r) => seriesName(series, r.seriesKey) },
          { title: '申报职称', render: (_, r) => levelTitle(series, r.levelKey) },
          { title: '抄送环节', dataIndex: 'taskName' },
          { title: '抄送人', dataIndex: 'byName' },
          { title: '附言', dataIndex: 'note', render: (n?: string) => <Typography.Text ellipsis={{ tooltip: n }} style={{ maxWidth: 220 }}>{n ?? '—'}</Typography.Text> },
          { title: '抄送时间', dataIndex: 'at', render: (d: string) => beijingTime(d) },
          { title: '当前状态', dataIndex: 'status', render: (s: string) => STATUS_LABELS[s] ?? '—' },
          { title: '操作', render: (_, r) => (r.readAt ? <Typography.Text type="secondary">已读</Typography.Text> : <a onClick={() => void markRead(r)}>标为已读</a>) },
        ]}
      />
    </Space>
  );
}
