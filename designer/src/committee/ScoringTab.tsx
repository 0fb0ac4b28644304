// 评分 tab of a session (D4), for the committee office: per candidate only how many sheets are in (已提交 3 / 5), never a
// score; 汇总 puts the averages into the candidate's scoring step (with the scoring form's other items, e.g. 民主测评,
// typed here), and can end scoring early when not every present expert has submitted.
import { Alert, Button, Checkbox, Form, InputNumber, Modal, Table, Tag, Typography, App as AntApp } from 'antd';
import { useState } from 'react';
import { ApiError, api, errorText } from '../api.js';
import { useLoad } from '../common/useLoad.js';
import type { ScoringOverview, ScoringProgress, SummariseOutcome } from '../../../server/runtime/committees/score-sheets.js';

export default function ScoringTab({ sessionId, canManage }: { sessionId: string; canManage: boolean }) {
  const { message } = AntApp.useApp();
  const base = `/api/sessions/${encodeURIComponent(sessionId)}/scoring`;
  const view = useLoad(() => (canManage ? api.get<ScoringOverview>(base) : Promise.resolve(null)), [base, canManage]);
  const [target, setTarget] = useState<ScoringProgress | null>(null);
  const [error, setError] = useState<{ all: string; at: Record<string, string> } | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ fields: Record<string, number>; close: boolean }>();

  if (!canManage) return <Alert type="info" showIcon message="评分进度仅评委会办事机构可见" />;
  if (view.error) return <Alert type="error" showIcon message={view.error} />;
  const data = view.data;
  if (!data) return null;

  const submit = async () => {
    if (!target) return;
    const v = await form.validateFields();
    setBusy(true);
    try {
      const r = await api.post<SummariseOutcome>(`${base}/${encodeURIComponent(target.applicationId)}/summarise`, { fields: v.fields ?? {}, close: v.close === true });
      message.success(r.status === 'failed' ? `${target.applicantName}：已汇总，评分未达标` : `${target.applicantName}：已汇总${r.seated ? '，进入出席专家表决' : ''}`);
      setTarget(null);
      await view.reload();
    } catch (e) {
      const at: Record<string, string> = {};
      for (const d of e instanceof ApiError ? e.details : []) if (d.pointer) at[d.pointer] = d.message;
      setError({ all: errorText(e), at });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Typography.Paragraph type="secondary">
        评分表：{data.sheetName}。专家的分数只有专家本人可见；此处只显示已提交的份数，汇总后仅各项平均分进入申报。
      </Typography.Paragraph>
      <Table<ScoringProgress>
        rowKey="applicationId"
        size="small"
        pagination={false}
        dataSource={data.items}
        data-testid="scoring-progress"
        columns={[
          { title: '申报人', dataIndex: 'applicantName' },
          { title: '申报职称', dataIndex: 'title' },
          { title: '评分进度', render: (_, r) => <span data-testid="scoring-count">已提交 {r.submitted} / {r.expected}</span> },
          { title: '状态', render: (_, r) => (r.open ? <Tag color="processing">评分中</Tag> : <Tag>评分已结束</Tag>) },
          {
            title: '操作',
            render: (_, r) =>
              r.open ? (
                <Button
                  type={r.submitted === r.expected && r.expected > 0 ? 'primary' : 'default'}
                  disabled={r.submitted === 0}
                  onClick={() => {
                    form.resetFields();
                    setError(null);
                    setTarget(r);
                  }}
                  data-testid="scoring-summarise"
                >
                  汇总
                </Button>
              ) : null,
          },
        ]}
      />
      <Modal open={!!target} title={`汇总评分：${target?.applicantName ?? ''}`} okText="汇总并填入评分环节" cancelText="取消" confirmLoading={busy} onOk={() => void submit()} onCancel={() => setTarget(null)} destroyOnHidden>
        {error && <Alert type="error" showIcon message={error.all} style={{ marginBottom: 12 }} />}
        <Typography.Paragraph>已提交 {target?.submitted} / {target?.expected} 份评分表。各项取平均分（按评分表设置去掉最高分和最低分），保留两位小数。</Typography.Paragraph>
        <Form form={form} layout="vertical">
          {data.extraFields.map((f) => (
            <Form.Item key={f.field} name={['fields', f.field]} label={f.title} rules={[{ required: true, message: `请填写${f.title}` }]} validateStatus={error?.at[`/${f.field}`] || error?.at[`/fields/${f.field}`] ? 'error' : undefined} help={error?.at[`/${f.field}`] ?? error?.at[`/fields/${f.field}`]}>
              <InputNumber min={f.min} max={f.max} style={{ width: 200 }} />
            </Form.Item>
          ))}
          {target && target.submitted < target.expected && (
            <Form.Item name="close" valuePropName="checked" rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error('尚有专家未提交，须结束评分后方可汇总'))) }]}>
              <Checkbox>结束评分（未提交的专家不再评分）</Checkbox>
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
