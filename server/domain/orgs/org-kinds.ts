// The org kinds with their Chinese names: what the tree page and the xlsx import show and read.
import type { Org } from '../schema-types.gen.js';

export type OrgKind = Org['kind'];

export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  region: '自治区',
  hrDepartment: '人力资源和社会保障厅',
  department: '厅局（主管部门）',
  league: '盟市',
  banner: '旗县（市、区）',
  township: '苏木乡镇',
  unit: '单位',
  centre: '人事人才公共服务中心',
  park: '园区',
  agency: '人才服务机构',
  committeeOffice: '评委会办事机构',
};

export const ORG_KINDS = Object.keys(ORG_KIND_LABELS) as OrgKind[];

/** a kind from its Chinese name or its code, as typed in a spreadsheet cell */
export function kindFromText(text: string): OrgKind | null {
  const t = text.trim();
  const byLabel = ORG_KINDS.find((k) => ORG_KIND_LABELS[k] === t);
  if (byLabel) return byLabel;
  return (ORG_KINDS as string[]).includes(t) ? (t as OrgKind) : null;
}
