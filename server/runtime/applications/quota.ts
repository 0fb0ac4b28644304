// Which campaign quota an application draws on (D13, D15), and under which counter key:
// a quota listed for the level, allocated per league/city, competent department or region-wide.
import type { Campaign } from '../../domain/schema-types.gen.js';
import type { OrgChain } from '../../domain/routing/org-chain.js';

export interface QuotaClaim {
  key: string;
  limit: number;
  name: string;
  /** the org the allocation belongs to, for messages */
  orgName: string;
}

export function quotaFor(campaign: Campaign, levelKey: string, pathId: string, quotaExemptPath: boolean, chain: OrgChain): QuotaClaim | null {
  const q = campaign.quotas?.find((x) => x.levels?.includes(levelKey));
  if (!q || quotaExemptPath || q.exemptPaths?.includes(pathId)) return null;
  const holder = q.per === 'league' ? (chain.league ?? chain.competent) : q.per === 'competent' ? (chain.competent ?? chain.league) : undefined;
  if (!holder) return { key: `quota:${campaign.key}:${q.key}`, limit: q.limit, name: q.name, orgName: '全区' };
  const allocation = q.allocations?.find((a) => a.orgId === holder.id);
  return { key: `quota:${campaign.key}:${q.key}:${holder.id}`, limit: allocation?.limit ?? 0, name: q.name, orgName: holder.name };
}
