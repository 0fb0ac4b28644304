// The certificate as an A4 PDF the holder keeps: the signed document's words, its current status, and the QR code
// of the verification link. pdfkit embeds the CJK font as a subset, so the file is small and prints anywhere.
import PDFDocument from 'pdfkit';
import type { CertificateDocument } from '../../domain/certificates/document.js';
import type { CertificateFont } from './font.js';

export const CERTIFICATE_TITLE = '专业技术职务任职资格证书';

export interface CertificatePdfInput {
  document: CertificateDocument;
  /** the status now: the document's, or 已撤销 when revoked after issue */
  status: string;
  /** the verification link the QR code carries */
  verifyLink: string;
  /** the verify page without the payload, printed under the code for people who type */
  verifyPage: string;
  qrPng: Buffer;
  font: CertificateFont;
}

/** the rows in reading order; the restriction (D12) only when there is one */
export function certificateRows(doc: CertificateDocument, status: string): [string, string][] {
  return [
    ['姓　　名', doc.holder],
    ['身份证号', doc.idNumber],
    ['职称系列', doc.series],
    ['资格级别', doc.grade],
    ['资格名称', doc.title],
    ['评审（认定）机构', doc.committee],
    ['核准日期', doc.approvedAt],
    ['证书编号', doc.number],
    ...(doc.restriction ? ([['使用范围', doc.restriction]] as [string, string][]) : []),
    ['证书状态', status],
  ];
}

export function certificatePdf(input: CertificatePdfInput): Promise<Buffer> {
  const { document: doc } = input;
  const pdf = new PDFDocument({
    size: 'A4',
    margin: 0,
    // the issue date, not the wall clock: the same certificate makes the same file
    info: { Title: `${CERTIFICATE_TITLE} ${doc.number}`, Author: doc.committee, CreationDate: new Date(doc.issuedAt) },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  pdf.registerFont('cjk', input.font.file, input.font.family);
  pdf.font('cjk');
  const W = pdf.page.width;
  const H = pdf.page.height;

  // a double frame in the colour of a paper certificate
  pdf.lineWidth(3).strokeColor('#9b1c1c').rect(28, 28, W - 56, H - 56).stroke();
  pdf.lineWidth(1).rect(36, 36, W - 72, H - 72).stroke();

  pdf.fillColor('#9b1c1c').fontSize(28).text(CERTIFICATE_TITLE, 0, 100, { width: W, align: 'center', characterSpacing: 2 });
  pdf.fillColor('#333333').fontSize(12).text('电子证书', 0, 144, { width: W, align: 'center' });

  const labelX = 110;
  const valueX = 250;
  let y = 200;
  for (const [label, value] of certificateRows(doc, input.status)) {
    pdf.fillColor('#555555').fontSize(13).text(label, labelX, y, { width: valueX - labelX - 10 });
    const tone = label === '证书状态' && value === '已撤销' ? '#b91c1c' : '#111111';
    pdf.fillColor(tone).fontSize(14).text(value, valueX, y - 1, { width: W - valueX - 90 });
    y = Math.max(pdf.y, y + 20) + 12;
  }

  const qrSize = 170;
  const qrY = Math.max(y + 20, H - 110 - qrSize - 60);
  pdf.image(input.qrPng, (W - qrSize) / 2, qrY, { width: qrSize, height: qrSize });
  pdf
    .fillColor('#333333')
    .fontSize(11)
    .text(`扫描二维码或访问 ${input.verifyPage} 核验`, 60, qrY + qrSize + 10, { width: W - 120, align: 'center' });
  pdf
    .fillColor('#777777')
    .fontSize(9)
    .text('本证书经数字签名，内容与状态以核验结果为准。', 60, H - 80, { width: W - 120, align: 'center' });
  pdf.end();
  return done;
}
