// Uploaded files live on disk, named by their sha-256, so the same bytes are stored once
// and a stored file can be checked against its name.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export class BlobDir {
  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  private pathOf(hash: string): string {
    return join(this.dir, hash.slice(0, 2), hash);
  }

  /** writes via a temporary file and a rename, so a crash never leaves half a file under its hash */
  put(bytes: Buffer): string {
    const hash = createHash('sha256').update(bytes).digest('hex');
    const target = this.pathOf(hash);
    if (!existsSync(target)) {
      mkdirSync(join(this.dir, hash.slice(0, 2)), { recursive: true });
      const tmp = `${target}.${process.pid}.tmp`;
      writeFileSync(tmp, bytes);
      renameSync(tmp, target);
    }
    return hash;
  }

  get(hash: string): Buffer | null {
    if (!/^[0-9a-f]{64}$/.test(hash)) return null;
    const p = this.pathOf(hash);
    return existsSync(p) ? readFileSync(p) : null;
  }
}
