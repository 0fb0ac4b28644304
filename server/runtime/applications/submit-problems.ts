// Everything wrong with a submission, listed at once (一次告知 starts at the applicant's own submit) — but only what
// blocks the path being applied for: the other paths' conditions belong to the 资格自测 view, not to a refusal.
import { fieldTitleAt } from '../../domain/forms/conditional-messages.js';
import { PLATFORM_FACTS } from '../../domain/rules/platform-facts.js';
import type { Eligibility, FailedCondition, PathOutcome } from '../../domain/rules/index.js';
import type { Problem } from '../../domain/result.js';
import type { Application, LevelDefinition } from '../../domain/schema-types.gen.js';

/** the path whose conditions the applicant is told: the one chosen, or else the level's first (its ordinary path) —
 *  not the one with the fewest failures, which is a 破格 path of one condition the applicant never meant */
export function pathToReport(e: Eligibility, chosenPath?: string): PathOutcome | undefined {
  return chosenPath ? e.paths.find((p) => p.id === chosenPath) : e.paths[0];
}

/** '/a/b' → '现专业技术资格 › 级别': each level's title from the form, the key only where a level has none */
function fieldPath(form: unknown, pointer: string): string {
  const segs = pointer.split('/').slice(1);
  const titles = segs.map((seg, i) => (/^\d+$/.test(seg) ? `第 ${Number(seg) + 1} 项` : fieldTitleAt(form, `/${segs.slice(0, i + 1).join('/')}`)));
  return titles.every((t) => t !== undefined) ? titles.join(' › ') : (titles.filter((t) => t !== undefined).join(' › ') || '申报表中的一项');
}

const FACT_NAMES: ReadonlyMap<string, string> = new Map(PLATFORM_FACTS.map((f) => [f.id, f.label]));

/** an undecided condition in words: the missing form field by its title (with its pointer, so the portal links to it) */
function undecided(f: FailedCondition, form: unknown): { note: string; pointer?: string } {
  const name = /「([^」]+)」/.exec(f.error?.message ?? '')?.[1];
  if (f.error?.code === 'rules.missing_value' && name?.startsWith('form.')) {
    const pointer = `/${name.slice('form.'.length).split('.').join('/')}`;
    return { note: `尚未填写：${fieldPath(form, pointer)}`, pointer };
  }
  if (name && FACT_NAMES.has(name)) return { note: `缺少信息：${FACT_NAMES.get(name)}` };
  return { note: '暂时无法判断，请核对已填写的信息' };
}

export function eligibilityProblems(e: Eligibility, chosenPath?: string, form?: unknown): Problem[] {
  const out: Problem[] = e.blocked.map((b) => {
    const u = b.error ? undecided({ conditionId: b.id, message: b.message, error: b.error }, form) : undefined;
    return { code: 'eligibility.blocked', message: u ? `${b.message}（${u.note}）` : b.message, source: b.id, ...(u?.pointer ? { pointer: u.pointer } : {}) };
  });
  if (chosenPath && !e.paths.some((p) => p.id === chosenPath)) {
    out.push({ code: 'eligibility.unknown_path', message: '所选申报途径不存在，请重新选择申报途径', pointer: '/pathId' });
    return out;
  }
  if (!chosenPath && e.paths.some((p) => p.passed)) return out;
  const path = pathToReport(e, chosenPath);
  if (!path || path.passed) return out;
  for (const f of path.failed) {
    if (!f.error) {
      out.push({ code: 'eligibility.condition_failed', message: `【${path.name}】${f.message}`, source: `${path.id}/${f.conditionId}` });
      continue;
    }
    const u = undecided(f, form);
    out.push({ code: 'eligibility.undecided', message: `【${path.name}】${f.message}（${u.note}）`, source: `${path.id}/${f.conditionId}`, ...(u.pointer ? { pointer: u.pointer } : {}) });
  }
  return out;
}

export function materialProblems(level: LevelDefinition, app: Application, requiredIds: readonly string[]): Problem[] {
  const have = new Set(app.materials.map((m) => m.itemId));
  return requiredIds
    .filter((id) => !have.has(id))
    .map((id) => ({ code: 'materials.missing', message: `缺少材料：${level.materials.find((m) => m.id === id)?.name ?? id}`, pointer: `/materials/${id}` }));
}
