// 统计看板 of one campaign for one viewer: the whole province for an administrator, their own 盟市 for a
// league/city reviewer. Reads summaries page by page and a counter per quota allocation; writes nothing.
import { fail, ok, type Result } from '../../domain/result.js';
import type { Campaign } from '../../domain/schema-types.gen.js';
import type { AppDeps } from '../applications/deps.js';
import { isSubmitted } from './app-summary.js';
import { countByStage, type StageCount } from './by-stage.js';
import { countByLeague, countByLevel, countBySeries, type OutcomeCount } from './by-org-series-level.js';
import { isWithin } from './league-of.js';
import { loadNames } from './names.js';
import { loadSummaries } from './load-summaries.js';
import { overdueTasks, type Overdue } from './overdue.js';
import { passRatesByCommittee, passRatesByPath, type PassRate } from './pass-rates.js';
import { quotaSlots, quotaUse, type QuotaUse } from './quota-use.js';

/** who is looking: null = the whole region; otherwise the 盟市 orgs they may see */
export type DashboardScope = { leagues: string[] } | null;

export interface Dashboard {
  campaign: { key: string; name: string };
  /** 全区, or the 盟市 names */
  scopeName: string;
  generatedAt: string;
  totals: { submitted: number; inProgress: number; returned: number; passed: number; notPassed: number; drafts: number; overdue: number };
  stages: StageCount[];
  leagues: OutcomeCount[];
  series: OutcomeCount[];
  levels: OutcomeCount[];
  quotas: QuotaUse[];
  overdue: Overdue;
  committees: PassRate[];
  /** review groups do not exist yet: 申报路径 stands in for them, and basis says so */
  groups: { basis: string; rows: PassRate[] };
}

const count = (xs: readonly { status: string }[], ...statuses: string[]): number => xs.filter((x) => statuses.includes(x.status)).length;

export async function buildDashboard(d: AppDeps, campaignId: string, scope: DashboardScope, signal?: AbortSignal): Promise<Result<Dashboard>> {
  const campaign = (await d.store.getDefinition<Campaign>('campaign', campaignId, 'latest'))?.body;
  if (!campaign) return fail('campaign.not_found', `评审年度「${campaignId}」不存在`);
  const names = await loadNames(d);
  const roots = new Set(scope?.leagues ?? []);
  // a 盟市 holds cities of its own (a county-level city inside a league) whose applications route through them, not through it
  const within = scope ? [...names.orgs.keys()].filter((id) => isWithin(id, roots, names.orgs)) : null;
  const apps = await loadSummaries(d, names, campaign.key, within, signal);
  const slots = quotaSlots(campaign, names.org, (orgId) => scope === null || (orgId !== undefined && isWithin(orgId, roots, names.orgs)), names.orgs);
  const counters = new Map<string, number>();
  for (const s of slots) counters.set(s.counterKey, await d.store.getCounter(s.counterKey));
  const now = d.clock.now();
  const overdue = overdueTasks(apps, now);
  const submitted = apps.filter(isSubmitted);
  return ok({
    campaign: { key: campaign.key, name: campaign.name },
    scopeName: scope ? scope.leagues.map(names.org).join('、') : '全区',
    generatedAt: now,
    totals: {
      submitted: submitted.length,
      inProgress: count(apps, 'submitted', 'returned'),
      returned: count(apps, 'returned'),
      passed: count(apps, 'passed', 'certified'),
      notPassed: count(apps, 'failed', 'rejected'),
      drafts: count(apps, 'draft'),
      overdue: overdue.count,
    },
    stages: countByStage(apps),
    leagues: countByLeague(apps),
    series: countBySeries(apps),
    levels: countByLevel(apps),
    quotas: quotaUse(slots, counters),
    overdue,
    committees: passRatesByCommittee(apps),
    groups: { basis: '按申报路径分组（评审分组尚未建立）', rows: passRatesByPath(apps) },
  });
}
