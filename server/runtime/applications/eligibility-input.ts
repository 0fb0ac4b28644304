// Gathers what the eligibility rules see about one applicant: the form, the unit's facts,
// the campaign cut-offs, quota counters, integrity and person facts. Data in, context out.
import { buildContext, evaluateEligibility, type Eligibility, type EvalContext, type Grassroots, type Sector } from '../../domain/rules/index.js';
import type { Result } from '../../domain/result.js';
import type { Campaign, Org, User } from '../../domain/schema-types.gen.js';
import type { OrgChain } from '../../domain/routing/org-chain.js';
import type { CompiledLevel } from '../levels.js';
import type { HolidayCalendar } from '../../domain/calendar/calendar.js';

export interface EligibilityFacts {
  level: CompiledLevel;
  campaign: Campaign;
  form: Record<string, unknown>;
  user: User;
  chain: OrgChain | null;
  /** 'YYYY-MM-DD' in China */
  today: string;
  counters: Record<string, unknown>;
  calendars: readonly HolidayCalendar[];
}

const sectorOf = (o: Org | undefined): Sector => o?.tags?.sector ?? 'public';
const grassrootsOf = (c: OrgChain | null): Grassroots => {
  const g = c?.unit.tags?.grassroots;
  if (g) return g;
  if (c?.township) return 'township';
  if (c?.banner) return 'banner';
  return c?.league ? 'city' : 'region';
};

export function contextOf(f: EligibilityFacts): Result<EvalContext> {
  return buildContext({
    form: f.form,
    org: { sector: sectorOf(f.chain?.unit), grassroots: grassrootsOf(f.chain), regionCode: f.chain?.league?.code ?? f.chain?.unit.code ?? '' },
    campaign: { year: f.campaign.year, cutoffs: { education: f.campaign.cutoffs.education, tenure: f.campaign.cutoffs.tenure, achievements: f.today } },
    counters: f.counters,
    integrity: { active: f.user.facts?.integrityUntil !== undefined && f.user.facts.integrityUntil >= f.today },
    person: { civilServant: f.user.facts?.civilServant === true, retired: f.user.facts?.retired === true },
    history: { usedPaths: f.user.facts?.usedPaths ?? [] },
    applicationDate: f.today,
    calendars: f.calendars,
  });
}

export function eligibilityOf(f: EligibilityFacts): Result<{ eligibility: Eligibility; context: EvalContext }> {
  const ctx = contextOf(f);
  if (!ctx.ok) return ctx;
  return { ok: true, value: { eligibility: evaluateEligibility(f.level.rules, ctx.value), context: ctx.value } };
}
