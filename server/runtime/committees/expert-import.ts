// 专家库 from a spreadsheet (columns 姓名, 专业, 职称, 工作单位, 所在盟市, 手机, 邮箱, 担任评委年度): all rows or none.
// Names are matched to the committee's specialties, the org tree's units and leagues; years read as
// "2019、2020" or "2019-2021". An expert already in the pool (same name and unit) gets the row's fields and years.
// The upload is untrusted: sniffed as xlsx, its unpacked size and its rows capped (as the org import does).
import ExcelJS from 'exceljs';
import { fileTypeFromBuffer } from 'file-type';
import type { Expert } from '../../domain/committee-work/types.js';
import { fail, ok, type Problem, type Result } from '../../domain/result.js';
import type { User } from '../../domain/schema-types.gen.js';
import { XLSX_MIME } from '../orgs/org-xlsx.js';
import { zipSize } from '../orgs/zip-size.js';
import { addExpert, editExpert, managedCommittee, poolChoices, poolOf, type ExpertDeps, type ExpertInput } from './experts.js';

export const EXPERT_IMPORT_LIMITS = { bytes: 2 * 1_048_576, unpacked: 20 * 1_048_576, entries: 200, rows: 1000 } as const;
export const EXPERT_COLUMNS = ['姓名', '专业', '职称', '工作单位', '所在盟市', '手机', '邮箱', '担任评委年度'] as const;

const refuse = (message: string): { ok: false; error: { code: string; message: string; details: Problem[] } } =>
  fail('expert_import.file', message, [{ code: 'expert_import.file', message, pointer: '/file' }]);

const split = (s: string): string[] => s.split(/[、,，;；\s]+/).map((x) => x.trim()).filter(Boolean);

/** "2019、2020" or "2019-2021" / "2019—2021" into years; null when a part is not a year */
export function parseYears(s: string): number[] | null {
  const out: number[] = [];
  for (const part of split(s)) {
    const range = /^(\d{4})\s*[-—–~至]\s*(\d{4})$/.exec(part);
    if (range) {
      const [a, b] = [Number(range[1]), Number(range[2])];
      if (b < a || b - a > 30) return null;
      for (let y = a; y <= b; y += 1) out.push(y);
    } else if (/^\d{4}年?$/.test(part)) out.push(Number(part.slice(0, 4)));
    else return null;
  }
  return [...new Set(out)].sort((x, y) => x - y);
}

async function readRows(bytes: Buffer): Promise<Result<{ row: number; cells: string[] }[]>> {
  if (bytes.length === 0) return refuse('上传的文件是空的');
  if (bytes.length > EXPERT_IMPORT_LIMITS.bytes) return refuse('文件超过 2 MB，请拆分后分批导入');
  if ((await fileTypeFromBuffer(bytes))?.mime !== XLSX_MIME) return refuse('文件内容不是 Excel 工作簿（.xlsx）');
  const size = zipSize(bytes);
  if (!size) return refuse('文件已损坏，无法读取为 Excel 工作簿（.xlsx）');
  if (size.entries > EXPERT_IMPORT_LIMITS.entries || size.uncompressed > EXPERT_IMPORT_LIMITS.unpacked) return refuse('工作簿解压后过大，请只保留专家数据后重新上传');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return refuse('文件已损坏，无法读取为 Excel 工作簿（.xlsx）');
  }
  const sheet = wb.worksheets[0];
  if (!sheet) return refuse('工作簿中没有工作表');
  if (sheet.actualRowCount > EXPERT_IMPORT_LIMITS.rows + 1) return refuse(`最多导入 ${EXPERT_IMPORT_LIMITS.rows} 行，本表有 ${sheet.actualRowCount - 1} 行`);
  const headers = EXPERT_COLUMNS.map((_, i) => sheet.getRow(1).getCell(i + 1).text.trim());
  const wrong = EXPERT_COLUMNS.findIndex((h, i) => headers[i] !== h);
  if (wrong >= 0) return refuse(`第 1 行第 ${wrong + 1} 列应为「${EXPERT_COLUMNS[wrong]}」，实为「${headers[wrong]!.slice(0, 30)}」`);
  const rows: { row: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    if (n === 1) return;
    const cells = EXPERT_COLUMNS.map((_, i) => row.getCell(i + 1).text.trim().slice(0, 200));
    if (cells.some((c) => c !== '')) rows.push({ row: n, cells });
  });
  return ok(rows);
}

export async function importExperts(d: ExpertDeps, user: User, committeeId: string, bytes: Buffer): Promise<Result<{ created: number; updated: number }>> {
  const c = await managedCommittee(d, user, committeeId);
  if (!c.ok) return c;
  const read = await readRows(bytes);
  if (!read.ok) return read;
  const choices = await poolChoices(d, user, committeeId);
  if (!choices.ok) return choices;
  const specialty = new Map(choices.value.specialties.map((s) => [s.name, s.key]));
  const units = new Map(choices.value.orgs.filter((o) => o.kind === 'unit').map((o) => [o.name, o.id]));
  const leagues = new Map(choices.value.orgs.filter((o) => o.kind === 'league').map((o) => [o.name, o.id]));
  const problems: Problem[] = [];
  const inputs: { row: number; input: ExpertInput }[] = [];
  for (const { row, cells } of read.value) {
    const [name, specs, title, unit, region, phone, email, years] = cells as [string, string, string, string, string, string, string, string];
    const at = (col: string, message: string) => problems.push({ code: 'expert_import.row', message: `第 ${row} 行「${col}」：${message}`, pointer: `/rows/${row}/${col}` });
    if (!name || name.length > 50) at('姓名', '请填写姓名（不超过 50 字）');
    if (!title || title.length > 50) at('职称', '请填写职称');
    if (!unit || unit.length > 100) at('工作单位', '请填写工作单位');
    const keys = split(specs).map((s) => [s, specialty.get(s)] as const);
    if (keys.length === 0) at('专业', '请填写评审专业');
    for (const [s, k] of keys) if (!k) at('专业', `“${s.slice(0, 20)}”不是本评委会的评审专业（可填：${[...specialty.keys()].join('、')}）`);
    const regionId = region ? leagues.get(region) : undefined;
    if (region && !regionId) at('所在盟市', `“${region.slice(0, 20)}”不是盟市名称`);
    if (phone && !/^[0-9+\- ]{5,20}$/.test(phone)) at('手机', '电话号码格式不正确');
    if (email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) at('邮箱', '邮箱格式不正确');
    const served = years ? parseYears(years) : [];
    if (served === null || served.some((y) => y < 1980 || y > 2100)) at('担任评委年度', '请写成“2019、2020”或“2019-2021”');
    inputs.push({
      row,
      input: {
        name,
        title,
        unitName: unit,
        specialties: keys.map(([, k]) => k ?? ''),
        ...(units.get(unit) ? { unitOrgId: units.get(unit) } : {}),
        ...(regionId ? { region: regionId } : {}),
        ...(phone ? { phone } : {}),
        ...(email ? { email } : {}),
        serviceYears: served ?? [],
      },
    });
  }
  if (read.value.length === 0) return refuse('表中没有专家');
  if (problems.length > 0) return fail('expert_import.invalid', `有 ${problems.length} 处错误，未导入任何专家`, problems.slice(0, 200));
  const pool = new Map((await poolOf(d.store, committeeId)).map((r) => [`${r.body.name}\u0000${r.body.unitName}`, r]));
  let created = 0;
  let updated = 0;
  for (const { row, input } of inputs) {
    const existing = pool.get(`${input.name}\u0000${input.unitName}`);
    const res = existing
      ? await editExpert(d, user, committeeId, existing.id, { ...keepContact(existing.body, input), serviceYears: merge(existing.body, committeeId, input.serviceYears ?? []) }, existing.version)
      : await addExpert(d, user, committeeId, input);
    if (!res.ok) return fail(res.error.code, `第 ${row} 行：${res.error.message}（此前的行已导入）`, res.error.details);
    if (existing) updated += 1;
    else created += 1;
  }
  return ok({ created, updated });
}

const merge = (e: Expert, committeeId: string, years: number[]): number[] => [...new Set([...e.service.filter((s) => s.committeeId === committeeId).map((s) => s.year), ...years])];
/** empty cells keep what the pool has */
const keepContact = (e: Expert, input: ExpertInput): ExpertInput => ({
  ...input,
  ...(!input.phone && e.phone ? { phone: e.phone } : {}),
  ...(!input.email && e.email ? { email: e.email } : {}),
  ...(!input.region && e.region ? { region: e.region } : {}),
  ...(!input.unitOrgId && e.unitOrgId ? { unitOrgId: e.unitOrgId } : {}),
  ...(e.userId ? { userId: e.userId } : {}),
});
