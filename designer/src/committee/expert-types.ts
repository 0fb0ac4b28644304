// What the 专家库 API returns and the drawer sends (server/runtime/committees/experts.ts).
export interface ExpertRow {
  id: string;
  version: number;
  name: string;
  specialties: { key: string; name: string }[];
  title: string;
  unitName: string;
  unitOrgId?: string;
  region?: string;
  regionName?: string;
  userId?: string;
  userName?: string;
  phone?: string;
  email?: string;
  service: { committeeId: string; committeeName: string; years: number[] }[];
  recent: string;
  appointment: string | null;
  conflicts: { applicantName?: string; orgId?: string; unitName?: string; reason: string; at?: string }[];
  inactive?: { at: string; by: string; reason: string };
}

export interface PoolChoices {
  specialties: { key: string; name: string }[];
  orgs: { id: string; name: string; kind: string; parentId?: string }[];
  accounts: { id: string; name: string }[];
}

export interface OrgTreeOption {
  value: string;
  title: string;
  selectable: boolean;
  children: OrgTreeOption[];
}

/** the flat org list as TreeSelect data; only orgs `pick` accepts can be chosen */
export function orgTree(orgs: PoolChoices['orgs'], pick: (kind: string) => boolean): OrgTreeOption[] {
  const nodes = new Map(orgs.map((o) => [o.id, { value: o.id, title: o.name, selectable: pick(o.kind), children: [] as OrgTreeOption[] }]));
  const roots: OrgTreeOption[] = [];
  for (const o of orgs) {
    const parent = o.parentId ? nodes.get(o.parentId) : undefined;
    (parent ? parent.children : roots).push(nodes.get(o.id)!);
  }
  return roots;
}
