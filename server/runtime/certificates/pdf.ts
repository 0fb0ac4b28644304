// The certificate as an A4 PDF the holder keeps: the signed document's words, its current status, and the QR code
// of the verification link. pdfkit embeds the CJK font as a subset, so the file is small and prints anywhere.
import PDFDocument from 'pdfkit';
import type { CertificateDocument } from '../../domain/certificates/document.js';
import { CERTIFICATE_TITLE, certificateRows } from '../../domain/certificates/print-rows.js';
import type { CertificateFont } from './font.js';

export interface CertificatePdfInput {
  document: CertificateDocument;
  /** the status now: the document's, or 已撤销 when revoked after issue */
  status: string;
  /** the verification link the QR code carries */
  verifyLink: string;
  /** the verify page without the payload, printed under the code for people who type */
  verifyPage: string;
  /** the QR code's dark modules (qr.ts qrRuns): drawn as vectors, sharp on any printer */
  qr: { size: number; runs: [number, number, number][] };
  font: CertificateFont;
}

/** the code with its quiet zone of 4 modules, white behind it */
function drawQr(pdf: PDFKit.PDFDocument, qr: CertificatePdfInput['qr'], x: number, y: number, size: number): void {
  const m = size / (qr.size + 8);
  pdf.rect(x, y, size, size).fill('#ffffff');
  for (const [row, col, len] of qr.runs) pdf.rect(x + (col + 4) * m, y + (row + 4) * m, len * m, m);
  pdf.fill('#000000');
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

  pdf.fillColor('#9b1c1c').fontSize(28).text(CERTIFICATE_TITLE, 0, 88, { width: W, align: 'center', characterSpacing: 2 });
  pdf.fillColor('#333333').fontSize(12).text('电子证书', 0, 130, { width: W, align: 'center' });

  const labelX = 100;
  const valueX = 230;
  let y = 172;
  for (const [label, value] of certificateRows(doc, input.status)) {
    pdf.fillColor('#555555').fontSize(12).text(label, labelX, y + 1, { width: valueX - labelX - 10 });
    const tone = label === '证书状态' && value !== '有效' ? '#b91c1c' : '#111111';
    pdf.fillColor(tone).fontSize(13).text(value, valueX, y, { width: W - valueX - 90 });
    y = Math.max(pdf.y, y + 17) + 10;
  }

  // the code takes what room the rows leave, never less than ~0.5 mm a module for a ~1 KB link
  const footerY = H - 66;
  const qrSize = Math.max(140, Math.min(180, footerY - 34 - (y + 12)));
  const qrY = Math.min(footerY - 34 - qrSize, Math.max(y + 12, footerY - 34 - qrSize - 40));
  drawQr(pdf, input.qr, (W - qrSize) / 2, qrY, qrSize);
  pdf
    .fillColor('#333333')
    .fontSize(10.5)
    .text(`扫描二维码或访问 ${input.verifyPage} 核验`, 60, qrY + qrSize + 8, { width: W - 120, align: 'center' });
  pdf
    .fillColor('#777777')
    .fontSize(9)
    .text('本证书经数字签名，内容与状态以核验结果为准。', 60, footerY, { width: W - 120, align: 'center' });
  pdf.end();
  return done;
}
