// 统计看板 (管理 › 统计看板): one campaign's figures for the region (or the reviewer's 盟市) as cards, charts and
// the tables under them; every figure in one workbook (导出 Excel) and each chart as a picture (保存为图片).
import { Alert, Card, Col, Descriptions, Empty, Row, Segmented, Select, Space, Spin, Statistic, Table, Typography } from 'antd';
import type { TableColumnsType as ColumnsType } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { Dashboard } from '../../../server/runtime/dashboard/dashboard.js';
import { api, qs } from '../api.js';
import { beijingDeadline, beijingTime } from '../common/beijing-time.js';
import { ExportButton } from '../common/ExportButton.js';
import { useLoad } from '../common/useLoad.js';
import { Chart } from './Chart.js';
import { barHeight, bars, pie, rates } from './chart-options.js';
import { percent } from './percent.js';

type Outcome = Dashboard['leagues'][number];
type Rate = Dashboard['committees'][number];
type Quota = Dashboard['quotas'][number];

const outcomeColumns = (first: string): ColumnsType<Outcome> => [
  { title: first, dataIndex: 'name' },
  { title: '申报数', dataIndex: 'count', align: 'right', width: 90 },
  { title: '在办', dataIndex: 'inProgress', align: 'right', width: 90 },
  { title: '已通过', dataIndex: 'passed', align: 'right', width: 90 },
];

const rateColumns = (first: string): ColumnsType<Rate> => [
  { title: first, dataIndex: 'name' },
  { title: '已通过', dataIndex: 'passed', align: 'right', width: 80 },
  { title: '未通过', dataIndex: 'notPassed', align: 'right', width: 80 },
  { title: '在办', dataIndex: 'inProgress', align: 'right', width: 80 },
  { title: '通过率', dataIndex: 'rate', align: 'right', width: 90, render: (r: number | null) => percent(r) },
];

const quotaColumns: ColumnsType<Quota> = [
  { title: '分配单位', dataIndex: 'holder' },
  { title: '指标数', dataIndex: 'limit', align: 'right', width: 90 },
  { title: '已使用', dataIndex: 'used', align: 'right', width: 90 },
  { title: '使用率', dataIndex: 'rate', align: 'right', width: 90, render: (r: number | null) => percent(r) },
];

const small = { size: 'small', pagination: false } as const;
const paged = { size: 'small', pagination: { pageSize: 8, showSizeChanger: false, hideOnSinglePage: true } } as const;

function Figure({ title, extra, children }: { title: string; extra?: React.ReactNode; children: React.ReactNode }) {
  return (
    <Card title={title} extra={extra} size="small" style={{ height: '100%' }}>
      {children}
    </Card>
  );
}

function QuotaFigure({ quotas }: { quotas: Quota[] }) {
  const names = useMemo(() => [...new Set(quotas.map((q) => q.quota))], [quotas]);
  const [chosen, setChosen] = useState<string | undefined>(names[0]);
  const current = names.includes(chosen ?? '') ? chosen : names[0];
  // the most used allocations first: the ones that will refuse the next applicant
  const rows = useMemo(
    () =>
      quotas
        .filter((q) => q.quota === current)
        .map((q) => ({ ...q, name: q.holder }))
        .sort((a, b) => (b.rate ?? 0) - (a.rate ?? 0) || b.used - a.used),
    [quotas, current],
  );
  const option = useMemo(() => bars(rows, [{ label: '指标数', value: (r) => r.limit }, { label: '已使用', value: (r) => r.used }]), [rows]);
  if (names.length === 0) return <Empty description="本批次未设置指标" />;
  const short = (n: string) => n.replace(/（.*$/, '');
  return (
    <>
      {names.length > 1 && <Segmented block value={current} onChange={(v) => setChosen(String(v))} options={names.map((n) => ({ value: n, label: short(n), title: n }))} style={{ marginBottom: 8 }} />}
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {current}
      </Typography.Paragraph>
      <Row gutter={16}>
        <Col span={14}>
          <Chart title={`指标使用：${short(current ?? '')}`} option={option} height={barHeight(rows.length, 2)} />
        </Col>
        <Col span={10}>
          <Table<Quota> {...small} rowKey={(q) => `${q.quota}/${q.holder}`} columns={quotaColumns} dataSource={rows} />
        </Col>
      </Row>
    </>
  );
}

function Figures({ d }: { d: Dashboard }) {
  const stages = useMemo(() => d.stages.map((s) => ({ ...s, name: s.step === '—' ? s.statusName : `${s.statusName} · ${s.step}` })), [d]);
  const options = useMemo(
    () => ({
      stages: bars(stages, [{ label: '申报数', value: (r) => r.count }]),
      leagues: bars(d.leagues, [{ label: '申报数', value: (r) => r.count }, { label: '已通过', value: (r) => r.passed }]),
      series: pie(d.series),
      levels: bars(d.levels, [{ label: '申报数', value: (r) => r.count }, { label: '已通过', value: (r) => r.passed }]),
      overdue: bars(d.overdue.byStep, [{ label: '超期件数', value: (r) => r.count }]),
      committees: rates(d.committees),
      groups: rates(d.groups.rows),
    }),
    [d, stages],
  );
  const t = d.totals;
  const oldest = d.overdue.oldest;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={[16, 16]}>
        {(
          [
            ['已提交申报', t.submitted],
            ['在办', t.inProgress],
            ['退回补正', t.returned],
            ['已通过', t.passed],
            ['未通过', t.notPassed],
            ['超期任务', t.overdue],
          ] as const
        ).map(([label, value]) => (
          <Col span={4} key={label}>
            <Card size="small">
              <Statistic title={label} value={value} valueStyle={label === '超期任务' && value > 0 ? { color: '#cf1322' } : undefined} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        <Col span={12}>
          <Figure title="各环节申报数">
            <Chart title="各环节申报数" option={options.stages} height={barHeight(stages.length)} />
            <Table {...paged} rowKey={(r) => r.name} dataSource={stages} columns={[{ title: '申报状态', dataIndex: 'statusName', width: 100 }, { title: '当前环节', dataIndex: 'step' }, { title: '申报数', dataIndex: 'count', align: 'right', width: 90 }]} />
          </Figure>
        </Col>
        <Col span={12}>
          <Figure title="各盟市申报数">
            <Chart title="各盟市申报数" option={options.leagues} height={barHeight(d.leagues.length, 2)} />
            <Table<Outcome> {...paged} rowKey="name" dataSource={d.leagues} columns={outcomeColumns('盟市')} />
          </Figure>
        </Col>
        <Col span={12}>
          <Figure title="各系列申报数">
            <Chart title="各系列申报数" option={options.series} />
            <Table<Outcome> {...small} rowKey="name" dataSource={d.series} columns={outcomeColumns('职称系列')} />
          </Figure>
        </Col>
        <Col span={12}>
          <Figure title="各层级申报数">
            <Chart title="各层级申报数" option={options.levels} height={barHeight(d.levels.length, 2)} />
            <Table<Outcome> {...paged} rowKey="name" dataSource={d.levels} columns={outcomeColumns('系列 · 职称')} />
          </Figure>
        </Col>
        <Col span={24}>
          <Figure title="指标使用">
            <QuotaFigure quotas={d.quotas} />
          </Figure>
        </Col>
        <Col span={12}>
          <Figure title="各评委会通过率">
            <Chart title="各评委会通过率" option={options.committees} height={barHeight(d.committees.length)} />
            <Table<Rate> {...paged} rowKey="name" dataSource={d.committees} columns={rateColumns('评委会')} />
          </Figure>
        </Col>
        <Col span={12}>
          <Figure title="各分组通过率">
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              评审分组尚未建立，暂按申报路径（正常申报、破格申报等）分组统计。
            </Typography.Paragraph>
            <Chart title="各分组通过率（按申报路径）" option={options.groups} height={barHeight(d.groups.rows.length)} />
            <Table<Rate> {...small} rowKey="name" dataSource={d.groups.rows} columns={rateColumns('申报路径')} />
          </Figure>
        </Col>
        <Col span={24}>
          <Figure title={`超期任务（共 ${d.overdue.count} 件）`}>
            <Row gutter={16}>
              <Col span={10}>
                {oldest ? (
                  <Descriptions size="small" column={1} bordered title="最早超期">
                    <Descriptions.Item label="环节">{oldest.step}</Descriptions.Item>
                    <Descriptions.Item label="办理方">{oldest.handler}</Descriptions.Item>
                    <Descriptions.Item label="申报人">{oldest.applicantName}</Descriptions.Item>
                    <Descriptions.Item label="申报职称">{oldest.level}</Descriptions.Item>
                    <Descriptions.Item label="办理期限">{beijingDeadline(oldest.dueAt)}</Descriptions.Item>
                  </Descriptions>
                ) : (
                  <Alert type="success" showIcon message="没有超期任务" />
                )}
              </Col>
              <Col span={14}>
                <Chart title="各环节超期任务" option={options.overdue} height={barHeight(d.overdue.byStep.length)} />
                <Table {...small} rowKey="name" dataSource={d.overdue.byStep} columns={[{ title: '环节', dataIndex: 'name' }, { title: '超期件数', dataIndex: 'count', align: 'right', width: 100 }]} />
              </Col>
            </Row>
          </Figure>
        </Col>
      </Row>
    </Space>
  );
}

export default function DashboardPage() {
  const campaigns = useLoad(() => api.get<{ items: { key: string; name: string }[] }>('/api/campaigns'), []);
  const [campaignId, setCampaignId] = useState<string>();
  useEffect(() => {
    if (!campaignId && campaigns.data?.items[0]) setCampaignId(campaigns.data.items[0].key);
  }, [campaigns.data, campaignId]);
  const dashboard = useLoad(() => (campaignId ? api.get<Dashboard>(`/api/dashboard${qs({ campaignId })}`) : Promise.resolve(undefined)), [campaignId]);
  const d = dashboard.data;
  return (
    <div style={{ padding: 24, maxWidth: 1440, margin: '0 auto' }}>
      <Space align="center" wrap style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }}>
        <Space align="baseline" size={16}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            统计看板
          </Typography.Title>
          {d && <Typography.Text type="secondary">范围：{d.scopeName} · 统计时间 {beijingTime(d.generatedAt)}</Typography.Text>}
        </Space>
        <Space>
          <span>批次</span>
          <Select
            aria-label="批次"
            style={{ width: 260 }}
            loading={campaigns.loading}
            value={campaignId}
            onChange={setCampaignId}
            options={(campaigns.data?.items ?? []).map((c) => ({ value: c.key, label: c.name }))}
            placeholder="选择评审批次"
          />
          <ExportButton href={`/api/dashboard.xlsx${qs({ campaignId })}`} disabled={!campaignId} />
        </Space>
      </Space>
      {(campaigns.error ?? dashboard.error) && <Alert type="error" showIcon message={campaigns.error ?? dashboard.error} style={{ marginBottom: 16 }} />}
      {dashboard.loading && !d ? <Spin style={{ display: 'block', margin: '64px auto' }} /> : d ? <Figures d={d} /> : null}
    </div>
  );
}
