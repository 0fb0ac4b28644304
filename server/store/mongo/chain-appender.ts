// One appender to the audit chain per store instance. Appending is read the last record, seal after it, insert under
// the next seq; writers appending at once collide on that seq and re-read (n concurrent writers cost about n²/2
// attempts, each with a read of the last record — 49 parallel approvals took a minute on FerretDB). Writers of one
// instance therefore hand their items to a queue, and everything queued while a batch is on the wire goes in the
// next batch: one read of the last record per batch. Each writer's items stay together and in order, and its
// promise resolves once they are in the chain, as before; appendChained still settles collisions with other instances.
import type { Collection } from 'mongodb';
import type { AuditTrust } from '../audit-trust.js';
import type { AuditInput } from '../port.js';
import { appendChained, type AuditDoc } from './audit-outbox.js';

type Item = { input: AuditInput; outboxId?: string };
interface Waiting {
  items: Item[];
  resolve: () => void;
  reject: (e: unknown) => void;
}

export class ChainAppender {
  private queue: Waiting[] = [];
  private running = false;

  constructor(
    private readonly audit: Collection<AuditDoc>,
    private readonly trust: AuditTrust,
  ) {}

  append(items: Item[]): Promise<void> {
    if (items.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ items, resolve, reject });
      if (!this.running) void this.run();
    });
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue;
        this.queue = [];
        try {
          await appendChained(this.audit, batch.flatMap((w) => w.items), this.trust);
          for (const w of batch) w.resolve();
        } catch (e) {
          for (const w of batch) w.reject(e);
        }
      }
    } finally {
      this.running = false;
    }
  }
}
