// 我的评分 (D4, D5): an expert's own scoring sheets for the sessions in progress where they are a present member —
// on site or from their own computer (网上评审). Each candidate: the committee's items with their ranges; 保存 keeps a
// draft, 提交 makes the sheet final (read-only after). Refusals appear at the item they concern.
import { Alert, Button, Card, Empty, Form, InputNumber, Space, Spin, Tag, Typography, App as AntApp } from 'antd';
import { useState } from 'react';
import { ApiError, api, errorText } from '../api.js';
import { useLoad } from '../common/useLoad.js';
import type { ScoringItem } from '../../../server/domain/committee-work/scoring.js';
import type { ExpertCandidate, ExpertScoringSession } from '../../../server/runtime/committees/score-sheets.js';

function SheetCard({ items, c, onDone }: { items: ScoringItem[]; c: ExpertCandidate; onDone: () => Promise<void> }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Record<string, number | null>>();
  const [at, setAt] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const readOnly = c.submitted || !c.open;

  const send = async (submit: boolean) => {
    const values = form.getFieldsValue();
    const scores = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== null));
    setBusy(true);
    try {
      await api.put(`/api/sessions/${encodeURIComponent(c.sessionId)}/score-sheets/${encodeURIComponent(c.applicationId)}`, { scores, submit });
      setAt({});
      setError(null);
      message.success(submit ? `${c.applicantName}：评分表已提交` : `${c.applicantName}：已保存`);
      await onDone();
    } catch (e) {
      const next: Record<string, string> = {};
      for (const d of e instanceof ApiError ? e.details : []) if (d.pointer) next[d.pointer.replace('/scores/', '')] = d.message;
      setAt(next);
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      data-testid="scoring-candidate"
      title={
        <Space>
          <span>{c.applicantName}</span>
          <Typography.Text type="secondary">{c.title}</Typography.Text>
          {c.submitted ? <Tag color="success">已提交</Tag> : !c.open ? <Tag>评分已结束</Tag> : <Tag color="processing">待提交</Tag>}
        </Space>
      }
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="inline" initialValues={c.scores} disabled={readOnly}>
        {items.map((i) => (
          <Form.Item key={i.field} name={i.field} label={`${i.label}（${i.min}–${i.max} 分）`} validateStatus={at[i.field] ? 'error' : undefined} help={at[i.field]} style={{ marginBottom: 12 }}>
            <InputNumber style={{ width: 120 }} data-testid={`score-${i.label}`} />
          </Form.Item>
        ))}
      </Form>
      {!readOnly && (
        <Space>
          <Button onClick={() => void send(false)} loading={busy}>保存</Button>
          <Button type="primary" onClick={() => void send(true)} loading={busy} data-testid="scoring-submit">提交评分表</Button>
          <Typography.Text type="secondary">提交后不能修改</Typography.Text>
        </Space>
      )}
    </Card>
  );
}

export default function ScoringPage() {
  const list = useLoad(() => api.get<{ items: ExpertScoringSession[] }>('/api/score-sheets/mine'), []);
  if (list.loading && !list.data) return <Spin />;
  if (list.error) return <Alert type="error" showIcon message={list.error} />;
  const sessions = list.data?.items ?? [];
  if (sessions.length === 0) return <Empty description="目前没有需要您评分的评审会议" />;
  return (
    <div data-testid="scoring-page">
      {sessions.map((s) => (
        <Card key={s.sessionId} title={`${s.sessionName}（${s.modeLabel}）`} extra={s.date} style={{ marginBottom: 16 }}>
          <Typography.Paragraph type="secondary">
            {s.committeeName} · {s.sheet.name}。您的分数只有您本人可见，汇总时只取各项平均分{s.sheet.dropHighLow ? '（去掉一个最高分和一个最低分）' : ''}。
          </Typography.Paragraph>
          {s.candidates.length === 0 ? <Empty description="没有待评分的申报人" /> : s.candidates.map((c) => <SheetCard key={c.sheetId} items={s.sheet.items} c={c} onDone={list.reload} />)}
        </Card>
      ))}
    </div>
  );
}
