// 我的申报: the applicant's own applications — status and next step in words, the actions that fit; a table on a
// wide screen, cards on a phone (so the actions are never off-screen).
import { Alert, Button, Card, Grid, List, Space, Table, Tag, Typography } from 'antd';
import { api } from '../api.js';
import { beijingTime } from '../common/beijing-time.js';
import { levelTitle, seriesName } from '../common/level-name.js';
import { href } from '../common/router.js';
import { useLoad } from '../common/useLoad.js';
import type { SeriesItem } from '../types/api.js';
import { actionsFor, statusWords, type MyApplication } from './status-words.js';

const TONE_COLOR = { default: 'default', processing: 'processing', warning: 'warning', success: 'success', error: 'error' } as const;

function Status({ a }: { a: MyApplication }) {
  const w = statusWords(a);
  return (
    <Space direction="vertical" size={2}>
      <Tag color={TONE_COLOR[w.tone]}>{w.state}</Tag>
      {w.next && (
        <Typography.Text type={w.tone === 'warning' ? 'warning' : 'secondary'} data-testid="status-next">
          {w.next}
        </Typography.Text>
      )}
    </Space>
  );
}

function Actions({ a }: { a: MyApplication }) {
  return (
    <Space wrap>
      {actionsFor(a).map((x) => (
        <Button key={x.label} href={href(x.href)} type={x.primary ? 'primary' : 'default'} size="small" danger={x.label === '去补正'} data-testid="app-action">
          {x.label}
        </Button>
      ))}
      {a.status === 'certified' && (
        <Button href={href(`/certificate/${a.id}`)} size="small" type="primary" ghost data-testid="app-certificate">
          查看电子证书
        </Button>
      )}
    </Space>
  );
}

export default function MyApplications() {
  const list = useLoad(() => api.get<{ total: number; items: MyApplication[] }>('/api/applications'), []);
  const series = useLoad(() => api.get<{ items: SeriesItem[] }>('/api/series'), []);
  const wide = Grid.useBreakpoint().md ?? true;
  const levelName = (a: MyApplication) => `${seriesName(series.data?.items, a.seriesKey)} · ${levelTitle(series.data?.items, a.levelKey)}`;
  const created = (v?: string) => (v ? beijingTime(v) : '');
  return (
    <Card title="我的申报" extra={<Button href={href('/')}>新建申报</Button>}>
      {list.error && <Alert type="error" showIcon message={list.error} style={{ marginBottom: 16 }} />}
      {wide ? (
        <Table<MyApplication>
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          pagination={{ total: list.data?.total, pageSize: 20, showTotal: (t) => `共 ${t} 项` }}
          columns={[
            { title: '年度', dataIndex: 'campaignId' },
            { title: '申报层级', render: (_, a) => levelName(a) },
            { title: '状态与下一步', render: (_, a) => <Status a={a} /> },
            { title: '创建时间', dataIndex: 'createdAt', render: created },
            { title: '操作', render: (_, a) => <Actions a={a} /> },
          ]}
        />
      ) : (
        <List<MyApplication>
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: '暂无申报' }}
          data-testid="my-applications-cards"
          renderItem={(a) => (
            <List.Item key={a.id} style={{ display: 'block' }} data-testid="my-application">
              <Typography.Text strong>
                {a.campaignId} 年度 · {levelName(a)}
              </Typography.Text>
              <div style={{ margin: '6px 0' }}>
                <Status a={a} />
              </div>
              <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 6 }}>
                创建于 {created(a.createdAt)}
              </Typography.Text>
              <Actions a={a} />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
