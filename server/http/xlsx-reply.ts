// Sends lists as an Excel workbook, streamed: rows are written into the zip as they come, so a 100 000-row
// export never sits in memory (exceljs' streaming WorkbookWriter into the reply, waiting when the client is slow).
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';

export type XlsxValue = string | number | Date | undefined;
export type XlsxRow = Record<string, XlsxValue>;

export interface XlsxColumn {
  header: string;
  key: string;
  /** in characters; guessed from the header and the first rows when absent */
  width?: number;
  /** number format of Date cells in this column (default 年-月-日) */
  dateFormat?: string;
}

export interface XlsxSheet {
  name: string;
  /** a merged title row above the header, e.g. 2022年度 工程系列 副高级 申报人员花名册 */
  title?: string;
  columns: XlsxColumn[];
  rows: AsyncIterable<XlsxRow> | Iterable<XlsxRow>;
}

export interface XlsxWorkbook {
  /** shown to the person saving it, Chinese allowed; `.xlsx` is added when missing */
  fileName: string;
  sheets: XlsxSheet[];
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const BEIJING_OFFSET_MS = 8 * 3600_000;
/** rows looked at before the first is written, to size the columns */
const SAMPLE_ROWS = 50;
const MAX_WIDTH = 60;

/**
 * A calendar date (`1985-03` or `1985-03-01`) as the Date that shows that day in the workbook; undefined when the
 * text is no date (then write the text itself).
 */
export function calendarDate(text: string | undefined): Date | undefined {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(text ?? '');
  if (!m) return undefined;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, m[3] ? Number(m[3]) : 1) - BEIJING_OFFSET_MS);
}

/** `attachment` with an ASCII fallback and the real (Chinese) name per RFC 5987/6266 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  // encodeURIComponent leaves ' ( ) * ! unescaped; RFC 5987's attr-char does not allow the first four
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * A text a spreadsheet would run as a formula when it is edited or saved as CSV (= + - @, tab, CR first) is kept as
 * it is but formatted as text ('@'), so Excel and WPS never evaluate it.
 */
export const looksLikeFormula = (value: string): boolean => /^[=+\-@\t\r]/.test(value);

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ] */
const sheetName = (name: string, used: Set<string>): string => {
  const base = name.replace(/[:\\/?*[\]]/g, '_').slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let i = 2; used.has(candidate); i += 1) candidate = `${base.slice(0, 28)}(${i})`;
  used.add(candidate);
  return candidate;
};

/** display width: a Chinese character takes two columns */
const textWidth = (value: XlsxValue): number => {
  if (value === undefined) return 0;
  if (value instanceof Date) return 12;
  let w = 0;
  for (const ch of String(value)) w += (ch.codePointAt(0) ?? 0) > 0x2e7f ? 2 : 1;
  return w;
};

async function* iterate(rows: AsyncIterable<XlsxRow> | Iterable<XlsxRow>): AsyncGenerator<XlsxRow> {
  for await (const row of rows) yield row;
}

/** waits while the reply's buffer is full, so a slow client slows the export instead of filling memory */
const drained = (out: PassThrough): Promise<void> =>
  out.writableNeedDrain && !out.destroyed ? new Promise((resolve) => (out.once('drain', () => resolve()), out.once('close', () => resolve()))) : Promise.resolve();

function setCell(cell: ExcelJS.Cell, value: XlsxValue, column: XlsxColumn): void {
  if (value === undefined || value === '') return;
  if (value instanceof Date) {
    // shown as the wall clock in China, where the platform's dates are counted
    cell.value = new Date(value.getTime() + BEIJING_OFFSET_MS);
    cell.numFmt = column.dateFormat ?? 'yyyy-mm-dd';
    return;
  }
  if (typeof value === 'string' && looksLikeFormula(value)) cell.numFmt = '@';
  cell.value = value;
}

async function writeSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, sheet: XlsxSheet, name: string, out: PassThrough, signal: AbortSignal | undefined): Promise<void> {
  const headerRowNo = sheet.title ? 2 : 1;
  const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: headerRowNo }] });
  const rows = iterate(sheet.rows);
  const sample: XlsxRow[] = [];
  while (sample.length < SAMPLE_ROWS) {
    const next = await rows.next();
    if (next.done) break;
    sample.push(next.value);
  }
  ws.columns = sheet.columns.map((c) => ({
    key: c.key,
    width: c.width ?? Math.min(MAX_WIDTH, Math.max(8, textWidth(c.header) + 2, ...sample.map((r) => textWidth(r[c.key]) + 2))),
  }));
  if (sheet.title) {
    const title = ws.getRow(1);
    title.getCell(1).value = sheet.title;
    title.getCell(1).font = { bold: true, size: 14 };
    title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
    title.height = 28;
    if (sheet.columns.length > 1) ws.mergeCells(1, 1, 1, sheet.columns.length);
    title.commit();
  }
  const header = ws.getRow(headerRowNo);
  sheet.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = { bottom: { style: 'thin' } };
  });
  header.commit();
  let rowNo = headerRowNo;
  const write = async (data: XlsxRow): Promise<void> => {
    rowNo += 1;
    const row = ws.getRow(rowNo);
    sheet.columns.forEach((c, i) => setCell(row.getCell(i + 1), data[c.key], c));
    row.commit();
    if (rowNo % 500 === 0) {
      await drained(out);
      // the client went away: stop pulling rows (and so the store's pages)
      signal?.throwIfAborted();
    }
  };
  for (const data of sample) await write(data);
  for await (const data of rows) await write(data);
  ws.commit();
}

/**
 * Streams the workbook as the reply. Errors before the first row reach Fastify's error handler as usual; an error
 * while rows stream (the status line is already sent) ends the download broken, which the browser reports.
 */
export async function sendXlsx(reply: FastifyReply, book: XlsxWorkbook): Promise<FastifyReply> {
  const fileName = /\.xlsx$/i.test(book.fileName) ? book.fileName : `${book.fileName}.xlsx`;
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const used = new Set<string>();
  const names = book.sheets.map((s) => sheetName(s.name, used));
  // undefined in an app without server/http/abandoned.ts (a spec's own Fastify)
  const signal: AbortSignal | undefined = reply.request.abandoned;
  void (async () => {
    for (const [i, sheet] of book.sheets.entries()) await writeSheet(workbook, sheet, names[i] ?? `Sheet${i + 1}`, out, signal);
    await workbook.commit();
  })().catch((err: unknown) => {
    if (!signal?.aborted) reply.log.error({ err }, 'xlsx export failed while streaming');
    out.destroy(err instanceof Error ? err : new Error(String(err)));
  });
  return reply
    .header('content-type', XLSX_MIME)
    .header('content-disposition', attachmentDisposition(fileName))
    .header('cache-control', 'no-store')
    .send(out);
}
