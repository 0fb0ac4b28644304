// What the engine (step.ts) calls for task operations, in one import: the operations themselves, what holds a
// completion back, and the state kept for 撤回.
export { completionHold } from './completion-hold.js';
export { runTaskOp } from './dispatch.js';
export { rememberDecision } from './last-decision.js';
