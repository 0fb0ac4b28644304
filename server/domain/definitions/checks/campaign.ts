// A campaign that cannot work: a phase that closes before it opens, a phase twice, a phase outside
// the campaign's year (B1: no review crosses the year), a quota twice, allocations beyond the quota.
import type { Campaign } from '../../schema-types.gen.js';
import type { Problem } from '../../result.js';
import { duplicateProblems } from './duplicates.js';

export function campaignProblems(c: Campaign): Problem[] {
  const out: Problem[] = [];
  c.phases.forEach((p, i) => {
    if (p.closes < p.opens) out.push({ code: 'campaign.phase_order', message: `阶段「${p.name}」的结束日期 ${p.closes} 早于开始日期 ${p.opens}`, pointer: `/phases/${i}/closes` });
    for (const field of ['opens', 'closes'] as const) {
      if (!p[field].startsWith(`${c.year}-`)) {
        out.push({ code: 'campaign.phase_outside_year', message: `阶段「${p.name}」的日期 ${p[field]} 不在 ${c.year} 年内：评审工作不跨年度`, pointer: `/phases/${i}/${field}` });
      }
    }
  });
  out.push(...duplicateProblems(c.phases, (p) => p.id, (i) => `/phases/${i}/id`, (id) => ({ code: 'campaign.duplicate_phase', message: `阶段「${id}」重复设置` })));
  const quotas = c.quotas ?? [];
  out.push(...duplicateProblems(quotas, (q) => q.key, (i) => `/quotas/${i}/key`, (id) => ({ code: 'campaign.duplicate_quota', message: `指标「${id}」重复设置` })));
  quotas.forEach((q, i) => {
    const allocations = q.allocations ?? [];
    out.push(...duplicateProblems(allocations, (a) => a.orgId, (j) => `/quotas/${i}/allocations/${j}/orgId`, (id) => ({ code: 'campaign.duplicate_allocation', message: `指标「${q.name}」对机构「${id}」重复分配` })));
    const total = allocations.reduce((sum, a) => sum + a.limit, 0);
    if (total > q.limit) out.push({ code: 'campaign.allocation_exceeds', message: `指标「${q.name}」分配合计 ${total}，超过总数 ${q.limit}`, pointer: `/quotas/${i}/allocations` });
  });
  return out;
}
