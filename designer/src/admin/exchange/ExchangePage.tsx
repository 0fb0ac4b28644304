// 数据交换: issued and revoked certificates pushed to the national and region platforms — what is waiting, what
// went through, what failed and why — and 重新推送 for a failed row.
import { Alert, App as AntApp, Button, Card, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, errorText, qs } from '../../api.js';
import { useLoad } from '../../common/useLoad.js';
import type { ExchangePage as Page, ExchangeRow, ExchangeState } from './types.js';
import { whenText } from './when.js';

const PAGE_SIZE = 20;
const STATE_COLORS: Record<ExchangeState, string> = { pending: 'processing', sent: 'success', dead: 'error' };
const FILTERS: { label: string; value: ExchangeState | 'all' }[] = [
  { label: '全部', value: 'all' },
  { label: '待推送', value: 'pending' },
  { label: '已推送', value: 'sent' },
  { label: '推送失败', value: 'dead' },
];

function Platforms({ page }: { page: Page | undefined }) {
  if (!page) return null;
  if (page.endpoints.length === 0) {
    return <Alert type="warning" showIcon message="未配置接收平台" description="证书签发和撤销不会推送到任何平台。请运维人员在服务器的 EXCHANGE_ENDPOINTS 设置中登记全国和自治区平台的接收地址。" />;
  }
  return (
    <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
      推送到：{page.endpoints.map((e) => `${e.name}（${e.eventNames.join('、')}）`).join('；')}
    </Typography.Paragraph>
  );
}

export default function ExchangePage() {
  const { message } = AntApp.useApp();
  const [state, setState] = useState<ExchangeState | 'all'>('all');
  const [offset, setOffset] = useState(0);
  const [busy, setBusy] = useState<string | null>(null);
  const list = useLoad(() => api.get<Page>(`/api/admin/exchange${qs({ state: state === 'all' ? undefined : state, offset, limit: PAGE_SIZE })}`), [state, offset]);

  const retry = async (r: ExchangeRow) => {
    setBusy(r.id);
    try {
      await api.post(`/api/admin/exchange/${encodeURIComponent(r.id)}/retry`);
      message.success(`已重新排队推送：${r.endpointName}，证书 ${r.number}`);
      await list.reload();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card title="数据交换" extra={<Button onClick={() => void list.reload()}>刷新</Button>}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Platforms page={list.data} />
        <Segmented
          options={FILTERS}
          value={state}
          onChange={(v) => {
            setState(v as ExchangeState | 'all');
            setOffset(0);
          }}
        />
        {list.error && <Alert type="error" showIcon message={list.error} />}
        <Table<ExchangeRow>
          rowKey="id"
          size="middle"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: '暂无记录' }}
          pagination={{ current: offset / PAGE_SIZE + 1, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, showSizeChanger: false, onChange: (p) => setOffset((p - 1) * PAGE_SIZE), showTotal: (t) => `共 ${t} 条` }}
          columns={[
            { title: '接收平台', dataIndex: 'endpointName' },
            { title: '事项', dataIndex: 'eventName', width: 100 },
            {
              title: '证书编号',
              dataIndex: 'number',
              render: (_: unknown, r) => (
                <Space direction="vertical" size={0}>
                  <span>{r.number}</span>
                  {r.holder && <Typography.Text type="secondary">{r.holder}</Typography.Text>}
                </Space>
              ),
            },
            { title: '状态', dataIndex: 'stateName', width: 100, render: (_: unknown, r) => <Tag color={STATE_COLORS[r.state]}>{r.stateName}</Tag> },
            { title: '尝试次数', dataIndex: 'attempts', width: 90, align: 'right' },
            { title: '最近错误', dataIndex: 'lastError', render: (v?: string) => v ?? '—' },
            { title: '时间', key: 'when', width: 190, render: (_: unknown, r) => whenText(r) },
            {
              title: '操作',
              key: 'actions',
              width: 110,
              render: (_: unknown, r) =>
                r.state === 'dead' ? (
                  <Button size="small" type="primary" loading={busy === r.id} onClick={() => void retry(r)}>
                    重新推送
                  </Button>
                ) : null,
            },
          ]}
        />
      </Space>
    </Card>
  );
}
