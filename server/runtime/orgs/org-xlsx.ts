// The org spreadsheet: a template with Chinese headers, and reading an uploaded one as rows.
// The upload is untrusted: its size is capped by the route, its bytes must be an xlsx (sniffed, not named),
// its unpacked size and row count are capped before and while reading; formulas are read as their cached text.
import ExcelJS from 'exceljs';
import { fileTypeFromBuffer } from 'file-type';
import { ORG_KIND_LABELS, ORG_KINDS } from '../../domain/orgs/org-kinds.js';
import type { ImportRow } from '../../domain/orgs/org-import-plan.js';
import { POST_GRADES } from '../../domain/orgs/org-posts.js';
import { fail, ok, type Result } from '../../domain/result.js';
import { zipSize } from './zip-size.js';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const IMPORT_LIMITS = { bytes: 2 * 1_048_576, unpacked: 20 * 1_048_576, entries: 200, rows: 2000 } as const;

type Column = { key: string; header: string; width: number };
/** the template's columns; exports write the same (runtime/exports/org-export-rows.ts) so a file imports back */
export const COLUMNS: Column[] = [
  { key: 'id', header: '机构编号（新建留空）', width: 22 },
  { key: 'name', header: '机构名称', width: 36 },
  { key: 'kind', header: '机构类型', width: 22 },
  { key: 'parent', header: '上级机构（名称或编号）', width: 30 },
  { key: 'code', header: '行政区划代码', width: 14 },
  { key: 'year', header: '核定年度', width: 10 },
  { key: 'total', header: '专业技术岗位总数', width: 16 },
  ...POST_GRADES.map((g) => ({ key: `byGrade/${g}`, header: `${g}岗位数`, width: 12 })),
  ...POST_GRADES.map((g) => ({ key: `ratio/${g}`, header: `${g}比例（%）`, width: 14 })),
];

export async function orgTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('机构');
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const kinds = `"${ORG_KINDS.map((k) => ORG_KIND_LABELS[k]).join(',')}"`;
  for (let r = 2; r <= 500; r += 1) sheet.getCell(r, 3).dataValidation = { type: 'list', allowBlank: true, formulae: [kinds] };
  const help = wb.addWorksheet('填写说明');
  [
    '每行一个机构，从第 2 行起填写；不要改动第 1 行的表头。',
    '机构编号：新建机构留空（系统自动编号）；填写已有机构的编号则更新该机构的名称、上级和岗位数。',
    '机构类型：从下拉列表中选择。',
    '上级机构：填写已有机构的名称或编号，也可以是本表中其他行的机构名称。',
    '岗位数（D13）：按旗县（盟市所属单位）或主管部门（区直单位）填写专业技术岗位总数、各等级岗位数和结构比例（%）。',
    `任何一行有错时不导入任何机构，并逐行列出错误。最多 ${IMPORT_LIMITS.rows} 行，文件不超过 2 MB。`,
  ].forEach((line) => help.addRow([line]));
  help.getColumn(1).width = 100;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const refuse = (code: string, message: string) => fail(`org_import.${code}`, message, [{ code: `org_import.${code}`, message, pointer: '/file' }]);

export async function readOrgRows(bytes: Buffer): Promise<Result<ImportRow[]>> {
  if (bytes.length === 0) return refuse('empty_file', '上传的文件是空的');
  if (bytes.length > IMPORT_LIMITS.bytes) return refuse('too_large', '文件超过 2 MB，请拆分后分批导入');
  const type = await fileTypeFromBuffer(bytes);
  if (type?.mime !== XLSX_MIME) return refuse('not_xlsx', `文件内容不是 Excel 工作簿（.xlsx）${type ? `，而是 ${type.ext}` : ''}；请使用下载的模板`);
  const size = zipSize(bytes);
  if (!size) return refuse('not_xlsx', '文件已损坏，无法读取为 Excel 工作簿（.xlsx）');
  if (size.entries > IMPORT_LIMITS.entries || size.uncompressed > IMPORT_LIMITS.unpacked) return refuse('too_large', '工作簿解压后过大，请只保留机构数据后重新上传');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return refuse('not_xlsx', '文件已损坏，无法读取为 Excel 工作簿（.xlsx）');
  }
  const sheet = wb.worksheets[0];
  if (!sheet) return refuse('no_sheet', '工作簿中没有工作表');
  if (sheet.actualRowCount > IMPORT_LIMITS.rows + 1) return refuse('too_many_rows', `最多导入 ${IMPORT_LIMITS.rows} 行，本表有 ${sheet.actualRowCount - 1} 行`);
  const headers = COLUMNS.map((_, i) => sheet.getRow(1).getCell(i + 1).text.trim());
  const wrong = COLUMNS.findIndex((c, i) => headers[i] !== c.header);
  if (wrong >= 0) return refuse('headers', `第 1 行第 ${wrong + 1} 列应为「${COLUMNS[wrong]!.header}」，实为「${headers[wrong]!.slice(0, 30)}」；请使用下载的模板`);
  const rows: ImportRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    if (n === 1) return;
    const text = (i: number) => row.getCell(i + 1).text.slice(0, 200);
    const cells = COLUMNS.map((_, i) => text(i));
    if (cells.every((c) => c.trim() === '')) return;
    const at = (key: string) => cells[COLUMNS.findIndex((c) => c.key === key)] ?? '';
    rows.push({
      row: n,
      id: at('id'),
      name: at('name'),
      kind: at('kind'),
      parent: at('parent'),
      code: at('code'),
      year: at('year'),
      total: at('total'),
      byGrade: Object.fromEntries(POST_GRADES.map((g) => [g, at(`byGrade/${g}`)])) as ImportRow['byGrade'],
      ratio: Object.fromEntries(POST_GRADES.map((g) => [g, at(`ratio/${g}`)])) as ImportRow['ratio'],
    });
  });
  return ok(rows);
}
