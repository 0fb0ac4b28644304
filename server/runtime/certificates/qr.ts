// The QR code image of a certificate's verification link: a PNG for the PDF and the printable page.
import QRCode from 'qrcode';

/**
 * Error correction M (15%): a printed, slightly worn code still reads; the link is under 1.5 KB. A whole number of
 * pixels a module: a width that is not a multiple of the module count gives uneven modules that readers miss.
 */
export async function qrPng(text: string, pixelsPerModule = 6): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 4, scale: pixelsPerModule });
}

/** the same code as SVG for the printable page: sharp at any screen density and on paper */
export async function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
}

/** the code's dark modules as horizontal runs [row, firstColumn, length], for drawing it as vectors (the PDF) */
export function qrRuns(text: string): { size: number; runs: [number, number, number][] } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const runs: [number, number, number][] = [];
  for (let r = 0; r < modules.size; r++) {
    for (let c = 0; c < modules.size; ) {
      if (!modules.get(r, c)) {
        c++;
        continue;
      }
      const start = c;
      while (c < modules.size && modules.get(r, c)) c++;
      runs.push([r, start, c - start]);
    }
  }
  return { size: modules.size, runs };
}
