// Between two pages of a long read (roster, dashboard, export): lets the event loop run, so other requests are
// served meanwhile and a client that went away is noticed, then stops if it did. SQLite answers synchronously,
// so without this turn a whole export runs in one go and no close event is seen until it is over.
import { setImmediate as turn } from 'node:timers/promises';

export async function nextPage(signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return;
  signal.throwIfAborted();
  await turn();
  signal.throwIfAborted();
}
