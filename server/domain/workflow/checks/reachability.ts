// One start event; every element reachable from it, and every element able to reach an end.
import type { Problem } from '../../result.js';
import { label, ref, type ModdleElement } from '../moddle.js';
import { problem, type CheckContext } from './context.js';

function walk(from: string[], next: (id: string) => string[]): Set<string> {
  const seen = new Set(from);
  const stack = [...from];
  while (stack.length > 0) {
    for (const n of next(stack.pop()!)) {
      if (!seen.has(n)) {
        seen.add(n);
        stack.push(n);
      }
    }
  }
  return seen;
}

export function checkReachability(ctx: CheckContext): Problem[] {
  const out: Problem[] = [];
  const starts = ctx.nodes.filter((n) => n.$type === 'bpmn:StartEvent');
  if (starts.length !== 1) {
    out.push(problem('bpmn.start_event_count', `流程必须有且只有一个开始事件，实际为 ${starts.length} 个`, starts[1]?.id));
    if (starts.length === 0) return out;
  }
  const targets = (id: string): string[] => [
    ...(ctx.outgoing.get(id) ?? []).map((f) => ref(f, 'targetRef')?.id ?? ''),
    ...(ctx.boundaries.get(id) ?? []).map((b) => b.id ?? ''),
  ];
  const sources = (id: string): string[] => {
    const node = ctx.nodes.find((n) => n.id === id);
    const host = node?.$type === 'bpmn:BoundaryEvent' ? ref(node, 'attachedToRef')?.id : undefined;
    return [...(ctx.incoming.get(id) ?? []).map((f) => ref(f, 'sourceRef')?.id ?? ''), ...(host ? [host] : [])];
  };
  const reached = walk(starts.map((s) => s.id ?? ''), targets);
  const ends = ctx.nodes.filter((n) => n.$type === 'bpmn:EndEvent').map((n) => n.id ?? '');
  const canEnd = walk(ends, sources);
  const isEnd = (n: ModdleElement): boolean => n.$type === 'bpmn:EndEvent';
  for (const n of ctx.nodes) {
    const id = n.id ?? '';
    if (!reached.has(id)) {
      out.push(problem('bpmn.unreachable', `元素 ${label(n)} 从开始事件无法到达`, id));
    }
    if (!isEnd(n) && (ctx.outgoing.get(id) ?? []).length === 0) {
      out.push(problem('bpmn.dead_end', `元素 ${label(n)} 没有出口顺序流，流程会停在这里`, id));
    } else if (!canEnd.has(id)) {
      out.push(problem('bpmn.dead_end', `元素 ${label(n)} 无法到达任何结束事件`, id));
    }
  }
  return out;
}
