// 扫码核验: the QR code's link carries the signed certificate (?c=). The page decodes it, checks the Ed25519
// signature here in the browser against the published keys, then asks the server for the current status.
// A tampered or unreadable payload is refused and nothing of it is shown.
import { Alert, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { decodeVerifyPayload } from '../../../server/domain/certificates/verify-link.js';
import { api, errorText } from '../api.js';
import { CertificateFacts, documentFacts } from './CertificateFacts.js';
import { checkSignature, publishedKeys } from './verify-signature.js';
import { statusOf, type VerifyAnswer } from './verify-types.js';
import { VerifyVerdict } from './VerifyVerdict.js';

type State =
  | { step: 'checking' }
  | { step: 'malformed' }
  | { step: 'bad-signature' }
  | { step: 'checked'; document: Record<string, unknown>; answer?: VerifyAnswer; statusError?: string };

export const KEYS_URL = '/.well-known/zc-certificate-keys.json';

async function verifyLink(c: string): Promise<State> {
  const decoded = decodeVerifyPayload(c);
  if (!decoded.ok) return { step: 'malformed' };
  const keys = publishedKeys(await api.get<unknown>(KEYS_URL));
  const check = checkSignature(decoded.value, keys);
  if (!check.ok) return { step: 'bad-signature' };
  try {
    const answer = await api.post<VerifyAnswer>('/api/certificates/verify-document', decoded.value);
    return { step: 'checked', document: decoded.value.document, answer };
  } catch (e) {
    return { step: 'checked', document: decoded.value.document, statusError: errorText(e) };
  }
}

export function LinkVerify({ c }: { c: string }) {
  const [state, setState] = useState<State>({ step: 'checking' });
  const [error, setError] = useState<string>();
  useEffect(() => {
    setState({ step: 'checking' });
    verifyLink(c).then(setState, (e: unknown) => setError(errorText(e)));
  }, [c]);

  if (error) return <Alert type="error" showIcon message={`暂时无法核验：${error}`} />;
  if (state.step === 'checking') return <Spin tip="正在核验证书签名…"><div style={{ height: 120 }} /></Spin>;
  if (state.step === 'malformed') return <VerifyVerdict verdict="无法识别" message="无法识别的证书数据，请重新扫描证书上的二维码" />;
  if (state.step === 'bad-signature') return <VerifyVerdict verdict="证书签名无效" message="证书内容被改动，或并非本平台签发" />;
  const { answer, statusError, document } = state;
  if (!answer)
    return (
      <VerifyVerdict verdict={document['status'] === '已撤销' ? '已撤销' : '有效'} message="证书签名有效，但暂时无法查询证书当前状态">
        <Alert type="warning" showIcon message={statusError} style={{ marginBottom: 16 }} />
        <CertificateFacts facts={documentFacts(document)} />
      </VerifyVerdict>
    );
  const status = statusOf(answer);
  return (
    <VerifyVerdict verdict={status} message={status === '未查询到' ? '证书签名有效，但未查询到该证书' : `证书签名有效。${answer.message}`}>
      <CertificateFacts facts={documentFacts(document)} />
    </VerifyVerdict>
  );
}
