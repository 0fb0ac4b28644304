// The org tree as data: nodes with their children, the descendants of one, and whether a move makes a cycle.
import type { Org } from '../schema-types.gen.js';

export interface OrgNode extends Org {
  children: OrgNode[];
}

/** roots first, children in the stored order; an org whose parent is missing counts as a root */
export function buildTree(orgs: readonly Org[]): OrgNode[] {
  const nodes = new Map<string, OrgNode>(orgs.map((o) => [o.id, { ...o, children: [] }]));
  const roots: OrgNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId !== undefined ? nodes.get(node.parentId) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** ids of every org under id (not id itself) */
export function descendantIds(orgs: readonly Org[], id: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const o of orgs) if (o.parentId !== undefined) children.set(o.parentId, [...(children.get(o.parentId) ?? []), o.id]);
  const out = new Set<string>();
  const stack = [...(children.get(id) ?? [])];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (out.has(next)) continue;
    out.add(next);
    stack.push(...(children.get(next) ?? []));
  }
  return out;
}

/** moving id under newParentId would put it under itself */
export function wouldCycle(orgs: readonly Org[], id: string, newParentId: string): boolean {
  return newParentId === id || descendantIds(orgs, id).has(newParentId);
}
