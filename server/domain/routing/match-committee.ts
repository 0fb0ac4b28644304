// Which committee reviews an application (C1, D7, F1, F2): one whose filing is valid on the date,
// for the series (and specialty), whose highest grade covers the level, and whose scope covers
// the applicant's unit or league. The most specific scope wins: own unit, then league, then region.
import type { CommitteeList, Grade } from '../schema-types.gen.js';

export type Committee = CommitteeList['committees'][number];

const GRADE_ORDER: Grade[] = ['员级', '助理级', '中级', '副高级', '正高级'];
export const gradeRank = (g: Grade): number => GRADE_ORDER.indexOf(g);

export interface CommitteeQuery {
  seriesKey: string;
  specialty?: string;
  grade: Grade;
  unitId: string;
  leagueId?: string;
  date: string;
}

function specificity(c: Committee, q: CommitteeQuery): number {
  if (c.scope.units?.length) return c.scope.units.includes(q.unitId) ? 3 : -1;
  if (c.scope.regions?.length) return q.leagueId && c.scope.regions.includes(q.leagueId) ? 2 : -1;
  return 1;
}

export function matchCommittee(committees: readonly Committee[], q: CommitteeQuery): Committee | null {
  let best: Committee | null = null;
  let bestScore = 0;
  for (const c of committees) {
    // a deactivated committee stays in the list for history and cross-references, but takes no new application
    if (c.deactivated || c.seriesKey !== q.seriesKey) continue;
    if (c.specialties?.length && (!q.specialty || !c.specialties.includes(q.specialty))) continue;
    if (gradeRank(c.highestGrade) < gradeRank(q.grade)) continue;
    if (q.date < c.filing.validFrom || q.date > c.filing.validTo) continue;
    const s = specificity(c, q);
    if (s > bestScore) {
      best = c;
      bestScore = s;
    }
  }
  return best;
}
