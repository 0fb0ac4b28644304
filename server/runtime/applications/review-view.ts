// The compact read-only view a reviewer works from: the application in the 评审表's sections (labels from the
// definition, values as people read them), the materials by item name, and the eligibility of the path the
// applicant chose, as it stands today. `shown` is the application as this reviewer may see it (ID numbers
// masked and ID documents withheld for experts); the rules read the application as filed.
import { labelledForm } from '../../domain/documents/labelled-form.js';
import { reviewSections, type ReviewSection } from '../../domain/documents/review-sections.js';
import { ok, type Result } from '../../domain/result.js';
import type { Application, Series } from '../../domain/schema-types.gen.js';
import { campaignOf, chainOf, today, type AppDeps } from './deps.js';
import { eligibilityOf } from './eligibility-input.js';

export interface ReviewMaterial {
  itemId: string;
  name: string;
  files: { hash: string; name: string; mime: string; size: number }[];
}

export interface ReviewEligibility {
  /** the path the applicant chose (正常申报, 破格…) */
  pathName: string;
  passed: boolean;
  failed: string[];
  blocked: string[];
}

export interface ReviewView {
  title: string;
  sections: ReviewSection[];
  materials: ReviewMaterial[];
  eligibility: ReviewEligibility | null;
}

export async function reviewView(d: AppDeps, filed: Application, shown: Application): Promise<Result<ReviewView>> {
  const level = await d.levels.get(filed.levelKey, filed.pinned.level);
  if (!level.ok) return level;
  const def = level.value.def;
  const series = await d.store.getDefinition<Series>('series', filed.seriesKey, 'latest');
  const specialties = Object.fromEntries((series?.body.specialties ?? []).map((s) => [s.key, s.name]));
  const labels = labelledForm({ schema: def.form, uiSchema: def.uiSchema, data: shown.form, optionsAt: { [def.committee?.specialtyField ?? '/specialty']: specialties } });
  const names = new Map(def.materials.map((m) => [m.id, m.name]));
  const materials: ReviewMaterial[] = [];
  for (const m of shown.materials) {
    let group = materials.find((g) => g.itemId === m.itemId);
    if (!group) materials.push((group = { itemId: m.itemId, name: names.get(m.itemId) ?? '其他材料', files: [] }));
    group.files.push({ hash: m.hash, name: m.name, mime: m.mime, size: m.size });
  }
  return ok({
    title: typeof def.form === 'object' && def.form !== null && typeof (def.form as { title?: unknown }).title === 'string' ? String((def.form as { title: string }).title) : def.title,
    sections: reviewSections(def.form, def.uiSchema, labels),
    materials,
    eligibility: await eligibilityFor(d, filed),
  });
}

async function eligibilityFor(d: AppDeps, app: Application): Promise<ReviewEligibility | null> {
  const level = await d.levels.get(app.levelKey, app.pinned.level);
  const c = await campaignOf(d, app.campaignId, app.pinned.campaign);
  const user = await d.store.getUser(app.applicantId);
  if (!level.ok || !c.ok || !user) return null;
  const res = eligibilityOf({ level: level.value, campaign: c.value.campaign, form: app.form, user, chain: await chainOf(d, app.orgId), today: today(d), counters: {}, calendars: await d.calendars.current() });
  if (!res.ok) return null;
  const e = res.value.eligibility;
  const path = e.paths.find((p) => p.id === app.pathId) ?? e.paths.find((p) => p.passed);
  if (!path) return { pathName: '—', passed: false, failed: e.paths.flatMap((p) => p.failed.map((f) => f.message)).slice(0, 5), blocked: e.blocked.map((b) => b.message) };
  return { pathName: path.name, passed: path.passed && e.blocked.length === 0, failed: path.failed.map((f) => f.message), blocked: e.blocked.map((b) => b.message) };
}

