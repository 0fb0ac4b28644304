// How far each open vote has got, as counts only: never which expert has voted or how (secret ballot).
import type { WorkflowState } from './state.js';

export interface VoteProgress {
  elementId: string;
  name: string;
  /** ballots cast so far */
  cast: number;
  attending: number;
  /** e.g. 已投 3/7 */
  label: string;
}

export function voteProgress(state: WorkflowState): VoteProgress[] {
  return Object.entries(state.votes).map(([tokenId, tally]) => {
    const task = state.openTasks.find((t) => t.tokenId === tokenId);
    const elementId = task?.elementId ?? state.tokens.find((t) => t.id === tokenId)?.elementId ?? '';
    const cast = Object.keys(tally.ballots).length;
    const attending = tally.attendees.length;
    return { elementId, name: task?.name ?? elementId, cast, attending, label: `已投 ${cast}/${attending}` };
  });
}
