// 分组结果 (D6): one table per group — each candidate's 同意/出席 and the result the vote decided — with the group's
// pass rate against its cap, and each group's result list as Excel. Counts only: nobody sees who voted what.
import { Alert, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { api } from '../api.js';
import { ExportButton } from '../common/ExportButton.js';
import { useLoad } from '../common/useLoad.js';
import type { CandidateResult, SessionResults as Results } from '../../../server/runtime/committees/session-results.js';

const OUTCOME_COLOURS: Record<CandidateResult['outcome'], string> = { passed: 'green', failed: 'red', pending: 'default' };

export default function SessionResults({ base }: { base: string }) {
  const r = useLoad(() => api.get<Results>(`${base}/results`), [base]);
  if (r.error) return <Alert type="error" showIcon message={r.error} />;
  if (!r.data) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="session-results">
      {!r.data.complete && <Alert type="info" showIcon message="尚有申报人的专家表决未结束，结果以表决结束后为准" action={<Button size="small" onClick={() => void r.reload()} data-testid="results-reload">刷新</Button>} />}
      {r.data.groups.filter((g) => g.total > 0).map((g) => (
        <Card
          key={g.id}
          size="small"
          title={<Space>{g.name}<Tag>{g.total} 人</Tag>{g.passRate !== undefined && <Tag>通过率上限 {Math.round(g.passRate * 1000) / 10}%</Tag>}</Space>}
          extra={<ExportButton href={`${base}/results/${encodeURIComponent(g.id)}/xlsx`} label="下载结果名单" />}
          data-testid={`results-${g.kind}`}
        >
          <Alert type={g.overCap ? 'warning' : 'success'} showIcon message={g.summary} style={{ marginBottom: 8 }} data-testid={`summary-${g.kind}`} />
          <Table
            rowKey="applicationId"
            size="small"
            pagination={false}
            dataSource={g.candidates}
            columns={[
              { title: '申报人', dataIndex: 'applicantName' },
              { title: '工作单位', dataIndex: 'unitName' },
              { title: '申报职称', dataIndex: 'title' },
              { title: '同意 / 出席', render: (_: unknown, c: CandidateResult) => (c.approvals !== undefined ? `${c.approvals} / ${c.attending}` : '—') },
              { title: '评审结果', render: (_: unknown, c: CandidateResult) => <Tag color={OUTCOME_COLOURS[c.outcome]}>{c.outcomeLabel}</Tag> },
            ]}
          />
        </Card>
      ))}
      {r.data.groups.every((g) => g.total === 0) && <Typography.Text type="secondary">议程中还没有申报</Typography.Text>}
    </Space>
  );
}
