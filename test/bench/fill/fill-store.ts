// The fill tool: a SQLite store filled through the platform's own runtime, so anyone can reproduce the scale
// figures of issue 16 (`npm run bench -- --fill N --data-dir DIR`). Every application is a real applicant's
// createDraft → saveForm → materials → pledge → submit, then a share of them is moved along its flow by task
// completions and fired timers (advance.ts). Applicants spread over the seeded units that the seeded rules and
// committees accept (probe.ts), with the seeded reviewer demo-unit-design's unit holding about 1%, over the
// campaigns of a decade and several series and levels. Appending: a data dir that holds M applications gets N − M more.
import { statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { hashPassword } from '../../../server/auth/password.js';
import { REPO_ROOT } from '../../../server/config.js';
import { FakeClock } from '../../../server/domain/clock.js';
import { createPlatform, type Platform } from '../../../server/runtime/platform.js';
import { loadSeeds } from '../../../server/runtime/seeds/load-seeds.js';
import { openSqliteStore } from '../../../server/store/sqlite/sqlite-store.js';
import type { Store } from '../../../server/store/port.js';
import { tempDir } from '../../support/temp-dir.js';
import { ensureCampaigns } from './campaigns.js';
import { fillCampaign } from './fill-campaign.js';
import { probe, type Combo } from './probe.js';
import { PROFILES } from './profiles.js';
import { cached, probeCacheFile } from './probe-cache.js';
import { budgetFor, rng } from './spread.js';

export interface FillOptions {
  n: number;
  dataDir: string;
  /** applications in flight at once (default 64) */
  concurrency?: number;
  /** campaign years (default the decade 2017–2026; years the configuration refuses are left out and logged) */
  years?: readonly number[];
  /** only these units (default every seeded unit the configuration accepts) */
  units?: readonly string[];
  log?: (l: string) => void;
}

export interface FillResult {
  /** applications in the store after the fill */
  applications: number;
  /** applications this run added */
  added: number;
  /** submits the runtime refused (their drafts stay, as a real refused applicant's would) */
  refused: number;
  completions: number;
  timersFired: number;
  /** the fill itself (applications_per_s is added / seconds) */
  seconds: number;
  /** finding the accepted combinations (0 when cached) */
  probeSeconds: number;
  storeMb: number;
  campaigns: string[];
  combos: number;
}

/** a decade of campaigns; kept are the years with a holiday calendar whose applications the seeded committees
 * (their filing periods) accept: with the seeds as they are, 2022–2026 */
export const DEFAULT_YEARS = [2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026];

async function seeded(store: Store, clock: FakeClock): Promise<Platform> {
  const p = createPlatform({ root: REPO_ROOT, store, clock });
  await loadSeeds({ root: REPO_ROOT, store, clock, meta: p.meta, definitions: p.definitions, hashPassword: (pw) => hashPassword(pw, 1024) });
  return p;
}

export function dirMb(dir: string): number {
  let bytes = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) bytes += statSync(join(e.parentPath, e.name)).size;
  }
  return bytes / 1_048_576;
}

const UNIT_KINDS = new Set(['unit']);

/** the combinations the seeded configuration accepts, probed on a throw-away store */
export async function probeCombos(years: readonly number[], only: readonly string[] | undefined, log: (l: string) => void): Promise<{ combos: Combo[]; campaigns: string[] }> {
  return cached(probeCacheFile({ years, only }), () => probeNow(years, only, log));
}

async function probeNow(years: readonly number[], only: readonly string[] | undefined, log: (l: string) => void): Promise<{ combos: Combo[]; campaigns: string[] }> {
  const dir = tempDir('zc-fill-probe-');
  const store = openSqliteStore(dir.path);
  try {
    const clock = new FakeClock('2017-01-01T02:00:00.000Z');
    const p = await seeded(store, clock);
    const campaigns = await ensureCampaigns(p, years, log);
    const units = (await store.listOrgs()).filter((o) => UNIT_KINDS.has(o.kind) && (!only || only.includes(o.id))).map((o) => o.id).sort();
    const res = await probe(p, clock, campaigns, units);
    log(`fill: probe accepted ${res.combos.length} of ${campaigns.length * units.length * PROFILES.length} (campaign, unit, level) combinations; refusals ${JSON.stringify(res.refused)}`);
    if (res.combos.length === 0) throw new Error(`fill: the seeded configuration accepted no combination: ${JSON.stringify(res.refused)}`);
    return { combos: res.combos, campaigns: [...new Set(res.combos.map((c) => c.campaignId))].sort() };
  } finally {
    await store.close();
    dir.remove();
  }
}

export async function fillStore(o: FillOptions): Promise<FillResult> {
  const log = o.log ?? (() => {});
  const concurrency = o.concurrency ?? 64;
  const t0 = performance.now();
  const { combos, campaigns } = await probeCombos(o.years ?? DEFAULT_YEARS, o.units, log);
  if (combos.length === 0) throw new Error('fill: the seeded configuration accepted no combination');

  const probeSeconds = (performance.now() - t0) / 1000;
  const store = openSqliteStore(o.dataDir);
  const clock = new FakeClock('2017-01-01T02:00:00.000Z');
  const p = await seeded(store, clock);
  await ensureCampaigns(p, campaigns.map(Number), log);
  const before = (await store.listApplicationSummaries({ limit: 1 })).total;
  const want = Math.max(0, o.n - before);
  const tag = Date.now().toString(36);
  const random = rng(before + 1);
  let refused = 0;
  let completions = 0;
  let timersFired = 0;
  const tFill = performance.now();
  for (let c = 0; c < campaigns.length; c++) {
    const campaignId = campaigns[c]!;
    const from = Math.floor((want * c) / campaigns.length);
    const count = Math.floor((want * (c + 1)) / campaigns.length) - from;
    if (count === 0) continue;
    const mine = combos.filter((x) => x.campaignId === campaignId);
    const f = await fillCampaign(p, clock, { campaignId, combos: mine, count, idPrefix: `fill-${tag}-`, from, random, plan: budgetFor, concurrency, log });
    refused += f.refused;
    completions += f.completions;
    timersFired += f.timersFired;
    if (Object.keys(f.completionsRefused).length > 0) log(`fill: ${campaignId} task completions refused ${JSON.stringify(f.completionsRefused)}`);
    log(`fill: campaign ${campaignId}: ${count} applications, ${f.completions} task completions, ${f.timersFired} timers fired (${((performance.now() - tFill) / 1000).toFixed(1)} s)`);
  }
  const applications = (await store.listApplicationSummaries({ limit: 1 })).total;
  await store.close();
  const seconds = (performance.now() - tFill) / 1000;
  return { applications, added: applications - before, refused, completions, timersFired, seconds, probeSeconds, storeMb: dirMb(o.dataDir), campaigns, combos: combos.length };
}
