// 退回到指定环节: the earlier review steps this application has passed (left at least once), in the order it
// first passed them; never the applicant's correction (that is 退回补正 under 一次告知) nor a vote.
import type { CompiledModel } from '../model.js';
import type { WorkflowState } from '../state.js';

export interface ReturnTarget {
  elementId: string;
  name: string;
}

export function returnTargets(model: CompiledModel, state: Pick<WorkflowState, 'history'>, fromElementId: string): ReturnTarget[] {
  const out: ReturnTarget[] = [];
  for (const h of state.history) {
    if (h.kind !== 'leave' || h.elementId === fromElementId || out.some((t) => t.elementId === h.elementId)) continue;
    const el = model.elements[h.elementId];
    if (el?.kind !== 'userTask' || el.voting || el.assignment.scope === 'applicant') continue;
    out.push({ elementId: el.id, name: el.name ?? el.id });
  }
  return out;
}
