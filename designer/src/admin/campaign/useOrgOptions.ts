// The org tree as options for pickers (盟市, 主管部门 …), named `上级 › 机构`. Empty when the org API is unavailable.
import { api } from '../../api.js';
import { useLoad } from '../../common/useLoad.js';

interface OrgNode {
  id: string;
  name: string;
  children?: OrgNode[];
}

export function useOrgOptions(): { value: string; label: string }[] {
  const tree = useLoad(async () => {
    try {
      return (await api.get<{ tree: OrgNode[] }>('/api/admin/orgs')).tree;
    } catch {
      return [];
    }
  }, []);
  const out: { value: string; label: string }[] = [];
  const walk = (nodes: OrgNode[], parent?: string) => {
    for (const n of nodes) {
      out.push({ value: n.id, label: parent ? `${parent} › ${n.name}` : n.name });
      walk(n.children ?? [], n.name);
    }
  };
  walk(tree.data ?? []);
  return out;
}
