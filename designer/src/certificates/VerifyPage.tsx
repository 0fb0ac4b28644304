// 证书核验 (public): by number + name, by the QR code's link, or offline with only the published public key.
import { Result } from 'antd';

export default function VerifyPage(_props: { query: URLSearchParams; offline: boolean }) {
  return <Result status="info" title="证书核验" />;
}
