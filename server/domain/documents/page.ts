// Wrap a rendered body in a printable A4 HTML document. Fonts: the server's headless
// Chromium has WenQuanYi Micro Hei installed; serif is the last resort.
import { hb } from './instance.js';

export const PRINT_CSS = `
@page { size: A4; margin: 18mm; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", serif; font-size: 11pt; line-height: 1.5; color: #000; margin: 0; }
h1 { font-size: 18pt; text-align: center; margin: 0 0 6mm; }
h2 { font-size: 13pt; margin: 5mm 0 2mm; }
table { width: 100%; border-collapse: collapse; margin: 2mm 0; page-break-inside: auto; }
tr { page-break-inside: avoid; }
th, td { border: 1px solid #000; padding: 1.5mm 2mm; vertical-align: top; text-align: left; }
th { background: #f2f2f2; font-weight: bold; }
thead { display: table-header-group; }
.page-break { page-break-after: always; }
.signature { margin-top: 10mm; text-align: right; }
@media screen { body { max-width: 210mm; margin: 0 auto; padding: 18mm; } }
`.trim();

export function htmlPage(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${hb.escapeExpression(title)}</title>
<style>
${PRINT_CSS}
</style>
</head>
<body>
${body}
</body>
</html>
`;
}
