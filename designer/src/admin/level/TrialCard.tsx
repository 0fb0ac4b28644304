// 用这位申报人试一试: 试算 the editor's current rules on the sample applicant filled in the form preview.
// The sample as JSON stays available, folded, under 高级.
import { Alert, Button, Card, Collapse, Select, Space, Typography } from 'antd';
import EligibilityView from '../../common/EligibilityView.js';
import type { CampaignItem, EligibilityResult } from '../../types/api.js';
import JsonText from '../JsonText.js';

export interface TrialCardProps {
  campaigns: CampaignItem[];
  campaignId: string | undefined;
  onCampaign: (id: string) => void;
  sample: Record<string, unknown>;
  onSample: (s: Record<string, unknown>) => void;
  onTry: () => void;
  busy: boolean;
  result: EligibilityResult | null;
  error: string | null;
}

export default function TrialCard({ campaigns, campaignId, onCampaign, sample, onSample, onTry, busy, result, error }: TrialCardProps) {
  const filled = Object.keys(sample).length;
  return (
    <Card
      size="small"
      title="用这位申报人试一试"
      extra={
        <Space>
          <Select style={{ width: 180 }} value={campaignId} onChange={onCampaign} options={campaigns.map((c) => ({ value: c.key, label: c.name }))} />
          <Button type="primary" onClick={onTry} loading={busy} data-testid="try-rules">
            试算
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        申报人数据取自“申报表单”页的预览（已填写 {filled} 项，请到该页填写或修改）。试算使用编辑器中当前的规则（无需先保存或发布），规则的错误会逐条指出。
      </Typography.Paragraph>
      <Collapse
        size="small"
        items={[
          {
            key: 'json',
            label: '高级：以 JSON 查看或修改申报人数据',
            children: <JsonText value={sample} onChange={(v) => onSample((v ?? {}) as Record<string, unknown>)} rows={12} testId="trial-data" />,
          },
        ]}
      />
      <div style={{ marginTop: 12 }}>
        {error && <Alert type="error" showIcon message={error} />}
        {result && <EligibilityView result={result} />}
      </div>
    </Card>
  );
}
