// A campaign opens levels and allocates quotas to orgs: every level must be published, every org
// must exist, and every quota-exempt path must be a path of one of the quota's levels.
import type { Campaign, LevelDefinition } from '../../schema-types.gen.js';
import type { Problem } from '../../result.js';
import { levelPathIds } from './level.js';
import { at, isProblem, orgProblem, resolve, type RefSource } from './source.js';

export async function campaignRefs(campaign: Campaign, refs: RefSource): Promise<Problem[]> {
  const out: Problem[] = [];
  for (const [i, k] of (campaign.levels ?? []).entries()) {
    const r = await resolve(refs, 'level', k, at('levels', i));
    if (isProblem(r)) out.push(r);
  }
  for (const [i, q] of (campaign.quotas ?? []).entries()) {
    const paths = new Set<string>();
    let allKnown = true;
    for (const [j, k] of (q.levels ?? []).entries()) {
      const r = await resolve(refs, 'level', k, at('quotas', i, 'levels', j));
      if (isProblem(r)) {
        out.push(r);
        allKnown = false;
      } else {
        for (const id of await levelPathIds(r.body as LevelDefinition, refs)) paths.add(id);
      }
    }
    for (const [j, a] of (q.allocations ?? []).entries()) {
      const p = await orgProblem(refs, a.orgId, at('quotas', i, 'allocations', j, 'orgId'));
      if (p) out.push(p);
    }
    // with a level unknown its paths are unknown too: that level is already reported
    if (!allKnown || (q.levels ?? []).length === 0) continue;
    for (const [j, id] of (q.exemptPaths ?? []).entries()) {
      if (!paths.has(id)) out.push({ code: 'xref.unknown_path', message: `指标「${q.name}」的层级中没有申报路径「${id}」`, pointer: at('quotas', i, 'exemptPaths', j) });
    }
  }
  return out;
}
