// 离线核验: the person picks a saved certificate file (certificate.json) and a saved key file (the published
// zc-certificate-keys.json); the page checks the signature here, without any call to the server.
import { Alert, Button, Card, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { CertificateFacts, documentFacts } from './CertificateFacts.js';
import { asSignedCertificate, checkSignature, publishedKeys } from './verify-signature.js';
import { VerifyVerdict, type Verdict } from './VerifyVerdict.js';

interface Picked {
  name: string;
  text: string;
}

type Outcome = { verdict: Verdict; message: string; document?: Record<string, unknown> };

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export function offlineOutcome(certificate: Picked, keyFile: Picked): Outcome {
  const signed = asSignedCertificate(parse(certificate.text));
  if (!signed) return { verdict: '无法识别', message: `${certificate.name} 不是本平台的电子证书文件` };
  const keys = publishedKeys(parse(keyFile.text));
  if (keys.length === 0) return { verdict: '无法识别', message: `${keyFile.name} 不是平台公布的公钥文件（zc-certificate-keys.json）` };
  const check = checkSignature(signed, keys);
  if (!check.ok) return { verdict: '证书签名无效', message: '证书内容被改动，或并非本平台签发（也可能公钥文件过旧）' };
  const status = check.document.status;
  if (status === '已撤销') return { verdict: '已撤销', message: `证书签名有效，证书已于 ${(check.document.revokedAt ?? '').slice(0, 10)} 撤销`, document: signed.document };
  return { verdict: status === '受限' ? '受限' : '有效', message: '证书签名有效：由本平台签发，内容未被改动', document: signed.document };
}

function FilePick({ testId, label, picked, onPick }: { testId: string; label: string; picked?: Picked; onPick: (p: Picked) => void }) {
  return (
    <Space>
      <Upload
        accept=".json,application/json"
        maxCount={1}
        showUploadList={false}
        beforeUpload={(file) => {
          void file.text().then((text) => onPick({ name: file.name, text }));
          // read here, never uploaded
          return false;
        }}
      >
        <Button data-testid={testId}>{label}</Button>
      </Upload>
      <Typography.Text type="secondary">{picked ? picked.name : '未选择文件'}</Typography.Text>
    </Space>
  );
}

export function OfflineVerify() {
  const [certificate, setCertificate] = useState<Picked>();
  const [keyFile, setKeyFile] = useState<Picked>();
  const [outcome, setOutcome] = useState<Outcome>();
  return (
    <Card title="离线核验">
      <Typography.Paragraph>
        选择保存的电子证书文件和平台公布的公钥文件（zc-certificate-keys.json），在本机核验证书签名，不连接服务器。离线核验只能证明证书由平台签发且内容未被改动；证书签发后是否被撤销，请凭证书编号和姓名在线核验。
      </Typography.Paragraph>
      <Space orientation="vertical">
        <FilePick testId="offline-certificate" label="选择证书文件" picked={certificate} onPick={(p) => { setCertificate(p); setOutcome(undefined); }} />
        <FilePick testId="offline-keys" label="选择公钥文件" picked={keyFile} onPick={(p) => { setKeyFile(p); setOutcome(undefined); }} />
        <Button data-testid="offline-check" type="primary" disabled={!certificate || !keyFile} onClick={() => certificate && keyFile && setOutcome(offlineOutcome(certificate, keyFile))}>
          核验
        </Button>
      </Space>
      {outcome && (
        <VerifyVerdict verdict={outcome.verdict} message={outcome.message}>
          {outcome.document && <CertificateFacts facts={documentFacts(outcome.document)} />}
          {outcome.document && outcome.verdict !== '已撤销' && <Alert type="info" showIcon message="离线核验不能得知证书签发后是否被撤销，请凭证书编号和姓名在线核验。" />}
        </VerifyVerdict>
      )}
    </Card>
  );
}
