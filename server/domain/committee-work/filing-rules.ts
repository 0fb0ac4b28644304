// 备案材料 (F6, G2) as pure rules: after the results 公示 ends the office has one calendar month to file a report, the
// roster of passed candidates, a commitment letter and the 公示 and complaint record; senior (正高级/副高级) results are
// re-checked and approved by the province, junior and intermediate ones are filed as they are submitted.
// Dates are YYYY-MM-DD in China, passed in.

export type FilingStatus = 'assembling' | 'submitted' | 'filed';
export type FilingUploadKey = 'report' | 'commitmentLetter';
export type FilingGeneratedKey = 'roster' | 'publicityRecord';
export type FilingItemKey = FilingUploadKey | FilingGeneratedKey;

/** 备案材料 (record kind 'filingPackage', id `fil-<session id>`; keys `session:<id>`, `committee:<id>`, `status:<status>`) */
export interface FilingPackage {
  sessionId: string;
  committeeId: string;
  campaignYear: number;
  /** the number the filing goes out under (data exchange subject) */
  number: string;
  /** the last day of the results 公示 over the session's agenda */
  publicityEndedOn: string;
  /** 公示 end + 1 month */
  deadline: string;
  /** 正高级/副高级 results: the province re-checks (核准备案); otherwise filed on submit */
  reCheck: boolean;
  /** file hashes (Store.putFile) */
  files: Partial<Record<FilingItemKey, string>>;
  status: FilingStatus;
  /** 1 on first submit; +1 on each resubmission after a return */
  revision: number;
  submittedAt?: string;
  submittedBy?: string;
  /** submitted after the deadline: the province sees it */
  late?: boolean;
  returned?: { at: string; by: string; reason: string };
  filedAt?: string;
  filedBy?: string;
  /** exchange items queued when filed */
  pushed?: number;
}

export const FILING_ITEMS: readonly { key: FilingItemKey; label: string; generated: boolean }[] = [
  { key: 'report', label: '评审工作报告', generated: false },
  { key: 'roster', label: '通过人员花名册', generated: true },
  { key: 'commitmentLetter', label: '承诺书', generated: false },
  { key: 'publicityRecord', label: '公示情况及投诉处理记录', generated: true },
];

export const SENIOR_GRADES: ReadonlySet<string> = new Set(['正高级', '副高级']);

/** re-checked by the province when any passed candidate is senior */
export const needsReCheck = (grades: readonly (string | undefined)[]): boolean => grades.some((g) => g !== undefined && SENIOR_GRADES.has(g));

/** the same day one month later (the month's last day when it has no such day: 01-31 → 02-28) */
export function filingDeadline(publicityEndedOn: string): string {
  const [y, m, d] = publicityEndedOn.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

/** days from `today` to the deadline (negative once late) */
export const daysLeft = (deadline: string, today: string): number => Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);

export const missingItems = (p: Pick<FilingPackage, 'files'>): { key: FilingItemKey; label: string }[] => FILING_ITEMS.filter((i) => !p.files[i.key]).map((i) => ({ key: i.key, label: i.label }));

export function statusLabel(p: Pick<FilingPackage, 'status' | 'returned' | 'reCheck'>): string {
  if (p.status === 'filed') return '已备案';
  if (p.status === 'submitted') return '待核准备案';
  return p.returned ? '已退回，待重新提交' : '整理中';
}
