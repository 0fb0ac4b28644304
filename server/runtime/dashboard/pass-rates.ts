// 通过率 per committee and per group: of the applications decided, how many passed.
// 未通过 counts both a failed vote (failed) and a reviewer's 不同意 (rejected); withdrawn ones are not decided.
import type { AppSummary } from './app-summary.js';
import { byName } from './count-by.js';

export interface PassRate {
  name: string;
  /** 已通过 (passed, or certified since) */
  passed: number;
  /** 未通过 */
  notPassed: number;
  /** 在办 */
  inProgress: number;
  /** passed / (passed + notPassed), null while nothing is decided */
  rate: number | null;
}

const PASSED = new Set(['passed', 'certified']);
const NOT_PASSED = new Set(['failed', 'rejected']);
const IN_PROGRESS = new Set(['submitted', 'returned']);

export function passRates(apps: readonly AppSummary[], groupOf: (a: AppSummary) => string): PassRate[] {
  const rows = new Map<string, PassRate>();
  for (const a of apps) {
    const name = groupOf(a);
    if (!name) continue;
    const row = rows.get(name) ?? { name, passed: 0, notPassed: 0, inProgress: 0, rate: null };
    if (PASSED.has(a.status)) row.passed += 1;
    else if (NOT_PASSED.has(a.status)) row.notPassed += 1;
    else if (IN_PROGRESS.has(a.status)) row.inProgress += 1;
    else continue;
    rows.set(name, row);
  }
  return [...rows.values()]
    .map((r) => ({ ...r, rate: r.passed + r.notPassed > 0 ? r.passed / (r.passed + r.notPassed) : null }))
    .sort((a, b) => b.passed + b.notPassed + b.inProgress - (a.passed + a.notPassed + a.inProgress) || byName(a.name, b.name));
}

export const passRatesByCommittee = (apps: readonly AppSummary[]): PassRate[] => passRates(apps, (a) => a.committee);
/** review groups do not exist yet: applications are grouped by their 申报路径 until they do */
export const passRatesByPath = (apps: readonly AppSummary[]): PassRate[] => passRates(apps, (a) => a.path);
