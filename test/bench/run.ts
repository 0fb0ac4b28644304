// npm run bench: prints one `name: value unit` line per figure, with the machine's load at the start and the end
// (every figure depends on it: say the load next to any figure you quote).
//   machine.*      cores and load average
//   engine.*       the sample review flow through the real runtime, every transition written to SQLite
//                  (guarded update, task and timer indexes, hash-chained audit record)
//   engine_pure.*  the engine alone, state JSON round trip per step
//   bpmn_engine.*  bpmn-engine with getState / JSON / recover after every step
//   portal.*       the applicant portal's first load in Chromium against the real server app, compression on
//                  (designer/dist must be built): JS as a gzip-only client gets it, as Chromium got it (br), raw,
//                  and the requests, for demo-zhang at #/my (the larger) and for an anonymous visitor at #/
// Flags:
//   --quick                    fewer instances (a smoke run, under 2 minutes); figures from it are not for comparison
//   --fill N --data-dir DIR    only the fill tool: fills DIR up to N applications through the runtime (fill.*)
//     [--runtime K]            K of them through the runtime, the rest copies of those (replicate/): a million is
//                              reachable in minutes instead of days (the runtime fill runs at a few per second here)
//   --screens --data-dir DIR [--size 100k]   the 花名册, dashboard and 待办 in Chromium on a filled store, screenshots
//                              in test-output/scale/ (screens.* seconds to show)
//   --mongo [--n N]            only the MongoDB figures on MONGODB_URL (mongo.*)
//   --province-year [--quick]  only the province-year replay: 100k (2,000 with --quick) applications end to end (replay.*)
//   --http --data-dir DIR [--size 100k]   only the HTTP and memory figures on a filled data dir (inbox.*, submit.*,
//                              approve.*, memory.*; the run changes the store: use a copy)
import { runPersistedBench } from './engine-persisted.js';
import { runEngineBench } from './engine-vs-bpmn-engine.js';
import { printFill } from './fill/print-fill.js';
import { printFillAndCopies } from './replicate/print-replicate.js';
import { runHttpBench } from './http-figures.js';
import { runInboxSql } from './http-inbox-sql.js';
import { runMongoBench } from './mongo-figures.js';
import { printMachine } from './machine.js';
import { printPortalFirstLoad } from './print-portal-first-load.js';
import { runProvinceYear } from './province-year.js';
import { runScreensAtScale } from './screens-at-scale.js';

const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(name);
const value = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const quick = flag('--quick');
const log = (l: string): void => console.log(l);

printMachine(log, 'start');
if (value('--fill') !== undefined) {
  const n = Number(value('--fill'));
  const dataDir = value('--data-dir');
  if (!Number.isInteger(n) || n <= 0 || !dataDir) throw new Error('usage: npm run bench -- --fill N --data-dir DIR');
  const concurrency = value('--concurrency');
  const runtime = value('--runtime');
  if (runtime !== undefined) await printFillAndCopies({ n, runtime: Number(runtime), dataDir, ...(concurrency ? { concurrency: Number(concurrency) } : {}) }, log);
  else await printFill({ n, dataDir, ...(concurrency ? { concurrency: Number(concurrency) } : {}) }, log);
} else if (flag('--http')) {
  const dataDir = value('--data-dir');
  if (!dataDir) throw new Error('usage: npm run bench -- --http --data-dir DIR [--size 100k]');
  const size = value('--size') ?? 'filled';
  await runHttpBench({ dataDir, size, log });
  await runInboxSql({ dataDir, size, log });
} else if (flag('--screens')) {
  const dataDir = value('--data-dir');
  if (!dataDir) throw new Error('usage: npm run bench -- --screens --data-dir DIR [--size 100k]');
  await runScreensAtScale({ dataDir, size: value('--size') ?? 'filled', log });
} else if (flag('--mongo')) {
  const n = value('--n');
  await runMongoBench({ log, ...(n ? { n: Number(n) } : {}) });
} else if (flag('--province-year')) {
  const concurrency = value('--concurrency');
  await runProvinceYear({ applications: quick ? 2000 : 100_000, log, ...(concurrency ? { concurrency: Number(concurrency) } : {}) });
} else {
  // the fair ratios (engine.ratio_vs_bpmn_engine_in_memory / _recovered) are printed by runEngineBench
  await runEngineBench(quick ? { instances: 300, bpmnEngineInstances: 5, log } : { log });
  await runPersistedBench({ instances: quick ? 50 : 1000, log });
  await printPortalFirstLoad();
}
printMachine(log, 'end');
