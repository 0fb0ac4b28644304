// Which checklist items this application must carry, decided exactly as submit decides it (requiredMaterials over
// the applicant's own facts), so the portal's 必传/选传 label and the submit check cannot disagree.
import { requiredMaterials } from '../../domain/rules/index.js';
import type { Application } from '../../domain/schema-types.gen.js';
import { campaignOf, chainOf, today, type AppDeps } from './deps.js';
import { eligibilityOf } from './eligibility-input.js';

/** the ids of the required items; null when they cannot be worked out (the level's own `required` flags stand) */
export async function materialsRequiredFor(d: AppDeps, app: Application): Promise<string[] | null> {
  const level = await d.levels.get(app.levelKey, app.pinned.level);
  if (!level.ok) return null;
  const c = await campaignOf(d, app.campaignId, app.pinned.campaign);
  if (!c.ok) return null;
  const user = await d.store.getUser(app.applicantId);
  if (!user) return null;
  const chain = await chainOf(d, app.orgId ?? user.orgId);
  const elig = eligibilityOf({ level: level.value, campaign: c.value.campaign, form: app.form, user, chain, today: today(d), counters: {}, calendars: await d.calendars.current() });
  if (!elig.ok) return null;
  return requiredMaterials(level.value.def.materials, elig.value.context).required;
}
