// What the 专家库 API returns and the drawer sends: the server's own types (erased from the bundle).
import type { PoolChoices } from '../../../server/runtime/committees/experts.js';

export type { ExpertInput, ExpertSummary as ExpertRow, PoolChoices } from '../../../server/runtime/committees/experts.js';

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
