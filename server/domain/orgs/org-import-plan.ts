// Which orgs an xlsx import creates or changes, row by row. Pure: the rows come already read from the cells,
// the stored orgs and the id maker are arguments. One wrong row refuses the whole import (nothing is written).
import type { Problem } from '../result.js';
import { fail, ok, type Result } from '../result.js';
import type { Org } from '../schema-types.gen.js';
import { kindFromText } from './org-kinds.js';
import { POST_GRADES, postsProblems, type OrgPosts } from './org-posts.js';
import { wouldCycle } from './org-tree.js';

/** one spreadsheet row as text, numbered as Excel numbers it */
export interface ImportRow {
  row: number;
  id: string;
  name: string;
  kind: string;
  parent: string;
  code: string;
  year: string;
  total: string;
  byGrade: Record<(typeof POST_GRADES)[number], string>;
  ratio: Record<(typeof POST_GRADES)[number], string>;
}

export interface ImportPlan {
  created: Org[];
  updated: { before: Org; after: Org }[];
}

const at = (row: number, column: string, code: string, message: string): Problem => ({ code: `org_import.${code}`, message: `第 ${row} 行：${message}`, pointer: `/rows/${row}/${column}` });

function count(text: string, row: number, column: string, label: string, max: number, out: Problem[], integer = true): number | undefined {
  if (text.trim() === '') return undefined;
  const n = Number(text.trim());
  if (!Number.isFinite(n) || n < 0 || n > max || (integer && !Number.isInteger(n))) {
    out.push(at(row, column, 'number', `「${label}」应为 0–${max} 的${integer ? '整数' : '数'}，实为「${text.slice(0, 20)}」`));
    return undefined;
  }
  return n;
}

function postsOf(r: ImportRow, out: Problem[]): OrgPosts | undefined {
  const posts: OrgPosts = {};
  const year = count(r.year, r.row, 'year', '核定年度', 2100, out);
  if (year !== undefined) {
    if (year < 2000) out.push(at(r.row, 'year', 'number', `「核定年度」应为 2000–2100 的年份，实为「${r.year}」`));
    else posts.year = year;
  }
  const total = count(r.total, r.row, 'total', '专业技术岗位总数', 1_000_000, out);
  if (total !== undefined) posts.total = total;
  for (const g of POST_GRADES) {
    const n = count(r.byGrade[g], r.row, `byGrade/${g}`, `${g}岗位数`, 1_000_000, out);
    if (n !== undefined) posts.byGrade = { ...posts.byGrade, [g]: n };
    const p = count(r.ratio[g], r.row, `ratio/${g}`, `${g}比例（%）`, 100, out, false);
    if (p !== undefined) posts.ratio = { ...posts.ratio, [g]: p };
  }
  if (Object.keys(posts).length === 0) return undefined;
  for (const p of postsProblems(posts, '')) out.push(at(r.row, p.pointer?.slice(1) ?? 'total', 'posts', p.message));
  return posts;
}

export function planImport(rows: readonly ImportRow[], stored: readonly Org[], newId: () => string): Result<ImportPlan> {
  const problems: Problem[] = [];
  if (rows.length === 0) return fail('org_import.empty', '表格中没有机构数据（第 2 行起填写，每行一个机构）');
  const byId = new Map(stored.map((o) => [o.id, o]));
  const seenIds = new Map<string, number>();
  const seenNames = new Map<string, number>();
  // ids first, so a row may name as parent an org created by a later row
  const planned = rows.map((r) => ({ r, id: r.id.trim() || newId() }));
  const fileIdByName = new Map<string, string>();
  for (const { r, id } of planned) if (r.name.trim()) fileIdByName.set(r.name.trim(), id);
  const resolveParent = (text: string): string | null => {
    const t = text.trim();
    if (byId.has(t) || planned.some((p) => p.id === t)) return t;
    const fromFile = fileIdByName.get(t);
    if (fromFile) return fromFile;
    const named = stored.filter((o) => o.name === t);
    return named.length === 1 ? named[0]!.id : null;
  };

  const next = new Map(byId);
  const result: ImportPlan = { created: [], updated: [] };
  for (const { r, id } of planned) {
    const rowProblems: Problem[] = [];
    const name = r.name.trim();
    if (!name) rowProblems.push(at(r.row, 'name', 'name', '请填写「机构名称」'));
    else if (name.length > 100) rowProblems.push(at(r.row, 'name', 'name', '「机构名称」不能超过 100 个字'));
    else if (seenNames.has(name)) rowProblems.push(at(r.row, 'name', 'duplicate', `机构名称「${name}」与第 ${seenNames.get(name)} 行重复`));
    if (name) seenNames.set(name, r.row);
    if (r.id.trim() && seenIds.has(id)) rowProblems.push(at(r.row, 'id', 'duplicate', `机构编号「${id}」与第 ${seenIds.get(id)} 行重复`));
    if (r.id.trim() && !/^[A-Za-z0-9_.-]{1,80}$/.test(id)) rowProblems.push(at(r.row, 'id', 'id', '「机构编号」只能包含字母、数字、点、下划线和横线'));
    seenIds.set(id, r.row);
    const before = byId.get(id);
    const kind = r.kind.trim() ? kindFromText(r.kind) : (before?.kind ?? null);
    if (!kind) rowProblems.push(at(r.row, 'kind', 'kind', r.kind.trim() ? `「机构类型」无法识别：「${r.kind.slice(0, 20)}」，请从模板的下拉列表中选择` : '请填写「机构类型」'));
    let parentId: string | undefined = before?.parentId;
    if (r.parent.trim()) {
      const p = resolveParent(r.parent);
      if (!p) rowProblems.push(at(r.row, 'parent', 'parent', `上级机构「${r.parent.slice(0, 40)}」不存在（或有重名，请填写机构编号）`));
      else if (byId.get(p)?.deactivated) rowProblems.push(at(r.row, 'parent', 'parent_inactive', `上级机构「${byId.get(p)!.name}」已停用`));
      else parentId = p;
    } else if (!before) rowProblems.push(at(r.row, 'parent', 'parent', '请填写「上级机构」'));
    const posts = postsOf(r, rowProblems);
    problems.push(...rowProblems);
    if (rowProblems.length > 0 || !kind) continue;
    const code = r.code.trim();
    const org: Org = {
      ...(before ?? {}),
      id,
      name,
      kind,
      ...(code ? { code } : {}),
      ...(parentId !== undefined ? { parentId } : {}),
      ...(posts ? { posts } : {}),
    };
    next.set(id, org);
    if (before) result.updated.push({ before, after: org });
    else result.created.push(org);
  }
  // a cycle can only be seen once every row is placed
  const all = [...next.values()];
  for (const { r, id } of planned) {
    const o = next.get(id);
    if (o?.parentId !== undefined && wouldCycle(all.map((x) => (x.id === id ? { ...x, parentId: undefined } : x)), id, o.parentId)) {
      problems.push(at(r.row, 'parent', 'cycle', `「${o.name}」不能放在它自己的下级机构之下`));
    }
  }
  if (problems.length > 0) return fail('org_import.invalid', `有 ${new Set(problems.map((p) => p.pointer?.split('/')[2])).size} 行不正确，未导入任何机构`, problems);
  return ok(result);
}
