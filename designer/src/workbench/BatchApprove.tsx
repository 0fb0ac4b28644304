// 批量同意: the selected tasks, one opinion, one click. The server completes each one on its own (its own
// write and audit record) and answers per item; failures are listed by applicant, in Chinese.
import { Alert, Button, Form, Input, List, Modal, Typography } from 'antd';
import { useState } from 'react';
import { api, errorText } from '../api.js';

export interface BatchTarget {
  applicationId: string;
  taskId: string;
  applicantName: string;
}

interface Outcome {
  applicationId: string;
  taskId: string;
  ok: boolean;
  message?: string;
  applicantName?: string;
}

export default function BatchApprove({ targets, onDone }: { targets: BatchTarget[]; onDone: (result: { done: number; failed: Outcome[] }) => void }) {
  const [open, setOpen] = useState(false);
  const [opinion, setOpinion] = useState('同意。');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const res = await api.post<{ done: number; failed: number; items: Outcome[] }>('/api/tasks/batch-complete', {
        items: targets.map((t) => ({ applicationId: t.applicationId, taskId: t.taskId })),
        payload: { decision: 'approve', ...(opinion.trim() ? { comment: opinion.trim() } : {}) },
      });
      setOpen(false);
      onDone({ done: res.done, failed: res.items.filter((i) => !i.ok).map((i) => ({ ...i, applicantName: i.applicantName ?? targets.find((t) => t.taskId === i.taskId)?.applicantName })) });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button type="primary" disabled={targets.length === 0} onClick={() => setOpen(true)} data-testid="batch-approve">
        批量同意{targets.length ? `（${targets.length} 件）` : ''}
      </Button>
      <Modal
        open={open}
        title={`批量同意 ${targets.length} 件申报`}
        okText="确认同意"
        cancelText="取消"
        confirmLoading={busy}
        onOk={() => void run()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">以下申报将以同一审核意见逐件办理为“同意”，每件单独留痕：</Typography.Paragraph>
        <Typography.Paragraph>{targets.map((t) => t.applicantName).join('、')}</Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label="审核意见" htmlFor="batch-opinion">
            <Input.TextArea id="batch-opinion" rows={3} maxLength={2000} value={opinion} onChange={(e) => setOpinion(e.target.value)} />
          </Form.Item>
        </Form>
        {error && <Alert type="error" showIcon message={error} />}
      </Modal>
    </>
  );
}

export function BatchResult({ result, onClose }: { result: { done: number; failed: Outcome[] }; onClose: () => void }) {
  return (
    <Alert
      data-testid="batch-result"
      type={result.failed.length ? 'warning' : 'success'}
      showIcon
      closable
      onClose={onClose}
      message={`已同意 ${result.done} 件${result.failed.length ? `，${result.failed.length} 件未能办理` : ''}`}
      description={
        result.failed.length ? (
          <List
            size="small"
            dataSource={result.failed}
            renderItem={(f) => (
              <List.Item>
                {f.applicantName ?? '（无权查看的申报）'}：{f.message}
              </List.Item>
            )}
          />
        ) : undefined
      }
    />
  );
}
