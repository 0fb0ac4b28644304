// The two documents the platform writes for the filing package, as xlsx kept with the package (so the province reads
// exactly what was submitted): 通过人员花名册 (passed candidates per group with their votes) and 公示情况及投诉处理记录.
import ExcelJS from 'exceljs';
import type { FilingCandidate } from './filing-candidates.js';

type Cell = string | number | undefined;
/** what Excel or WPS would run as a formula (= + - @ first) */
const looksLikeFormula = (v: string): boolean => /^[=+\-@\t\r]/.test(v);

function sheet(book: ExcelJS.Workbook, name: string, title: string, headers: string[], rows: Cell[][]): void {
  const ws = book.addWorksheet(name);
  ws.mergeCells(1, 1, 1, headers.length);
  const t = ws.getCell(1, 1);
  t.value = title;
  t.font = { bold: true, size: 14 };
  t.alignment = { horizontal: 'center' };
  const header = ws.getRow(2);
  headers.forEach((h, i) => {
    header.getCell(i + 1).value = h;
    header.getCell(i + 1).font = { bold: true };
  });
  rows.forEach((r, n) => {
    const row = ws.getRow(n + 3);
    r.forEach((v, i) => {
      if (v === undefined || v === '') return;
      const cell = row.getCell(i + 1);
      // a name like "=1+1" stays text, never a formula
      if (typeof v === 'string' && looksLikeFormula(v)) cell.numFmt = '@';
      cell.value = v;
    });
  });
  ws.columns.forEach((c, i) => {
    c.width = Math.max(8, Math.min(40, ...[headers[i] ?? '', ...rows.map((r) => String(r[i] ?? ''))].map((s) => s.length * 2 + 2)));
  });
}

export const ROSTER_HEADERS = ['序号', '评审组', '姓名', '工作单位', '系列', '职称', '同意票', '出席评委'];

export async function rosterXlsx(title: string, candidates: readonly FilingCandidate[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const passed = candidates.filter((c) => c.passed);
  const groups = [...new Set(passed.map((c) => c.groupName))];
  const rows = groups.flatMap((g) => passed.filter((c) => c.groupName === g)).map((c, i): Cell[] => [i + 1, c.groupName, c.applicantName, c.unitName, c.seriesName, c.title, c.approvals, c.attending]);
  sheet(book, '通过人员花名册', `${title} 通过人员花名册`, ROSTER_HEADERS, rows);
  return Buffer.from(await book.xlsx.writeBuffer());
}

export const PUBLICITY_HEADERS = ['序号', '姓名', '职称', '评审结果', '公示开始', '公示结束', '投诉情况', '处理结果'];

export async function publicityRecordXlsx(title: string, candidates: readonly FilingCandidate[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const rows = candidates.map((c, i): Cell[] => [
    i + 1,
    c.applicantName,
    c.title,
    c.resultLabel,
    c.publicityOpenedOn,
    c.publicityClosedOn,
    c.complaints.length === 0 ? '无投诉' : c.complaints.map((x) => `${x.at} ${x.step}`).join('；'),
    c.complaints.length === 0 ? '' : c.complaints.map((x) => `${x.decision}${x.opinion ? `：${x.opinion}` : ''}`).join('；'),
  ]);
  sheet(book, '公示情况及投诉处理记录', `${title} 结果公示情况及投诉处理记录`, PUBLICITY_HEADERS, rows);
  return Buffer.from(await book.xlsx.writeBuffer());
}
