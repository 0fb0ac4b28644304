// FEEL's time budget. The text is bounded (definitions/feel-bounds.ts), which bounds parsing (milliseconds for
// the worst accepted expression, so parsing runs unguarded), but not what evaluation does: a short `for`
// over a huge range, a function calling itself twice, `matches()` backtracking on applicant data. Each
// evaluation stops after LIMITS.feelEvaluationMs, and runaway evaluations in one turn of the event loop after
// LIMITS.feelTurnMs, so a definition with many slow expressions cannot hold the loop either.
import { evaluate } from 'feelin';
import { LIMITS } from './definitions/limits.js';
import { DeadlineExceeded, runWithin } from './run-within.js';

// feelin builds its parser on first use (≈50 ms, far more on a loaded machine): once, here, outside any budget
evaluate('x > 1 and y = "a"', { x: 2, y: 'a' });

let spentThisTurn = 0;
let resetQueued = false;

/** Runs one FEEL evaluation within its budget; throws DeadlineExceeded when it, or this turn's FEEL, runs out. */
export function withinFeelBudget<T>(task: () => T): T {
  if (!resetQueued) {
    resetQueued = true;
    setImmediate(() => {
      spentThisTurn = 0;
      resetQueued = false;
    });
  }
  const budget = Math.min(LIMITS.feelEvaluationMs, LIMITS.feelTurnMs - spentThisTurn);
  if (budget <= 0) throw new DeadlineExceeded(0);
  const start = performance.now();
  try {
    return runWithin(Math.ceil(budget), task);
  } finally {
    // only evaluations that ran out count towards the turn: thousands of ordinary ones chained through promises
    // without a macrotask between them (inject, synchronous SQLite), each slowed now and then by a loaded
    // machine, must never add up to a refusal; three runaway ones in a turn are an attack, not a rule
    const spent = performance.now() - start;
    if (spent >= budget) spentThisTurn += spent;
  }
}
