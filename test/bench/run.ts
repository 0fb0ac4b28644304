// npm run bench: prints `name: value unit` lines. The store owner wires SQLite persistence
// through the `persist` hook of runEngineBench.
import { runEngineBench } from './engine-vs-bpmn-engine.js';

await runEngineBench();
