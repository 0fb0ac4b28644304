// npm run bench: prints one `name: value unit` line per figure.
//   engine.*       the sample review flow through the real runtime, every transition written to SQLite
//                  (guarded update, task and timer indexes, hash-chained audit record)
//   engine_pure.*  the engine alone, state JSON round trip per step
//   bpmn_engine.*  bpmn-engine with getState / JSON / recover after every step
//   portal.*       the applicant portal's first load in Chromium against the real server app, compression on
//                  (designer/dist must be built): JS as a gzip-only client gets it, as Chromium got it (br), raw,
//                  and the requests, for demo-zhang at #/my (the larger) and for an anonymous visitor at #/
//   machine.*      the machine's load while the bench ran (the figures above depend on it)
// `--quick` runs fewer instances (a smoke run); figures from it are not for comparison.
import { runPersistedBench } from './engine-persisted.js';
import { runEngineBench } from './engine-vs-bpmn-engine.js';
import { printPortalFirstLoad } from './print-portal-first-load.js';

const quick = process.argv.includes('--quick');
const pure = await runEngineBench(quick ? { instances: 300, bpmnEngineInstances: 5 } : {});
const persisted = await runPersistedBench(quick ? 50 : 1000);
console.log(`engine.ratio_vs_bpmn_engine: ${(persisted / pure.bpmnEngineInstancesPerS).toFixed(1)} x`);
await printPortalFirstLoad();
