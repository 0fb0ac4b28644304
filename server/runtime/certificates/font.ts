// The CJK font the certificate PDF embeds (pdfkit subsets it through fontkit, so the file stays small).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/** common Debian/Ubuntu CJK fonts, in order of preference; `apt-get install fonts-wqy-microhei` gives the first */
export const DEFAULT_CJK_FONTS = [
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
  '/usr/share/fonts/truetype/arphic/uming.ttc',
  '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf',
];

export interface CertificateFont {
  file: string;
  /** the PostScript name of the face to use when the file is a collection (.ttc) */
  family?: string;
}

interface FontkitFace {
  postscriptName?: string;
}
interface Fontkit {
  openSync(path: string): FontkitFace & { fonts?: FontkitFace[] };
}

// the fontkit pdfkit itself depends on: the same parser reads the collection's face names
const fontkit = (): Fontkit => {
  const fromPdfkit = createRequire(createRequire(import.meta.url).resolve('pdfkit'));
  return fromPdfkit('fontkit') as Fontkit;
};

const cache = new Map<string, CertificateFont | null>();

/** the configured font (CERT_FONT_FILE), else the first default that exists; null when none can be read */
export function certificateFont(configured: string | undefined): CertificateFont | null {
  const file = configured ?? DEFAULT_CJK_FONTS.find((f) => existsSync(f));
  if (!file || !existsSync(file)) return null;
  if (cache.has(file)) return cache.get(file) ?? null;
  let found: CertificateFont | null = null;
  try {
    const opened = fontkit().openSync(file);
    const family = opened.fonts ? opened.fonts[0]?.postscriptName : undefined;
    found = opened.fonts && !family ? null : { file, ...(family ? { family } : {}) };
  } catch {
    found = null;
  }
  cache.set(file, found);
  return found;
}
