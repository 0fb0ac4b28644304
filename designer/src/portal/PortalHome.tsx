// 申报首页: the year's campaign with its phases, and every published series with its levels.
import { Alert, Button, Card, Col, Empty, List, Row, Select, Space, Spin, Steps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api.js';
import { useAuth } from '../common/auth.js';
import { navigate } from '../common/router.js';
import { useLoad } from '../common/useLoad.js';
import type { CampaignItem, SeriesItem } from '../types/api.js';

function phaseIndex(c: CampaignItem, today: string): number {
  const i = c.phases.findIndex((p) => p.opens <= today && today <= p.closes);
  return i < 0 ? (c.phases.every((p) => p.closes < today) ? c.phases.length : 0) : i;
}

export default function PortalHome() {
  const { me } = useAuth();
  const series = useLoad(() => api.get<{ items: SeriesItem[] }>('/api/series'), []);
  const campaigns = useLoad(() => api.get<{ items: CampaignItem[] }>('/api/campaigns'), []);
  const [campaignKey, setCampaignKey] = useState<string>();
  const campaign = campaigns.data?.items.find((c) => c.key === campaignKey) ?? campaigns.data?.items[0];
  const today = new Date().toISOString().slice(0, 10);

  const start = (definition: string) => {
    const target = `/new?campaign=${encodeURIComponent(campaign?.key ?? '')}&level=${encodeURIComponent(definition)}`;
    navigate(me ? target : `/login?next=${encodeURIComponent(target)}`);
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        职称申报
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        选择评审年度、职称系列和层级，先做资格自测，再填写申报表、上传材料、签署诚信承诺书并提交。提交后可随时查看审核进度。
      </Typography.Paragraph>
      <Card
        title="评审年度"
        extra={
          campaigns.data && campaigns.data.items.length > 1 ? (
            <Select
              style={{ width: 180 }}
              value={campaign?.key}
              onChange={setCampaignKey}
              options={campaigns.data.items.map((c) => ({ value: c.key, label: c.name }))}
            />
          ) : null
        }
      >
        {campaigns.error && <Alert type="error" showIcon message={campaigns.error} />}
        {campaigns.loading && <Spin />}
        {campaign && (
          <>
            <Typography.Text strong data-testid="campaign-name">
              {campaign.name}
            </Typography.Text>
            <Steps
              size="small"
              style={{ marginTop: 16 }}
              current={phaseIndex(campaign, today)}
              items={campaign.phases.map((p) => ({ title: p.name, description: `${p.opens} 至 ${p.closes}` }))}
            />
          </>
        )}
        {campaigns.data && campaigns.data.items.length === 0 && <Empty description="暂无评审年度" />}
      </Card>
      <Card title="职称系列">
        {series.error && <Alert type="error" showIcon message={series.error} />}
        <List
          loading={series.loading}
          data-testid="series-list"
          locale={{ emptyText: '暂无已发布的职称系列' }}
          dataSource={series.data?.items ?? []}
          renderItem={(s) => (
            <List.Item key={s.key}>
              <Row style={{ width: '100%' }} gutter={16} align="middle">
                <Col xs={24} md={{ flex: '220px' }}>
                  <Typography.Text strong className="zc-series-name">
                    {s.name}
                  </Typography.Text>
                  <div>
                    {(s.specialties ?? []).map((sp) => (
                      <Tag key={sp.key} style={{ marginTop: 4 }}>
                        {sp.name}
                      </Tag>
                    ))}
                  </div>
                </Col>
                <Col xs={24} md={{ flex: 'auto' }} style={{ minWidth: 0, marginTop: 8 }}>
                  <Space wrap>
                    {s.levels.map((l) => (
                      <Button key={l.levelKey} type="primary" ghost disabled={!campaign} onClick={() => start(l.definition)} className="zc-wrap-button">
                        申报{l.grade}（{l.title}）
                      </Button>
                    ))}
                  </Space>
                </Col>
              </Row>
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}
