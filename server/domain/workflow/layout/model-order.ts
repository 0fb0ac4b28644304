// A topological order of the flow (depth-first from the start nodes, loops cut where they close), so
// elkjs's model-order cycle breaking turns back exactly the edges that return to an earlier step
// (a correction going back to its review) and keeps every forward edge pointing right.

import type { FlowGraph } from './types.js';

export function modelOrder(graph: FlowGraph): string[] {
  const hostOf = new Map(graph.boundaries.map((b) => [b.id, b.hostId]));
  const owner = (id: string): string => hostOf.get(id) ?? id;
  const next = new Map<string, string[]>(graph.nodes.map((n) => [n.id, []]));
  // a boundary's flows leave after the host's own ones: the normal path comes first
  const ordered = [...graph.edges].sort((a, b) => Number(hostOf.has(a.sourceId)) - Number(hostOf.has(b.sourceId)));
  for (const e of ordered) next.get(owner(e.sourceId))?.push(e.targetId);
  const hasIncoming = new Set(graph.edges.map((e) => e.targetId));
  const starts = graph.nodes.filter((n) => !hasIncoming.has(n.id)).map((n) => n.id);

  const done = new Set<string>();
  const postorder: string[] = [];
  const visit = (root: string): void => {
    // iterative, so a long generated flow cannot overflow the stack
    const stack: { id: string; i: number }[] = [{ id: root, i: 0 }];
    done.add(root);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const succ = next.get(top.id) ?? [];
      if (top.i < succ.length) {
        const s = succ[top.i++]!;
        if (!done.has(s) && next.has(s)) {
          done.add(s);
          stack.push({ id: s, i: 0 });
        }
      } else {
        postorder.push(top.id);
        stack.pop();
      }
    }
  };
  for (const s of starts) visit(s);
  for (const n of graph.nodes) if (!done.has(n.id)) visit(n.id);
  return postorder.reverse();
}
