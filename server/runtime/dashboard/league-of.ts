// 盟市 of an org: the top level of the org tree below the region. A league/city there is named; every other
// branch (the region's departments and the units directly under the region) counts as 区直单位.
import type { Org } from '../../domain/schema-types.gen.js';

export const REGION_LEVEL = '区直单位';

/** the org right below the region on the way up from orgId, or null when orgId is not in the tree */
export function topBelowRegion(orgId: string, orgs: ReadonlyMap<string, Org>): Org | null {
  const seen = new Set<string>();
  let o = orgs.get(orgId);
  while (o && !seen.has(o.id)) {
    seen.add(o.id);
    const parent = o.parentId ? orgs.get(o.parentId) : undefined;
    if (!parent || parent.kind === 'region') return o.kind === 'region' ? null : o;
    o = parent;
  }
  return null;
}

/** the 盟市 name an org reports under */
export function leagueNameOf(orgId: string | undefined, orgs: ReadonlyMap<string, Org>): string {
  const top = orgId ? topBelowRegion(orgId, orgs) : null;
  return top?.kind === 'league' ? top.name : REGION_LEVEL;
}

/** whether orgId is one of `roots` or lies below one of them */
export function isWithin(orgId: string, roots: ReadonlySet<string>, orgs: ReadonlyMap<string, Org>): boolean {
  const seen = new Set<string>();
  for (let o = orgs.get(orgId); o && !seen.has(o.id); o = o.parentId ? orgs.get(o.parentId) : undefined) {
    if (roots.has(o.id)) return true;
    seen.add(o.id);
  }
  return roots.has(orgId);
}
