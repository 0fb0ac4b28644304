// One campaign's share of a fill: applicants apply through the runtime (apply-one.ts) with `concurrency` in
// flight, then their flows move as far as each one's plan says (advance.ts).
import type { FakeClock } from '../../../server/domain/clock.js';
import type { Platform } from '../../../server/runtime/platform.js';
import { advance, type AdvanceStats, type Plan } from './advance.js';
import { applyOne } from './apply-one.js';
import { applyOpensAt } from './campaigns.js';
import { pool } from './pool.js';
import { applicantUser, type Combo } from './probe.js';
import { PROFILES } from './profiles.js';
import { pickCombo } from './spread.js';

export interface CampaignFill {
  campaignId: string;
  /** the campaign's accepted combinations */
  combos: readonly Combo[];
  count: number;
  /** applicant ids are `${idPrefix}${i}` for i from `from` */
  idPrefix: string;
  from: number;
  random: () => number;
  plan: (random: () => number) => { budget: number; returnFirst: boolean };
  concurrency: number;
  /** progress lines (one per phase and round) */
  log?: (l: string) => void;
}

export interface CampaignFigures extends AdvanceStats {
  submitted: number;
  refused: number;
}

export async function fillCampaign(p: Platform, clock: FakeClock, o: CampaignFill): Promise<CampaignFigures> {
  clock.set(await applyOpensAt(p, o.campaignId));
  const picks = Array.from({ length: o.count }, () => pickCombo(o.combos, o.random));
  const plans: Plan[] = [];
  let refused = 0;
  await pool(picks, o.concurrency, async (combo, i) => {
    const id = `${o.idPrefix}${o.from + i}`;
    const user = applicantUser(id, `申报人${o.from + i}`, combo.unitId, clock.now());
    await p.store.insertUser(user, [{ at: clock.now(), actor: 'fill', action: 'user.create', target: { type: 'user', id } }]);
    const res = await applyOne(p, { user, campaignId: o.campaignId, profile: PROFILES[combo.profile]!, materials: combo.materials });
    if (!res.ok) {
      refused += 1;
      return;
    }
    plans.push({ id: res.app.id, ...o.plan(o.random) });
  });
  o.log?.(`${o.campaignId}: ${plans.length} submitted, ${refused} refused`);
  const stats = await advance(p, clock, plans, o.concurrency, o.log);
  return { ...stats, submitted: plans.length, refused };
}
