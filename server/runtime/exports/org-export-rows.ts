// 机构 as a spreadsheet in the import template's own layout (runtime/orgs/org-xlsx.ts), so an exported file can be
// edited and imported back: ids kept (an import updates those orgs), kinds and parents by name.
import { ORG_KIND_LABELS } from '../../domain/orgs/org-kinds.js';
import { POST_GRADES } from '../../domain/orgs/org-posts.js';
import type { Org } from '../../domain/schema-types.gen.js';

/** shown after the template's columns; the import reads only the template's */
export const ORG_STATE_HEADER = '状态（仅供查看）';

const num = (n: number | undefined): number | undefined => (typeof n === 'number' ? n : undefined);

/** parents before children, so the file reads as the tree does */
function treeOrder(orgs: readonly Org[]): Org[] {
  const children = new Map<string, Org[]>();
  const ids = new Set(orgs.map((o) => o.id));
  const roots: Org[] = [];
  for (const o of orgs) {
    if (o.parentId && ids.has(o.parentId)) children.set(o.parentId, [...(children.get(o.parentId) ?? []), o]);
    else roots.push(o);
  }
  const out: Org[] = [];
  const visit = (o: Org) => {
    out.push(o);
    for (const c of children.get(o.id) ?? []) visit(c);
  };
  roots.forEach(visit);
  return out;
}

export function orgExportRows(orgs: readonly Org[]): Record<string, string | number | undefined>[] {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const nameCount = new Map<string, number>();
  for (const o of orgs) nameCount.set(o.name, (nameCount.get(o.name) ?? 0) + 1);
  return treeOrder(orgs).map((o) => {
    const parent = o.parentId ? byId.get(o.parentId) : undefined;
    // a parent by name when the name is unique; a stopped parent left empty (an import keeps the stored one)
    const parentText = !parent || parent.deactivated ? '' : nameCount.get(parent.name) === 1 ? parent.name : parent.id;
    const posts = o.posts ?? {};
    return {
      id: o.id,
      name: o.name,
      kind: ORG_KIND_LABELS[o.kind],
      parent: parentText,
      code: o.code,
      year: num(posts.year),
      total: num(posts.total),
      ...Object.fromEntries(POST_GRADES.map((g) => [`byGrade/${g}`, num(posts.byGrade?.[g])])),
      ...Object.fromEntries(POST_GRADES.map((g) => [`ratio/${g}`, num(posts.ratio?.[g])])),
      state: o.deactivated ? '已停用' : '在用',
    };
  });
}
