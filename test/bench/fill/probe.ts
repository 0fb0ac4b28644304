// Which (campaign, unit, profile) the seeded configuration accepts, and which materials each asks for: learned by
// submitting one probe applicant per combination through the runtime on a throw-away store, so the fill never
// hard-codes routing or checklist rules (they are data and change).
import type { User } from '../../../server/domain/schema-types.gen.js';
import type { Platform } from '../../../server/runtime/platform.js';
import { submit } from '../../../server/runtime/applications/submit.js';
import { addMaterial } from '../../../server/runtime/applications/edit-draft.js';
import type { FakeClock } from '../../../server/domain/clock.js';
import { applyOne, PDF } from './apply-one.js';
import { PROFILES } from './profiles.js';
import { applyOpensAt } from './campaigns.js';

export const REFERENCE_CAMPAIGN = '2022';

export interface Combo {
  campaignId: string;
  unitId: string;
  profile: number;
  materials: string[];
}

export interface ProbeResult {
  combos: Combo[];
  /** why combinations were refused: problem code → count */
  refused: Record<string, number>;
}

export const applicantUser = (id: string, name: string, orgId: string, at: string): User => ({
  id,
  login: `${id}@fill.example.cn`,
  name,
  kind: 'applicant',
  orgId,
  roles: [{ role: 'applicant', orgId }],
  version: 1,
  createdAt: at,
});

async function tryCombo(p: Platform, clock: FakeClock, n: number, campaignId: string, unitId: string, profile: number, refused: Record<string, number>): Promise<Combo | null> {
  const user = applicantUser(`probe-${n}`, '探测申报人', unitId, clock.now());
  await p.store.insertUser(user, [{ at: clock.now(), actor: 'fill', action: 'user.create', target: { type: 'user', id: user.id } }]);
  const first = await applyOne(p, { user, campaignId, profile: PROFILES[profile]!, materials: [] });
  if (first.ok) return { campaignId, unitId, profile, materials: [] };
  const missing = first.problems.filter((x) => x.code === 'materials.missing').map((x) => x.pointer!.split('/').pop()!);
  const other = first.problems.filter((x) => x.code !== 'materials.missing');
  if (other.length === 0) {
    let app = first.draft;
    for (const item of missing) {
      const r = await addMaterial(p, user, app.id, item, { bytes: PDF, mime: 'application/pdf', name: `${item}.pdf` });
      if (!r.ok) throw new Error(`probe upload ${item}: ${r.error.message}`);
      app = r.value;
    }
    const again = await submit(p, user, app.id, {});
    if (again.ok) return { campaignId, unitId, profile, materials: missing };
    for (const x of again.error.details.length ? again.error.details : [{ code: again.error.code }]) refused[x.code] = (refused[x.code] ?? 0) + 1;
    return null;
  }
  for (const x of other) refused[x.code] = (refused[x.code] ?? 0) + 1;
  return null;
}

/**
 * every unit × profile in the first campaign; in the others one unit per accepted profile (routing and checklists
 * do not change with the year, eligibility dates and committee filings do), which then stands for all its units
 */
export async function probe(p: Platform, clock: FakeClock, campaigns: readonly string[], units: readonly string[]): Promise<ProbeResult> {
  const combos: Combo[] = [];
  const refused: Record<string, number> = {};
  let n = 0;
  // the full sweep in the seeded reference year (the seeds' committees and rules are written for it)
  const first = campaigns.includes(REFERENCE_CAMPAIGN) ? REFERENCE_CAMPAIGN : campaigns[0];
  if (!first) return { combos, refused };
  const rest = campaigns.filter((c) => c !== first);
  clock.set(await applyOpensAt(p, first));
  for (const unitId of units) {
    for (let profile = 0; profile < PROFILES.length; profile++) {
      const c = await tryCombo(p, clock, n++, first, unitId, profile, refused);
      if (c) combos.push(c);
    }
  }
  const base = [...combos];
  for (const campaignId of rest) {
    clock.set(await applyOpensAt(p, campaignId));
    for (let profile = 0; profile < PROFILES.length; profile++) {
      const mine = base.filter((c) => c.profile === profile);
      if (mine.length === 0) continue;
      if (await tryCombo(p, clock, n++, campaignId, mine[0]!.unitId, profile, refused)) combos.push(...mine.map((c) => ({ ...c, campaignId })));
    }
  }
  return { combos, refused };
}
