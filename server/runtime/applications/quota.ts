// Which campaign quotas an application draws on (D13, D15), and under which counter keys:
// every quota listed for the level, allocated per league/city, banner, competent department or region-wide.
import type { Campaign } from '../../domain/schema-types.gen.js';
import type { OrgChain } from '../../domain/routing/org-chain.js';
import { postShareBasis, postShareLimit } from '../../domain/orgs/post-share.js';

export interface QuotaClaim {
  key: string;
  limit: number;
  name: string;
  /** the org the allocation belongs to, for messages */
  orgName: string;
}

export function quotasFor(campaign: Campaign, levelKey: string, pathId: string, quotaExemptPath: boolean, chain: OrgChain): QuotaClaim[] {
  if (quotaExemptPath) return [];
  return (campaign.quotas ?? [])
    .filter((q) => q.levels?.includes(levelKey) && !q.exemptPaths?.includes(pathId))
    .map((q) => claimOf(campaign, q, chain));
}

type Quota = NonNullable<Campaign['quotas']>[number];

function claimOf(campaign: Campaign, q: Quota, chain: OrgChain): QuotaClaim {
  if (q.postShare) {
    // D13: league/city units are measured per banner, region-level units per competent department
    const holder = chain.regionLevel ? chain.competent : (chain.banner ?? chain.league);
    if (!holder) return { key: `quota:${campaign.key}:${q.key}:none`, limit: 0, name: q.name, orgName: chain.unit.name };
    return { key: `quota:${campaign.key}:${q.key}:${holder.id}`, limit: postShareLimit(holder, q.postShare), name: `${q.name}：${postShareBasis(holder, q.postShare)}`, orgName: holder.name };
  }
  const byPer = q.per === 'league' ? (chain.league ?? chain.competent) : q.per === 'competent' ? (chain.competent ?? chain.league) : undefined;
  // an allocation may be made to a finer org than `per` names (D13: per banner for league/city units,
  // per competent department for region-level units): the applicant's banner wins when it has one
  const finer = q.per !== undefined && q.per !== 'region' && chain.banner && q.allocations?.some((a) => a.orgId === chain.banner?.id) ? chain.banner : undefined;
  const holder = finer ?? byPer;
  if (!holder) return { key: `quota:${campaign.key}:${q.key}`, limit: q.limit, name: q.name, orgName: '全区' };
  const allocation = q.allocations?.find((a) => a.orgId === holder.id);
  return { key: `quota:${campaign.key}:${q.key}:${holder.id}`, limit: allocation?.limit ?? 0, name: q.name, orgName: holder.name };
}
