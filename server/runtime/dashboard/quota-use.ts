// 指标使用 (D13 超岗申报高级 5%, D15 正高级教师名额): each quota's allocations with what submit has reserved.
// The counters are the ones submit reserves under (runtime/applications/quota.ts): quota:<campaign>:<quota>
// for a region-wide quota, quota:<campaign>:<quota>:<org> for an allocation.
import type { Campaign, Org } from '../../domain/schema-types.gen.js';
import { postShareLimit } from '../../domain/orgs/post-share.js';

export interface QuotaSlot {
  /** the counter submit reserves under */
  counterKey: string;
  quota: string;
  /** the allocation's org by name, 全区 for a region-wide quota */
  holder: string;
  orgId?: string;
  limit: number;
}

export interface QuotaUse {
  quota: string;
  holder: string;
  limit: number;
  used: number;
  /** used / limit, null when the limit is 0 */
  rate: number | null;
}

/**
 * the places a campaign's quotas allocate; `inScope` keeps the allocations a viewer may see
 * (a league reviewer: their own league's), and region-wide quotas only when it accepts undefined
 */
export function quotaSlots(campaign: Campaign, orgName: (id: string) => string, inScope: (orgId: string | undefined) => boolean, orgs: ReadonlyMap<string, Org> = new Map()): QuotaSlot[] {
  const slots: QuotaSlot[] = [];
  for (const q of campaign.quotas ?? []) {
    const base = `quota:${campaign.key}:${q.key}`;
    if (q.postShare) {
      // D13: every banner or department that has set posts holds a share of them
      const share = q.postShare;
      for (const o of orgs.values()) {
        if (o.posts && inScope(o.id)) slots.push({ counterKey: `${base}:${o.id}`, quota: q.name, holder: o.name, orgId: o.id, limit: postShareLimit(o, share) });
      }
      continue;
    }
    if (q.per === undefined || q.per === 'region') {
      if (inScope(undefined)) slots.push({ counterKey: base, quota: q.name, holder: '全区', limit: q.limit });
      continue;
    }
    for (const a of q.allocations ?? []) {
      if (inScope(a.orgId)) slots.push({ counterKey: `${base}:${a.orgId}`, quota: q.name, holder: orgName(a.orgId), orgId: a.orgId, limit: a.limit });
    }
  }
  return slots;
}

export function quotaUse(slots: readonly QuotaSlot[], counters: ReadonlyMap<string, number>): QuotaUse[] {
  return slots.map((s) => {
    const used = counters.get(s.counterKey) ?? 0;
    return { quota: s.quota, holder: s.holder, limit: s.limit, used, rate: s.limit > 0 ? used / s.limit : null };
  });
}
