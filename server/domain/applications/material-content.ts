// An uploaded material is what its bytes are, not what its name or declared type say. The bytes are sniffed at the
// edge (magic bytes, runtime/applications/sniff-upload.ts); this decides, purely, whether that content is one of the
// checklist item's allowed types, and what to store it as.
//
// Text formats have no magic bytes. Explicit rule: content counts as plain text only when it is valid UTF-8 with no
// NUL or other control bytes and no markup (HTML, SVG, XML) near its start; only then can it match an allowed text
// type (text/plain, text/csv, text/markdown). Markup is named as such and never matches a text type.
import type { MaterialDef } from '../rules/types.js';
import { fail, ok, type Problem, type Result } from '../result.js';

export interface SniffedContent {
  /** the media type the bytes are (by magic bytes, or recognised markup); null when nothing matched */
  mime: string | null;
  /** the file extension that goes with it */
  ext: string | null;
  /** UTF-8 text without control bytes and without markup (see above) */
  plainText: boolean;
}

/** what an item accepts when its definition names nothing */
export const DEFAULT_ACCEPT: readonly string[] = ['application/pdf', 'image/jpeg', 'image/png'];

const TEXT_TYPES: ReadonlySet<string> = new Set(['text/plain', 'text/csv', 'text/markdown']);

/** other names browsers and definitions use for the same type */
const ALIASES: Readonly<Record<string, string>> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'image/x-png': 'image/png',
  'application/x-pdf': 'application/pdf',
};

/** the Office 97–2003 formats are all one container (CFB) to magic bytes */
const CONTAINER: Readonly<Record<string, string>> = {
  'application/msword': 'application/x-cfb',
  'application/vnd.ms-excel': 'application/x-cfb',
  'application/vnd.ms-powerpoint': 'application/x-cfb',
};

const LABELS: Readonly<Record<string, string>> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPG',
  'image/png': 'PNG',
  'image/gif': 'GIF',
  'image/webp': 'WEBP',
  'image/tiff': 'TIFF',
  'image/bmp': 'BMP',
  'image/svg+xml': 'SVG',
  'text/html': 'HTML',
  'application/xml': 'XML',
  'text/plain': '纯文本',
  'text/csv': 'CSV',
  'text/markdown': 'Markdown',
  'application/zip': 'ZIP 压缩包',
  'application/x-elf': 'ELF 可执行文件',
  'application/x-msdownload': 'EXE 可执行文件',
  'application/x-mach-binary': 'Mach-O 可执行文件',
  'application/x-cfb': 'Office 97–2003 文档',
  'application/msword': 'Word（DOC）',
  'application/vnd.ms-excel': 'Excel（XLS）',
  'application/vnd.ms-powerpoint': 'PowerPoint（PPT）',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word（DOCX）',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel（XLSX）',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint（PPTX）',
};

const norm = (mime: string): string => {
  const m = mime.trim().toLowerCase().split(';')[0]!.trim();
  return ALIASES[m] ?? m;
};

export const typeLabel = (mime: string): string => LABELS[norm(mime)] ?? mime;

function contentLabel(c: SniffedContent): string {
  if (c.mime) return LABELS[c.mime] ?? (c.ext ? c.ext.toUpperCase() : c.mime);
  return c.plainText ? '纯文本' : '无法识别的二进制内容';
}

// ---- content without magic bytes ----
const MARKUP: readonly [RegExp, string, string][] = [
  [/<(!doctype\s+html|html|head|body|script|iframe|object|embed|meta|style|title|a\s|img|div|table|form|link|base|h1|p[\s>]|br|b[\s>]|font|!--)/, 'text/html', 'html'],
  [/<svg[\s>]/, 'image/svg+xml', 'svg'],
  [/<\?xml[\s?]/, 'application/xml', 'xml'],
];

/** HTML, SVG or XML within the first 4 KiB, else plain UTF-8 text, else unknown binary */
export function sniffWithoutMagic(bytes: Uint8Array): SniffedContent {
  const head = bytes.subarray(0, 4096);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head).toLowerCase();
  for (const [re, mime, ext] of MARKUP) if (re.test(text)) return { mime, ext, plainText: false };
  let utf8 = true;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    utf8 = false;
  }
  // control bytes other than tab, line feed, form feed and carriage return mean binary
  const controls = bytes.some((b) => (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f);
  return { mime: null, ext: null, plainText: utf8 && !controls };
}

// ---- the decision ----
export interface AcceptedContent {
  /** the type to store and serve the file as: what the bytes are */
  mime: string;
  /** the file name to store: the uploaded one, its extension put right when it names another type */
  name: string;
}

const EXT_EQUIV: Readonly<Record<string, string>> = { jpeg: 'jpg', htm: 'html' };
const extOf = (name: string): string | null => {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(name);
  return m ? m[1]!.toLowerCase() : null;
};

function nameFor(name: string, ext: string | null): string {
  if (!ext) return name;
  const have = extOf(name);
  const want = EXT_EQUIV[ext] ?? ext;
  if (have && (EXT_EQUIV[have] ?? have) === want) return name;
  return have ? `${name.slice(0, -have.length)}${ext}` : `${name}.${ext}`;
}

/**
 * Whether the sniffed content is one of the item's allowed types (and the declared type too); the refusal names the
 * item and says what the content is, e.g. 「学历证书」只接受 PDF、JPG、PNG 文件，上传的内容是 HTML.
 */
export function checkMaterialContent(
  item: Pick<MaterialDef, 'id' | 'name' | 'accept'>,
  content: SniffedContent,
  declared: { mime: string; name: string },
): Result<AcceptedContent> {
  const allowed = (item.accept?.length ? item.accept : DEFAULT_ACCEPT).map(norm);
  const allowedText = [...new Set(allowed.map(typeLabel))].join('、');
  const pointer = `/materials/${item.id}`;
  const problems: Problem[] = [];
  let mime: string | undefined;
  if (content.plainText) {
    const texts = allowed.filter((t) => TEXT_TYPES.has(t));
    mime = texts.includes(norm(declared.mime)) ? norm(declared.mime) : texts[0];
  } else if (content.mime) {
    const sniffed = content.mime;
    const matches = allowed.filter((t) => t === sniffed || CONTAINER[t] === sniffed);
    mime = matches.includes(norm(declared.mime)) ? norm(declared.mime) : matches[0];
  }
  if (!mime) {
    problems.push({ code: 'materials.bad_content', message: `「${item.name}」只接受 ${allowedText} 文件，上传的内容是 ${contentLabel(content)}`, pointer });
  }
  if (!allowed.includes(norm(declared.mime))) {
    problems.push({ code: 'materials.bad_type', message: `「${item.name}」只接受 ${allowedText} 文件，上传的文件声明为 ${declared.mime || '未知类型'}`, pointer });
  }
  if (problems.length > 0 || !mime) return fail(problems[0]!.code, problems[0]!.message, problems);
  return ok({ mime, name: nameFor(declared.name, content.plainText ? null : content.ext) });
}
