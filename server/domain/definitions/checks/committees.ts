// A committee list that cannot work: one id for two committees, a filing that ends before it starts.
import type { CommitteeList } from '../../schema-types.gen.js';
import type { Problem } from '../../result.js';
import { duplicateProblems } from './duplicates.js';

export function committeesProblems(list: CommitteeList): Problem[] {
  const out = duplicateProblems(list.committees, (c) => c.id, (i) => `/committees/${i}/id`, (id) => ({ code: 'committees.duplicate_id', message: `评委会编号「${id}」重复` }));
  list.committees.forEach((c, i) => {
    if (c.filing.validTo < c.filing.validFrom) {
      out.push({ code: 'committees.filing_order', message: `评委会「${c.name}」的备案有效期截止 ${c.filing.validTo} 早于起始 ${c.filing.validFrom}`, pointer: `/committees/${i}/filing/validTo` });
    }
  });
  return out;
}
