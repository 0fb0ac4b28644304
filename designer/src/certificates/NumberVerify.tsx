// 按编号核验: certificate number + holder's name → 有效 / 受限 / 已撤销 / 未查询到, with the minimum disclosed.
// An administrator sees 撤销证书 under a certificate that is in force.
import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { api, errorText, qs } from '../api.js';
import { useAuth } from '../common/auth.js';
import { CertificateFacts } from './CertificateFacts.js';
import { RevokeCertificate } from './RevokeCertificate.js';
import { statusOf, type VerifyAnswer } from './verify-types.js';
import { VerifyVerdict } from './VerifyVerdict.js';

interface Query {
  number: string;
  name: string;
}

function answerFacts(a: VerifyAnswer) {
  return [
    { label: '持证人', value: a.holder },
    { label: '职称系列', value: a.series },
    { label: '资格名称', value: a.title && a.grade ? `${a.title}（${a.grade}）` : a.title },
    { label: '评审（认定）机构', value: a.committee },
    { label: '核准日期', value: a.approvedAt },
    { label: '使用范围限制', value: a.restriction },
  ];
}

export function NumberVerify() {
  const { hasRole } = useAuth();
  const [asked, setAsked] = useState<Query>();
  const [answer, setAnswer] = useState<VerifyAnswer>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function ask(q: Query) {
    setBusy(true);
    setError(undefined);
    try {
      const a = await api.get<VerifyAnswer>(`/api/certificates/verify${qs({ number: q.number.trim(), name: q.name.trim() })}`);
      setAsked(q);
      setAnswer(a);
    } catch (e) {
      setAnswer(undefined);
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  const status = answer ? statusOf(answer) : undefined;
  return (
    <Card title="按编号核验">
      <Form<Query> layout="inline" onFinish={(q) => void ask(q)} style={{ rowGap: 12 }}>
        <Form.Item name="number" label="证书编号" rules={[{ required: true, message: '请输入证书编号' }, { min: 4, message: '证书编号至少 4 位' }]}>
          <Input data-testid="verify-number" style={{ width: 240 }} maxLength={64} placeholder="电子证书上的证书编号" />
        </Form.Item>
        <Form.Item name="name" label="持证人姓名" rules={[{ required: true, message: '请输入持证人姓名' }]}>
          <Input data-testid="verify-name" style={{ width: 160 }} maxLength={40} />
        </Form.Item>
        <Form.Item>
          <Button data-testid="verify-submit" type="primary" htmlType="submit" loading={busy}>
            核验
          </Button>
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 16 }} />}
      {answer && status && (
        <VerifyVerdict verdict={status} message={status === '未查询到' ? '未查询到与该编号和姓名相符的电子证书，请核对后重试' : answer.message}>
          {status !== '未查询到' && <CertificateFacts facts={answerFacts(answer)} />}
          {asked && answer.valid && hasRole('admin') && <RevokeCertificate number={asked.number.trim()} onRevoked={() => void ask(asked)} />}
        </VerifyVerdict>
      )}
    </Card>
  );
}
