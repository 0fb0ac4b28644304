// Where an application travels: the orgs above the applicant's unit, by kind, from the org tree.
// The flow's task scopes (unit, competent, league, centre, ...) resolve to these ids.
import type { Org } from '../schema-types.gen.js';

export interface OrgChain {
  unit: Org;
  competent?: Org;
  league?: Org;
  banner?: Org;
  township?: Org;
  centre?: Org;
  /** region-level unit: no league above it */
  regionLevel: boolean;
}

export function orgChain(unitId: string, orgs: ReadonlyMap<string, Org>): OrgChain | null {
  const unit = orgs.get(unitId);
  if (!unit) return null;
  const chain: OrgChain = { unit, regionLevel: true };
  const seen = new Set<string>();
  for (let o: Org | undefined = unit; o && !seen.has(o.id); o = o.parentId ? orgs.get(o.parentId) : undefined) {
    seen.add(o.id);
    if (o !== unit && o.kind === 'league' && !chain.league) chain.league = o;
    if (o !== unit && o.kind === 'banner' && !chain.banner) chain.banner = o;
    if (o !== unit && o.kind === 'township' && !chain.township) chain.township = o;
  }
  if (chain.league) chain.regionLevel = false;
  if (unit.competentId) {
    const c = orgs.get(unit.competentId);
    if (c) chain.competent = c;
  }
  const centre = [...orgs.values()].find((o) => o.kind === 'centre');
  if (centre) chain.centre = centre;
  return chain;
}

/** the routing map stored on the application: scope -> org id */
export function routingOf(chain: OrgChain, extra: Record<string, string>): Record<string, string> {
  const r: Record<string, string> = { unit: chain.unit.id, ...extra };
  if (chain.competent) r.competent = chain.competent.id;
  if (chain.league) r.league = chain.league.id;
  if (chain.banner) r.banner = chain.banner.id;
  if (chain.centre) r.centre = chain.centre.id;
  return r;
}
