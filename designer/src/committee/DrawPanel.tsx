// 随机抽取评审专家 for one session (inside SessionDetail, for the committee's office): specialties, how many members
// and reserves, 抽取; the result with 回避 and its reasons, and 替换 of a member who cannot attend by the next
// reserve, with the reason. Refusals appear at the field they concern.
import { Alert, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Spin } from 'antd';
import { useState } from 'react';
import { api, ApiError, errorText, qs } from '../api.js';
import { useLoad } from '../common/useLoad.js';
import DrawResult from './DrawResult.js';
import type { DrawExpert, DrawOptions, DrawView } from './draw-types.js';

interface DrawForm {
  specialties: string[];
  members: number;
  reserves: number;
}

export default function DrawPanel({ sessionId, committeeId, onChanged }: { sessionId: string; committeeId: string; onChanged?: () => void }) {
  const options = useLoad(() => api.get<DrawOptions>(`/api/committees/${encodeURIComponent(committeeId)}/draw-options`), [committeeId]);
  const draws = useLoad(() => api.get<{ items: DrawView[] }>(`/api/draws${qs({ committee: committeeId, session: sessionId })}`), [committeeId, sessionId]);
  const [form] = Form.useForm<DrawForm>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [replacing, setReplacing] = useState<DrawExpert | null>(null);
  const [reasonForm] = Form.useForm<{ reason: string }>();
  const latest = draws.data?.items[0];

  if (options.error) return <Alert type="info" showIcon message="专家抽取由本评委会办事机构进行" />;
  if (!options.data) return <Spin />;
  const o = options.data;

  const run = async () => {
    const values = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/sessions/${encodeURIComponent(sessionId)}/draws`, values);
      await draws.reload();
      onChanged?.();
    } catch (e) {
      const at = e instanceof ApiError ? e.details.filter((d) => d.pointer && ['/members', '/reserves', '/specialties'].includes(d.pointer)) : [];
      if (at.length > 0) form.setFields(at.map((d) => ({ name: d.pointer!.slice(1) as keyof DrawForm, errors: [d.message] })));
      else setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const replace = async () => {
    if (!latest || !replacing) return;
    // no reason typed: antd shows it at the field; the rejection is not an error of the page
    const checked = await reasonForm.validateFields().catch(() => undefined);
    if (!checked) return;
    const { reason } = checked;
    try {
      await api.post(`/api/sessions/${encodeURIComponent(sessionId)}/draws/${encodeURIComponent(latest.id)}/replace`, { expertId: replacing.expertId, reason });
      setReplacing(null);
      await draws.reload();
      onChanged?.();
    } catch (e) {
      const field = e instanceof ApiError ? e.details.find((d) => d.pointer === '/reason') : undefined;
      reasonForm.setFields([{ name: 'reason', errors: [field?.message ?? errorText(e)] }]);
    }
  };

  const drawButton = (
    <Button type="primary" loading={busy} onClick={latest ? undefined : () => void run()} data-testid="draw-run">
      {latest ? '重新抽取' : '抽取'}
    </Button>
  );
  return (
    <Card size="small" title="随机抽取评审专家" data-testid="draw-panel">
      <Form<DrawForm> form={form} layout="inline" initialValues={{ specialties: [], members: o.members, reserves: o.reserves }} style={{ marginBottom: 12 }}>
        <Form.Item name="specialties" label="专业" tooltip="不选：本评委会的全部专业">
          <Select mode="multiple" allowClear placeholder="全部专业" style={{ minWidth: 240 }} options={o.specialties.map((s) => ({ value: s.key, label: s.name }))} data-testid="draw-specialties" />
        </Form.Item>
        <Form.Item name="members" label="抽取人数" rules={[{ required: true, message: '请填写抽取人数' }]}>
          <InputNumber min={1} max={99} data-testid="draw-members-count" />
        </Form.Item>
        <Form.Item name="reserves" label="备选人数" rules={[{ required: true, message: '请填写备选人数' }]}>
          <InputNumber min={0} max={99} data-testid="draw-reserves-count" />
        </Form.Item>
        <Form.Item>
          <Space>
            {latest ? (
              <Popconfirm title="重新抽取将替换尚未确认聘任的评审专家，确定吗？" okText="重新抽取" cancelText="取消" onConfirm={() => void run()}>
                {drawButton}
              </Popconfirm>
            ) : (
              drawButton
            )}
            <span style={{ color: '#888' }}>专家库共 {o.poolSize} 人</span>
          </Space>
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="draw-error" />}
      {draws.error && <Alert type="error" showIcon message={draws.error} />}
      {latest && <DrawResult draw={latest} onReplace={(e) => (reasonForm.resetFields(), setReplacing(e))} />}
      <Modal
        open={replacing !== null}
        title={replacing ? `替换评审专家：${replacing.name}` : ''}
        okText="由下一位备选专家替补"
        cancelText="取消"
        onOk={() => void replace()}
        onCancel={() => setReplacing(null)}
        destroyOnHidden
      >
        <Form form={reasonForm} layout="vertical">
          <Form.Item name="reason" label="替换原因" rules={[{ required: true, whitespace: true, message: '请填写替换原因' }]}>
            <Input placeholder="如：本人申请回避、因公出差不能参加" maxLength={200} data-testid="replace-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
