// Committees name their office org, their series and the orgs of their scope: each must exist.
// Publishing a new list must also leave every published level that needs a committee with one.
import type { CommitteeList, LevelDefinition } from '../../schema-types.gen.js';
import type { Problem } from '../../result.js';
import { covers, needsCommittee } from './level.js';
import { at, isProblem, orgProblem, resolve, type RefSource } from './source.js';

export async function committeesRefs(list: CommitteeList, refs: RefSource): Promise<Problem[]> {
  const out: Problem[] = [];
  const series = new Map<string, Problem | undefined>();
  for (const [i, c] of list.committees.entries()) {
    const office = await orgProblem(refs, c.officeOrgId, at('committees', i, 'officeOrgId'), ['committeeOffice']);
    if (office) out.push(office);
    if (!series.has(c.seriesKey)) {
      const r = await resolve(refs, 'series', c.seriesKey, '');
      series.set(c.seriesKey, isProblem(r) ? r : undefined);
    }
    const s = series.get(c.seriesKey);
    if (s) out.push({ ...s, pointer: at('committees', i, 'seriesKey') });
    for (const field of ['regions', 'units'] as const) {
      for (const [j, id] of (c.scope[field] ?? []).entries()) {
        const p = await orgProblem(refs, id, at('committees', i, 'scope', field, j));
        if (p) out.push(p);
      }
    }
  }
  for (const { key, body } of await refs.published('level')) {
    const level = body as LevelDefinition;
    if (!needsCommittee(level) || list.committees.some((c) => covers(c, level))) continue;
    out.push({ code: 'xref.no_committee', message: `已发布的层级「${key}」（${level.title}）将没有任何评委会可以评审`, pointer: '/committees' });
  }
  return out;
}
