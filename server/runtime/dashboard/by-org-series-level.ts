// 各盟市、各系列、各层级申报数 (drafts are not counted: they are nobody's work yet).
import { isSubmitted, type AppSummary } from './app-summary.js';
import { countBy, type Count } from './count-by.js';

export interface OutcomeCount extends Count {
  passed: number;
  inProgress: number;
}

const PASSED = new Set(['passed', 'certified']);
const IN_PROGRESS = new Set(['submitted', 'returned']);

function withOutcomes(apps: readonly AppSummary[], nameOf: (a: AppSummary) => string): OutcomeCount[] {
  const submitted = apps.filter(isSubmitted);
  return countBy(submitted, nameOf).map((c) => {
    const mine = submitted.filter((a) => nameOf(a) === c.name);
    return { ...c, passed: mine.filter((a) => PASSED.has(a.status)).length, inProgress: mine.filter((a) => IN_PROGRESS.has(a.status)).length };
  });
}

export const countByLeague = (apps: readonly AppSummary[]): OutcomeCount[] => withOutcomes(apps, (a) => a.league);
export const countBySeries = (apps: readonly AppSummary[]): OutcomeCount[] => withOutcomes(apps, (a) => a.series);
export const countByLevel = (apps: readonly AppSummary[]): OutcomeCount[] => withOutcomes(apps, (a) => a.level);
