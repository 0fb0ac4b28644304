// The QR code image of a certificate's verification link: a PNG for the PDF and the printable page.
import QRCode from 'qrcode';

/** error correction M (15%): a printed, slightly worn code still reads; the link is under 1.5 KB */
export async function qrPng(text: string, widthPx = 600): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 4, width: widthPx });
}

/** the same code as SVG for the printable page: sharp at any screen density and on paper */
export async function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
}
