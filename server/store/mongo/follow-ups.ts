// Work a guarded write leaves for after it has answered: removing its write claim (claims mode). Nothing waits for
// it and nothing depends on its order — a claim left behind is removed by the sweeper — so it is queued and sent in
// batches: one command per kind for everything queued while the previous batch was on the wire (100 parallel
// writes cost a handful of deletes, not 100).
export class FollowUps {
  private readonly queued = new Map<string, { run: (ids: string[]) => Promise<unknown>; ids: string[] }>();
  private running: Promise<void> | undefined;

  /** queues `id` for the batch of `kind`; `run` sends a whole batch of that kind */
  add(kind: string, id: string, run: (ids: string[]) => Promise<unknown>): void {
    const q = this.queued.get(kind) ?? { run, ids: [] };
    q.ids.push(id);
    this.queued.set(kind, q);
    this.running ??= this.loop();
  }

  /** resolves once everything queued so far has been sent (close, and specs that count claims) */
  async flush(): Promise<void> {
    while (this.running) await this.running;
  }

  private async loop(): Promise<void> {
    await new Promise((r) => setImmediate(r)); // let writes finishing in the same turn join the batch
    try {
      while (this.queued.size > 0) {
        const batches = [...this.queued.values()];
        this.queued.clear();
        for (const b of batches) await b.run(b.ids).catch(() => undefined); // the sweeper finishes what failed
      }
    } finally {
      this.running = undefined;
    }
  }
}

/** a bounded set of recently seen ids (oldest forgotten first) */
export class RecentIds {
  private readonly ids = new Set<string>();
  constructor(private readonly max: number) {}
  add(id: string): void {
    this.ids.add(id);
    if (this.ids.size > this.max) this.ids.delete(this.ids.values().next().value as string);
  }
  has(id: string): boolean {
    return this.ids.has(id);
  }
}
