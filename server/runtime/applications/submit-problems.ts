// Everything wrong with a submission, listed at once (一次告知 starts at the applicant's own submit).
import type { Eligibility } from '../../domain/rules/index.js';
import type { Problem } from '../../domain/result.js';
import type { Application, LevelDefinition } from '../../domain/schema-types.gen.js';

export function eligibilityProblems(e: Eligibility, chosenPath?: string): Problem[] {
  const out: Problem[] = e.blocked.map((b) => ({ code: 'eligibility.blocked', message: b.error ? `${b.message}（${b.error.message}）` : b.message, source: b.id }));
  const paths = chosenPath ? e.paths.filter((p) => p.id === chosenPath) : e.paths;
  if (chosenPath && paths.length === 0) out.push({ code: 'eligibility.unknown_path', message: `没有名为 ${chosenPath} 的申报路径`, pointer: '/pathId' });
  if (!paths.some((p) => p.passed)) {
    for (const p of paths)
      for (const f of p.failed)
        out.push({ code: f.error ? 'eligibility.undecided' : 'eligibility.condition_failed', message: `【${p.name}】${f.message}${f.error ? `（${f.error.message}）` : ''}`, source: `${p.id}/${f.conditionId}` });
  }
  return out;
}

export function materialProblems(level: LevelDefinition, app: Application, requiredIds: readonly string[]): Problem[] {
  const have = new Set(app.materials.map((m) => m.itemId));
  return requiredIds
    .filter((id) => !have.has(id))
    .map((id) => ({ code: 'materials.missing', message: `缺少材料：${level.materials.find((m) => m.id === id)?.name ?? id}`, pointer: `/materials/${id}` }));
}
