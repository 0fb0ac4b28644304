// 影响预览: before publishing, run the draft being edited (a level, or a policy module used by several levels)
// over a campaign's real applications and list whose eligibility would change — gains in green, losses in red,
// with the condition behind each. Reads only: the server stores nothing. Names and units, never ID numbers.
import { Alert, Button, Card, Empty, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError, errorText, type ProblemDetail } from '../../api.js';
import { useLoad } from '../../common/useLoad.js';
import type { CampaignItem, ImpactItem, ImpactResult, LevelImpact } from '../../types/api.js';

export interface ImpactPreviewProps {
  kind: 'level' | 'policy';
  defKey: string;
  /** the draft as edited now (not necessarily saved) */
  getBody: () => unknown;
  /** shows the condition a reason points at, in the editor (level: /rules/…, policy module: /conditions/…) */
  onLocate?: (pointer: string) => void;
  /** inside a card the host already titles 影响预览 (the policy editor's slot): no card of its own */
  embedded?: boolean;
}

const CHANGE: Record<ImpactItem['change'], { color: string; text: string }> = {
  gains: { color: 'success', text: '新增可申报' },
  loses: { color: 'error', text: '不再可申报' },
  paths: { color: 'warning', text: '申报路径改变' },
};

/** gains green, losses red, a changed path amber */
const ROW_BACKGROUND: Record<ImpactItem['change'], string> = { gains: '#f6ffed', loses: '#fff1f0', paths: '#fffbe6' };

function verdictTag(v: string) {
  return <Tag color={v === '可申报' ? 'green' : 'red'}>{v}</Tag>;
}

function LevelTable({ level, onLocate }: { level: LevelImpact; onLocate?: (pointer: string) => void }) {
  return (
    <Card
      size="small"
      title={`${level.title || level.key}${level.publishedVersion ? `（与第 ${level.publishedVersion} 版比较）` : ''}`}
      data-testid={`impact-level-${level.key}`}
    >
      <Space size="large" wrap>
        <Statistic title="新增可申报" value={level.counts.gains} valueStyle={{ color: '#389e0d' }} />
        <Statistic title="不再可申报" value={level.counts.loses} valueStyle={{ color: '#cf1322' }} />
        <Statistic title="路径改变" value={level.counts.paths} />
        <Statistic title="不受影响" value={level.counts.unchanged} />
        <Statistic title="已检查" value={level.examined} suffix={`/ ${level.total}`} />
      </Space>
      {level.problems?.length ? (
        <Alert
          style={{ marginTop: 12 }}
          type="error"
          showIcon
          message="草稿用于此层级时有问题，未检查此层级的申报"
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {level.problems.map((p, i) => (
                <li key={i}>{p.message}</li>
              ))}
            </ul>
          }
        />
      ) : level.changes.length === 0 ? (
        <Empty style={{ marginTop: 12 }} image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有申报受影响" data-testid="impact-empty" />
      ) : (
        <Table<ImpactItem>
          style={{ marginTop: 12 }}
          size="small"
          rowKey="applicationId"
          pagination={level.changes.length > 20 ? { pageSize: 20 } : false}
          dataSource={level.changes}
          rowClassName={(r) => `impact-${r.change}`}
          onRow={(r) => ({ style: { background: ROW_BACKGROUND[r.change] } })}
          columns={[
            { title: '申报人', dataIndex: 'name' },
            { title: '单位', dataIndex: 'unit' },
            { title: '申报状态', dataIndex: 'statusName' },
            {
              title: '资格变化',
              key: 'change',
              render: (_, r) => (
                <Space size={4} data-testid="impact-change">
                  <Tag color={CHANGE[r.change].color}>{CHANGE[r.change].text}</Tag>
                  {verdictTag(r.before)}→{verdictTag(r.after)}
                </Space>
              ),
            },
            {
              title: '路径',
              key: 'paths',
              render: (_, r) => r.paths.map((p) => <div key={p.id}>{`${p.name}：${p.before ? '符合' : '不符合'} → ${p.after ? '符合' : '不符合'}`}</div>),
            },
            {
              title: '条件',
              key: 'reasons',
              render: (_, r) =>
                r.reasons.map((x, i) => (
                  <div key={i}>
                    <Typography.Text type={r.change === 'gains' ? 'success' : 'danger'}>
                      {r.change === 'gains' ? `原不满足：${x.message}` : x.message}
                    </Typography.Text>
                    {x.pointer && onLocate && (
                      <Button type="link" size="small" onClick={() => onLocate(x.pointer!)}>
                        查看条件
                      </Button>
                    )}
                  </div>
                )),
            },
          ]}
        />
      )}
    </Card>
  );
}

export default function ImpactPreview({ kind, defKey, getBody, onLocate, embedded }: ImpactPreviewProps) {
  const campaigns = useLoad(() => api.get<{ items: CampaignItem[] }>('/api/campaigns'), []);
  const [campaignId, setCampaignId] = useState<string>();
  const [result, setResult] = useState<ImpactResult | null>(null);
  const [error, setError] = useState<{ message: string; details: ProblemDetail[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const cid = campaignId ?? campaigns.data?.items[0]?.key;

  const run = async (cursor?: string) => {
    if (!cid) return;
    setBusy(true);
    setError(null);
    try {
      const res = await api.post<ImpactResult>('/api/designer/impact', { kind, key: defKey, campaignId: cid, body: getBody(), ...(cursor ? { cursor } : {}) });
      setResult(res);
    } catch (e) {
      setResult(null);
      setError({ message: errorText(e), details: e instanceof ApiError ? e.details : [] });
    } finally {
      setBusy(false);
    }
  };

  const anyChange = result?.levels.some((l) => l.changes.length > 0 || (l.problems?.length ?? 0) > 0);
  const toolbar = (
    <Space>
      <Select
        style={{ width: 220 }}
        placeholder="选择评审年度"
        value={cid}
        onChange={(v: string) => {
          setCampaignId(v);
          setResult(null);
        }}
        options={(campaigns.data?.items ?? []).map((c) => ({ value: c.key, label: c.name }))}
        data-testid="impact-campaign"
      />
      <Button type="primary" onClick={() => void run()} loading={busy} disabled={!cid} data-testid="run-impact">
        运行影响预览
      </Button>
    </Space>
  );
  const content = (
    <>
      <Typography.Paragraph type="secondary">
        用编辑器中当前的{kind === 'policy' ? '模块（用于引用它的每个层级）' : '规则'}
        重新判断所选年度已有的申报（草稿与已提交），与已发布的规则比较，列出资格会变化的申报人。不保存任何内容，也不通知申报人。
      </Typography.Paragraph>
      {error && (
        <Alert
          type="error"
          showIcon
          message={error.message}
          description={
            error.details.length > 0 ? (
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {error.details.map((d, i) => (
                  <li key={i}>{d.message}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}
      {result && (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="impact-result">
          {result.note && (
            <Alert
              type="info"
              showIcon
              message={result.note}
              action={
                result.nextCursor ? (
                  <Button size="small" onClick={() => void run(result.nextCursor)} loading={busy}>
                    继续检查
                  </Button>
                ) : undefined
              }
            />
          )}
          {result.levels.length === 0 && <Empty description="没有层级引用此模块" />}
          {result.levels.length > 1 && !anyChange && <Empty description="没有申报受影响" data-testid="impact-empty" />}
          {result.levels
            .filter((l) => result.levels.length === 1 || l.changes.length > 0 || (l.problems?.length ?? 0) > 0)
            .map((l) => (
              <LevelTable key={l.key} level={l} {...(onLocate ? { onLocate } : {})} />
            ))}
          {result.levels.length > 1 && (
            <Typography.Text type="secondary">
              共检查 {result.examined} 份申报，涉及 {result.levels.length} 个层级；未列出的层级没有申报受影响。
            </Typography.Text>
          )}
        </Space>
      )}
    </>
  );
  return embedded ? (
    <div data-testid="impact-preview">
      <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 8 }}>{toolbar}</div>
      {content}
    </div>
  ) : (
    <Card size="small" title="影响预览" data-testid="impact-preview" extra={toolbar}>
      {content}
    </Card>
  );
}
