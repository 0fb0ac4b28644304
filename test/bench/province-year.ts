// `npm run bench -- --province-year [--quick]`: a province's year of applications (100k; 2,000 with --quick)
// through the seeded flows end to end on a fresh SQLite store — each applicant applies and submits through the
// runtime, every review step approves, the experts vote, 公示 timers fire as the injected clock reaches them,
// 核准/发证 where the flow has it; about 3% are returned once and resubmitted on the way. Prints the wall time,
// transitions per second (submits, task completions and fired timers) and the process's peak RSS.
import { FakeClock } from '../../server/domain/clock.js';
import { hashPassword } from '../../server/auth/password.js';
import { REPO_ROOT } from '../../server/config.js';
import { createPlatform } from '../../server/runtime/platform.js';
import { loadSeeds } from '../../server/runtime/seeds/load-seeds.js';
import { openSqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import type { Store } from '../../server/store/port.js';
import { tempDir } from '../support/temp-dir.js';
import { fillCampaign } from './fill/fill-campaign.js';
import { probeCombos } from './fill/fill-store.js';
import { REFERENCE_CAMPAIGN } from './fill/probe.js';
import { rng } from './fill/spread.js';

export interface ProvinceYearOptions {
  applications?: number;
  concurrency?: number;
  log?: (l: string) => void;
}

export interface ProvinceYearFigures {
  seconds: number;
  transitions: number;
  finished: number;
  peakRssMb: number;
}

/** how many flows ended, and in which state the others are (read from the summaries, keyset pages) */
async function flowEnds(store: Store): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  let after: string | undefined;
  do {
    const page = await store.listApplicationSummaries({ limit: 1000, ...(after ? { after } : {}) });
    for (const a of page.items) out[a.workflowStatus ?? a.status] = (out[a.workflowStatus ?? a.status] ?? 0) + 1;
    after = page.next ?? undefined;
  } while (after);
  return out;
}

export async function runProvinceYear(o: ProvinceYearOptions = {}): Promise<ProvinceYearFigures> {
  const n = o.applications ?? 100_000;
  const log = o.log ?? ((l: string) => console.log(l));
  const { combos } = await probeCombos([Number(REFERENCE_CAMPAIGN)], undefined, (l) => log(`# ${l}`));
  const dir = tempDir('zc-province-year-');
  const store = openSqliteStore(dir.path);
  try {
    const clock = new FakeClock('2022-01-04T02:00:00.000Z');
    const p = createPlatform({ root: REPO_ROOT, store, clock });
    await loadSeeds({ root: REPO_ROOT, store, clock, meta: p.meta, definitions: p.definitions, hashPassword: (pw) => hashPassword(pw, 1024) });
    const random = rng(2022);
    const t0 = performance.now();
    const f = await fillCampaign(p, clock, {
      campaignId: REFERENCE_CAMPAIGN,
      combos: combos.filter((c) => c.campaignId === REFERENCE_CAMPAIGN),
      count: n,
      idPrefix: 'py-',
      from: 0,
      random,
      plan: (r) => ({ budget: 10_000, returnFirst: r() < 0.03 }),
      concurrency: o.concurrency ?? 64,
      log: (l) => log(`# ${l}`),
    });
    const seconds = (performance.now() - t0) / 1000;
    const transitions = f.submitted + f.completions + f.timersFired;
    const ends = await flowEnds(store);
    const finished = ends['completed'] ?? 0;
    log(`# replay: flows by state ${JSON.stringify(ends)}`);
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    if (f.refused > 0 || Object.keys(f.completionsRefused).length > 0) log(`# replay: ${f.refused} submits refused, completions refused ${JSON.stringify(f.completionsRefused)}`);
    log(`replay.applications: ${n} count`);
    log(`replay.finished: ${finished} count`);
    log(`replay.transitions: ${transitions} count`);
    log(`replay.province_year_s: ${seconds.toFixed(1)} s`);
    log(`replay.transitions_per_s: ${(transitions / seconds).toFixed(0)} transitions/s`);
    log(`replay.peak_rss_mb: ${peakRssMb.toFixed(0)} MB`);
    return { seconds, transitions, finished, peakRssMb };
  } finally {
    await store.close();
    dir.remove();
  }
}
