// The holder's printable A4 certificate with its QR code: the rows the PDF prints (one list, print-rows.ts), the
// QR image of the verification link from the server, and 打印 / 下载 PDF / 下载证书文件. The print stylesheet keeps
// only the sheet.
import { Alert, Button, Space, Spin } from 'antd';
import type { CertificateDocument } from '../../../server/domain/certificates/document.js';
import { CERTIFICATE_TITLE, certificateRows } from '../../../server/domain/certificates/print-rows.js';
import { api } from '../api.js';
import { href } from '../common/router.js';
import { useLoad } from '../common/useLoad.js';
import './CertificatePrint.css';

interface CertificateView {
  document: CertificateDocument;
  status: string;
  verifyLink: string;
  verifyPage: string;
}

export default function CertificatePrint({ applicationId }: { applicationId: string }) {
  const base = `/api/applications/${encodeURIComponent(applicationId)}`;
  const view = useLoad(() => api.get<CertificateView>(`${base}/certificate-view`), [base]);
  if (view.loading) return <Spin />;
  if (view.error || !view.data) return <Alert type="info" showIcon message={view.error ?? '这份申报尚未取得电子证书'} />;
  const { document: doc, status, verifyPage } = view.data;
  return (
    <div className="zc-cert" data-testid="certificate-print">
      <Space className="zc-cert-toolbar" wrap>
        <Button type="primary" onClick={() => window.print()}>
          打印
        </Button>
        <Button href={`${base}/certificate.pdf`} download>
          下载 PDF
        </Button>
        <Button href={`${base}/certificate.json`} download>
          下载证书文件
        </Button>
        <Button type="link" href={href('/my')}>
          返回我的申报
        </Button>
      </Space>
      <article className="zc-cert-sheet" data-testid="certificate-sheet" aria-label={CERTIFICATE_TITLE}>
        <h1>{CERTIFICATE_TITLE}</h1>
        <p className="zc-cert-sub">电子证书</p>
        <dl className="zc-cert-rows">
          {certificateRows(doc, status).map(([label, value]) => (
            <div key={label} className={label === '证书状态' && value !== '有效' ? 'zc-cert-row zc-cert-alert' : 'zc-cert-row'}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <figure className="zc-cert-qr">
          <img src={`${base}/certificate-qr.svg`} alt="证书核验二维码" data-testid="certificate-qr" />
          <figcaption>扫描二维码或访问 {verifyPage} 核验</figcaption>
        </figure>
        <p className="zc-cert-foot">本证书经数字签名，内容与状态以核验结果为准。</p>
      </article>
    </div>
  );
}
