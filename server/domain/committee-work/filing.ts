// F1: only a committee whose 核准备案 is valid on the day may review — every review action (the office's decisions,
// the experts' votes, results, a session's start), not only the submit that routed the application to it.
import { fail, ok, type Result } from '../result.js';
import type { CommitteeList } from '../schema-types.gen.js';

type Committee = Pick<CommitteeList['committees'][number], 'filing'>;

/** refused, with the date, when `date` (YYYY-MM-DD, China) is outside the committee's filing */
export function checkFiling(committee: Committee, date: string): Result<void> {
  const { validFrom, validTo } = committee.filing;
  const message =
    date > validTo ? `评委会核准备案已于 ${validTo} 到期，不能进行评审` : date < validFrom ? `评委会核准备案自 ${validFrom} 起生效，此前不能进行评审` : null;
  if (message === null) return ok(undefined);
  return fail('committee.filing_expired', message, [{ code: 'committee.filing_expired', message }]);
}

/** the tasks F1 covers: the committee office's and the committee experts' */
export const isCommitteeTask = (t: { role: string; scope?: string | undefined }): boolean =>
  t.role === 'committeeClerk' || (t.role === 'expert' && t.scope === 'committee');
