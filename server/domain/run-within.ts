// A synchronous computation that must not hold the event loop for long: FEEL evaluation. Static limits
// bound the text, but not what it does (`for a in 1..1000, b in 1..1000 return a+b` is 41 characters and
// runs for seconds; `matches(x, "^(a+)+$")` backtracks on applicant data). Node's vm timeout terminates
// whatever JavaScript runs inside the call, our own modules included, after the budget; irregexp
// backtracking is interrupted too. The budget is a resource guard, not business time: no result depends on it.
import vm from 'node:vm';

export class DeadlineExceeded extends Error {
  constructor(readonly budgetMs: number) {
    super(`computation exceeded ${budgetMs} ms`);
    this.name = 'DeadlineExceeded';
  }
}

interface Sandbox {
  task?: () => unknown;
}

const sandbox: Sandbox = {};
const context = vm.createContext(sandbox);
const script = new vm.Script('task()', { filename: 'run-within' });

/** Runs `task` and returns its result, or throws DeadlineExceeded once it has run for `budgetMs`. */
export function runWithin<T>(budgetMs: number, task: () => T): T {
  const previous = sandbox.task; // calls may nest: restore the outer task afterwards
  sandbox.task = task;
  try {
    return script.runInContext(context, { timeout: budgetMs }) as T;
  } catch (e) {
    if ((e as { code?: unknown } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new DeadlineExceeded(budgetMs);
    throw e;
  } finally {
    sandbox.task = previous;
  }
}
