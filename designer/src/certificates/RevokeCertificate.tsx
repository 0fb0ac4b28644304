// 撤销证书 (administrators, G3): the reason in words; the holder's integrity file then blocks applications for 3
// years and the certificate verifies as 已撤销. The server's check of the reason shows at the field.
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError, errorText } from '../api.js';

export function RevokeCertificate({ number, onRevoked }: { number: string; onRevoked: () => void }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [form] = Form.useForm<{ reason: string }>();

  async function revoke({ reason }: { reason: string }) {
    setBusy(true);
    setError(undefined);
    try {
      await api.post(`/api/admin/certificates/${encodeURIComponent(number)}/revoke`, { reason: reason.trim() });
      setOpen(false);
      onRevoked();
    } catch (e) {
      const atReason = e instanceof ApiError ? e.details.find((d) => d.pointer === '/reason') : undefined;
      if (atReason) form.setFields([{ name: 'reason', errors: [atReason.message] }]);
      else setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div style={{ marginTop: 16 }}>
      <Button data-testid="revoke-open" danger onClick={() => setOpen(true)}>
        撤销证书
      </Button>
      <Modal title="撤销证书" open={open} okText="确认撤销" cancelText="取消" okButtonProps={{ danger: true }} confirmLoading={busy} onOk={() => form.submit()} onCancel={() => setOpen(false)} destroyOnHidden>
        <Typography.Paragraph>撤销以弄虚作假取得的职称证书：证书核验将显示“已撤销”，并记入持证人诚信档案 3 年，其间不得申报。</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={(v) => void revoke(v)}>
          <Form.Item name="reason" label="撤销原因" rules={[{ required: true, whitespace: true, message: '请写明撤销原因' }, { min: 2, message: '撤销原因至少 2 个字' }]}>
            <Input.TextArea data-testid="revoke-reason" rows={3} maxLength={500} showCount placeholder="如：经查，申报材料中的业绩证明系伪造" />
          </Form.Item>
        </Form>
        {error && <Alert type="error" showIcon message={error} />}
      </Modal>
    </div>
  );
}
