// npm run bench: prints one `name: value unit` line per figure.
// engine.* is the pure engine (state JSON round trip per step); engine_persisted.* is the real
// runtime writing every transition to SQLite; bpmn_engine.* is the peer with getState/recover per step.
import { runPersistedBench } from './engine-persisted.js';
import { runEngineBench } from './engine-vs-bpmn-engine.js';

const quick = process.argv.includes('--quick');
const pure = await runEngineBench(quick ? { instances: 300, bpmnEngineInstances: 5 } : {});
const persisted = await runPersistedBench(quick ? 50 : 500);
console.log(`engine_persisted.ratio_vs_bpmn_engine: ${(persisted / pure.bpmnEngineInstancesPerS).toFixed(1)} x`);
