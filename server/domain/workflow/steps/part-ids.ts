// The ids of the elements a step compiles to: derived from the step's id by a fixed suffix, unless the
// step keeps an older id for a part (`ids`), as a flow re-expressed as steps does for the ids its
// applications in flight and its tests refer to.
import type { Step } from './types.js';

/** part -> how its id is made from the step id */
const DERIVED = {
  gateway: (id: string) => `${id}Gw`,
  reject: (id: string) => `${id}Reject`,
  rejected: (id: string) => `${id}Rejected`,
  correct: (id: string) => `${id}Correct`,
  correctDeadline: (id: string) => `${id}CorrectDeadline`,
  withdraw: (id: string) => `${id}Withdraw`,
  withdrawn: (id: string) => `${id}Withdrawn`,
  due: (id: string) => `${id}Due`,
  remind: (id: string) => `${id}Remind`,
  open: (id: string) => `open${id.charAt(0).toUpperCase()}${id.slice(1)}`,
  end: (id: string) => `${id}End`,
  complaint: (id: string) => `${id}Complaint`,
  investigate: (id: string) => `${id}Investigate`,
  investigateGw: (id: string) => `${id}InvestigateGw`,
  close: (id: string) => `${id}Close`,
  upheld: (id: string) => `${id}Upheld`,
  upheldEnd: (id: string) => `${id}UpheldEnd`,
  scoring: (id: string) => `${id}Scoring`,
  scoringGw: (id: string) => `${id}ScoringGw`,
  scoringFail: (id: string) => `${id}ScoringFail`,
  scoringFailed: (id: string) => `${id}ScoringFailed`,
  fail: (id: string) => `${id}Fail`,
  failed: (id: string) => `${id}Failed`,
  join: (id: string) => `${id}Join`,
} satisfies Record<string, (id: string) => string>;

export type Part = keyof typeof DERIVED;

export const PART_NAMES: readonly string[] = Object.keys(DERIVED);

export function partId(step: Pick<Step, 'id' | 'ids'>, part: Part): string {
  return step.ids?.[part] ?? DERIVED[part](step.id);
}
