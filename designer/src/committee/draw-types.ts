// What /api/draws answers: the server's own types (server/runtime/committees/draw-views.ts), erased from the bundle.
export type { DrawOptions, DrawView, ExpertView as DrawExpert, ReplayView as Replay } from '../../../server/runtime/committees/draw-views.js';
