// A decade needs ten campaigns; the seeds have a few. The missing years are published through the definitions
// runtime (the same checks an administrator's publish runs) as copies of the nearest seeded campaign, dates moved.
import type { Campaign } from '../../../server/domain/schema-types.gen.js';
import type { Platform } from '../../../server/runtime/platform.js';

/** the instant the fill applies in a campaign: its apply phase's first day, 10:00 in Beijing */
export async function applyOpensAt(p: Platform, campaignId: string): Promise<string> {
  const rec = await p.store.getDefinition<Campaign>('campaign', campaignId, 'latest');
  const opens = rec?.body.phases.find((ph) => ph.id === 'apply')?.opens;
  if (!opens) throw new Error(`campaign ${campaignId} has no apply phase`);
  return `${opens}T02:00:00.000Z`;
}

const shift = (body: Campaign, from: number, to: number): Campaign => {
  const text = JSON.stringify(body).replace(new RegExp(`(?<![0-9])(${from}|${from - 1})(?![0-9])`, 'g'), (y) => String(Number(y) + to - from));
  return { ...(JSON.parse(text) as Campaign), key: String(to), year: to };
};

/** campaign keys for `years`, publishing copies where none is stored; years that do not pass publish are left out */
export async function ensureCampaigns(p: Platform, years: readonly number[], log: (l: string) => void): Promise<string[]> {
  const keys: string[] = [];
  const template = await p.store.getDefinition<Campaign>('campaign', '2022', 'latest');
  for (const year of years) {
    const key = String(year);
    // working-day deadlines (公示, 办理期限) need the year's holiday calendar; without it a flow stops at its first timer
    if (!(await p.store.getDefinition('calendar', key, 'latest'))) {
      log(`fill: no campaign ${key}: no holiday calendar for ${key} is published`);
      continue;
    }
    if (await p.store.getDefinition('campaign', key, 'latest')) {
      keys.push(key);
      continue;
    }
    if (!template) continue;
    const res = await p.definitions.publish('campaign', key, 'fill', shift(template.body, 2022, year));
    if (res.ok) keys.push(key);
    else log(`fill: campaign ${key} not published: ${res.error.message} ${res.error.details.map((d) => `${d.pointer ?? ''} ${d.message}`).join('; ')}`);
  }
  return keys;
}
