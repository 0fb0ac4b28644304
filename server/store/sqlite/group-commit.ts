// Group commit: writes that arrive while one is queued run in ONE `BEGIN IMMEDIATE … COMMIT`, each inside its own
// SAVEPOINT, so a refused or failing write rolls back alone and the others commit. Every caller's promise settles
// after the COMMIT (durable), with its own result. Why: BEGIN/COMMIT was ~44% of a transition's time; readers still
// see each write whole or not at all, because the batch commits as one. The flush runs on setImmediate (no timers),
// after every write queued in the same turn of the event loop; it is synchronous, so nothing interleaves with it.
import type Database from 'better-sqlite3';

/** what the store keeps across a batch: the audit head sealed so far, restored when a write rolls back */
export interface BatchHooks<M> {
  /** before each write: a mark to go back to if it fails */
  mark(): M;
  /** the write failed and its savepoint was rolled back */
  restore(mark: M): void;
  /** the whole batch committed */
  committed(): void;
  /** the whole batch rolled back (BEGIN or COMMIT failed) */
  aborted(): void;
}

interface Pending {
  fn: () => unknown;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export class GroupCommit<M> {
  private queue: Pending[] = [];
  private scheduled = false;
  private readonly savepoint: Database.Transaction<(fn: () => unknown) => unknown>;
  private readonly batch: Database.Transaction<(list: Pending[]) => Outcome[]>;
  /** what was committed so far (for benchmarks): commits, the writes in them, the largest batch */
  readonly stats = { commits: 0, writes: 0, maxBatch: 0 };

  constructor(
    private readonly db: Database.Database,
    private readonly hooks: BatchHooks<M>,
  ) {
    // better-sqlite3 runs a transaction function called inside another as a SAVEPOINT, rolled back alone on a throw
    this.savepoint = db.transaction((fn: () => unknown) => fn());
    this.batch = db.transaction((list: Pending[]) =>
      list.map((w): Outcome => {
        const mark = this.hooks.mark();
        try {
          return { ok: true, value: this.savepoint(w.fn) };
        } catch (error) {
          this.hooks.restore(mark);
          return { ok: false, error };
        }
      }),
    );
  }

  /** queues `fn` to run inside the next batch; settles once the batch is committed */
  run<T>(fn: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ fn, resolve: resolve as (v: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** runs every queued write now (also before the database closes) */
  flush(): void {
    this.scheduled = false;
    const list = this.queue;
    if (list.length === 0) return;
    this.queue = [];
    let outcomes: Outcome[];
    try {
      outcomes = this.batch.immediate(list);
    } catch (error) {
      this.hooks.aborted();
      for (const w of list) w.reject(error);
      return;
    }
    this.stats.commits += 1;
    this.stats.writes += list.length;
    if (list.length > this.stats.maxBatch) this.stats.maxBatch = list.length;
    this.hooks.committed();
    list.forEach((w, i) => {
      const o = outcomes[i]!;
      if (o.ok) w.resolve(o.value);
      else w.reject(o.error);
    });
  }
}
