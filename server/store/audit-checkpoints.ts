// The append-only file of signed audit checkpoints (domain/audit/checkpoint.ts), one JSON line each.
// A store appends a `head` line after every write that added audit records, once the write is committed: a deleted
// tail of any length then shows, and the file grows by one short line per audited write (a fraction of the audit
// record itself). Lines are small single appends (O_APPEND), so several processes can share the file. The file stays
// open between appends (≈ 10 µs a line instead of ≈ 110 µs for open-append-close here); a failed write reopens it.
import { closeSync, createReadStream, existsSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import type { AuditKey } from '../domain/audit/chain.js';
import { checkpointSigned, parseCheckpoint, signCheckpoint, type CheckpointKind, type SignedCheckpoint } from '../domain/audit/checkpoint.js';

export interface CheckpointLine {
  /** 1-based line number in the file */
  no: number;
  /** null when the line is not a checkpoint at all */
  cp: SignedCheckpoint | null;
  signed: boolean;
}

export class CheckpointLog {
  private fd: number | null = null;

  constructor(
    readonly file: string,
    private readonly key: AuditKey,
    /** which store this log speaks for ('sqlite' or 'mongo') */
    readonly store: string,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {}

  /** creates the folder and file if needed and proves the file can be appended to (fail at start, not later) */
  ensureWritable(): void {
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
    closeSync(openSync(this.file, 'a', 0o600));
  }

  append(kind: CheckpointKind, count: number, head: string): void {
    const cp = signCheckpoint({ v: 1, store: this.store, kind, count, head, at: this.now() }, this.key);
    const line = Buffer.from(`${JSON.stringify(cp)}\n`, 'utf8');
    try {
      this.fd ??= openSync(this.file, 'a', 0o600);
      writeSync(this.fd, line);
    } catch {
      this.close();
      this.fd = openSync(this.file, 'a', 0o600);
      writeSync(this.fd, line);
    }
  }

  close(): void {
    if (this.fd === null) return;
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
    this.fd = null;
  }

  /** after a committed write: a failure is reported, never turned into a failed write (the data is already in) */
  appendAfterWrite(count: number, head: string): void {
    try {
      this.append('head', count, head);
    } catch (e) {
      process.emitWarning(`审计检查点写入失败（${this.file}）：${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** this store's lines and every line that is not a checkpoint at all, in file order */
  async *lines(): AsyncGenerator<CheckpointLine> {
    if (!existsSync(this.file)) return;
    const rl = createInterface({ input: createReadStream(this.file, 'utf8'), crlfDelay: Infinity });
    let no = 0;
    for await (const text of rl) {
      no += 1;
      if (!text.trim()) continue;
      const cp = parseCheckpoint(text);
      if (cp && cp.store !== this.store) continue;
      yield { no, cp, signed: cp !== null && checkpointSigned(cp, this.key) };
    }
  }

  /** whether this store has any checkpoint yet (reads only up to the first one) */
  async hasAny(): Promise<boolean> {
    for await (const l of this.lines()) if (l.cp) return true;
    return false;
  }
}
