// 我的申报: the applicant's own applications.
import { Alert, Button, Card, Table, Tag } from 'antd';
import { api } from '../api.js';
import { label, STATUS_LABELS } from '../common/labels.js';
import { levelTitle, seriesName } from '../common/level-name.js';
import { href } from '../common/router.js';
import { useLoad } from '../common/useLoad.js';
import type { Application, SeriesItem } from '../types/api.js';

export default function MyApplications() {
  const list = useLoad(() => api.get<{ total: number; items: Application[] }>('/api/applications'), []);
  const series = useLoad(() => api.get<{ items: SeriesItem[] }>('/api/series'), []);
  return (
    <Card title="我的申报" extra={<Button href={href('/')}>新建申报</Button>}>
      {list.error && <Alert type="error" showIcon message={list.error} style={{ marginBottom: 16 }} />}
      <Table<Application>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{ total: list.data?.total, pageSize: 20, showTotal: (t) => `共 ${t} 项` }}
        columns={[
          { title: '年度', dataIndex: 'campaignId' },
          { title: '申报层级', render: (_, a) => `${seriesName(series.data?.items, a.seriesKey)} · ${levelTitle(series.data?.items, a.levelKey)}` },
          { title: '状态', dataIndex: 'status', render: (s: string) => <Tag>{label(STATUS_LABELS, s)}</Tag> },
          { title: '创建时间', dataIndex: 'createdAt', render: (v?: string) => v?.slice(0, 16).replace('T', ' ') },
          {
            title: '操作',
            render: (_, a) => (
              <a href={href(`/apply/${a.id}${a.status && a.status !== 'draft' ? '?step=progress' : ''}`)}>{a.status && a.status !== 'draft' ? '查看进度' : '继续填写'}</a>
            ),
          },
        ]}
      />
    </Card>
  );
}
