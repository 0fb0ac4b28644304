// The org tree as the admin pages use it: loaded once, flattened for look-ups, shaped for antd Tree/TreeSelect.
import { api } from '../../api.js';
import { useLoad } from '../../common/useLoad.js';
import type { Org, OrgNode } from '../../types/api.js';

// one list of kind names, the server's (the xlsx import reads the same)
export { ORG_KIND_LABELS } from '../../../../server/domain/orgs/org-kinds.js';

export interface TreeOption {
  title: string;
  value: string;
  key: string;
  disabled?: boolean;
  selectable?: boolean;
  children: TreeOption[];
}

export function useOrgTree() {
  const load = useLoad(() => api.get<{ tree: OrgNode[]; count: number }>('/api/admin/orgs'), []);
  const tree = load.data?.tree ?? [];
  const byId = new Map<string, OrgNode>();
  const walk = (nodes: OrgNode[]) => nodes.forEach((n) => (byId.set(n.id, n), walk(n.children)));
  walk(tree);
  return { ...load, tree, byId };
}

/**
 * TreeSelect options; `pick` says which orgs may be chosen (others stay visible as the path to them);
 * deactivated orgs are never offered
 */
export function treeOptions(nodes: OrgNode[], pick: (o: OrgNode) => boolean = () => true): TreeOption[] {
  return nodes
    .filter((n) => !n.deactivated)
    .map((n) => ({ title: n.name, value: n.id, key: n.id, selectable: pick(n), disabled: false, children: treeOptions(n.children, pick) }))
    .filter((o) => o.selectable || o.children.length > 0);
}
