// 花名册: pick 批次, 系列 and 级别 by name, see who is on the roster (the people the flow brought to the caller's
// office), print it, or export it to Excel in the layout HR bureaus file.
import { Alert, Button, Card, Select, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, qs } from '../api.js';
import { ExportButton } from '../common/ExportButton.js';
import { useLoad } from '../common/useLoad.js';

interface CampaignItem {
  key: string;
  name: string;
  year: number;
}
interface SeriesItem {
  key: string;
  name: string;
  /** `definition` is the level's key (gongcheng.zhongji); `levelKey` is its key within the series */
  levels?: { levelKey: string; definition?: string; grade?: string; title?: string }[];
}
interface RosterLine {
  seq: number;
  name: string;
  gender: string;
  birthDate: string;
  unit: string;
  education: string;
  currentTitle: string;
  currentTitleSince: string;
  title: string;
  grade: string;
  specialty: string;
  path: string;
  committee: string;
  status: string;
}

const PAGE_SIZE = 20;

const COLUMNS = [
  { title: '序号', dataIndex: 'seq', width: 64 },
  { title: '姓名', dataIndex: 'name' },
  { title: '性别', dataIndex: 'gender', width: 64 },
  { title: '出生年月', dataIndex: 'birthDate', render: (v: string) => v.slice(0, 7) },
  { title: '工作单位', dataIndex: 'unit' },
  { title: '学历', dataIndex: 'education' },
  { title: '现专业技术资格', dataIndex: 'currentTitle' },
  { title: '申报资格', dataIndex: 'title', render: (v: string, r: RosterLine) => `${v}${r.grade ? `（${r.grade}）` : ''}` },
  { title: '申报专业', dataIndex: 'specialty' },
  { title: '申报路径', dataIndex: 'path' },
  { title: '评审委员会', dataIndex: 'committee' },
  { title: '状态', dataIndex: 'status' },
];

export default function RosterPage() {
  const campaigns = useLoad(() => api.get<{ items: CampaignItem[] }>('/api/campaigns'), []);
  const series = useLoad(() => api.get<{ items: SeriesItem[] }>('/api/series'), []);
  const [campaignId, setCampaignId] = useState<string>();
  const [seriesKey, setSeriesKey] = useState<string>();
  const [levelKey, setLevelKey] = useState<string>();
  const [page, setPage] = useState(1);

  // the newest 批次 unless one is picked
  useEffect(() => {
    if (!campaignId && campaigns.data?.items[0]) setCampaignId(campaigns.data.items[0].key);
  }, [campaignId, campaigns.data]);

  const query = qs({ campaignId, seriesKey, levelKey });
  const rows = useLoad(
    async () => (campaignId ? api.get<{ title: string; total: number; items: RosterLine[] }>(`/api/rosters/rows${qs({ campaignId, seriesKey, levelKey, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE })}`) : undefined),
    [campaignId, seriesKey, levelKey, page],
  );
  const levels = series.data?.items.find((s) => s.key === seriesKey)?.levels ?? [];

  return (
    <Card title="花名册" data-testid="roster-page">
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          data-testid="roster-campaign"
          style={{ width: 260 }}
          placeholder="评审批次"
          value={campaignId}
          loading={campaigns.loading}
          options={(campaigns.data?.items ?? []).map((c) => ({ value: c.key, label: c.name }))}
          onChange={(v: string) => {
            setCampaignId(v);
            setPage(1);
          }}
        />
        <Select
          data-testid="roster-series"
          style={{ width: 260 }}
          placeholder="全部系列"
          allowClear
          value={seriesKey}
          options={(series.data?.items ?? []).map((s) => ({ value: s.key, label: s.name }))}
          onChange={(v: string | undefined) => {
            setSeriesKey(v);
            setLevelKey(undefined);
            setPage(1);
          }}
        />
        <Select
          data-testid="roster-level"
          style={{ width: 220 }}
          placeholder={seriesKey ? '全部级别' : '请先选择系列'}
          disabled={!seriesKey}
          allowClear
          value={levelKey}
          options={levels.map((l) => ({ value: l.definition ?? `${seriesKey ?? ''}.${l.levelKey}`, label: [l.title, l.grade].filter(Boolean).join(' · ') || '未命名级别' }))}
          onChange={(v: string | undefined) => {
            setLevelKey(v);
            setPage(1);
          }}
        />
        <Button disabled={!campaignId} onClick={() => window.open(`/api/rosters${query}`, '_blank', 'noopener')}>
          打印
        </Button>
        <ExportButton href={`/api/rosters.xlsx${query}`} disabled={!campaignId} />
      </Space>
      {rows.error && <Alert type="error" showIcon message={rows.error} style={{ marginBottom: 16 }} />}
      {rows.data && (
        <Typography.Title level={5} data-testid="roster-title">
          {rows.data.title}（共 {rows.data.total} 人）
        </Typography.Title>
      )}
      <Table<RosterLine>
        rowKey="seq"
        size="small"
        loading={rows.loading}
        columns={COLUMNS}
        dataSource={rows.data?.items ?? []}
        locale={{ emptyText: '暂无申报人员' }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: rows.data?.total ?? 0, showSizeChanger: false, onChange: setPage, showTotal: (t) => `共 ${t} 人` }}
        scroll={{ x: true }}
      />
    </Card>
  );
}
