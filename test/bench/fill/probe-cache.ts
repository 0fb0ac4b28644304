// The probe submits a few hundred applicants (minutes on a loaded machine), and its answer changes only with the
// seeded configuration: it is kept in the temp dir under a hash of the seed and flow files, the profiles and the ask.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../../server/config.js';

function hashTree(h: ReturnType<typeof createHash>, dir: string): void {
  if (!existsSync(dir)) return;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true }).sort((a, b) => join(a.parentPath, a.name).localeCompare(join(b.parentPath, b.name)))) {
    if (!e.isFile()) continue;
    const path = join(e.parentPath, e.name);
    h.update(path.slice(REPO_ROOT.length)).update(readFileSync(path));
  }
}

export function probeCacheFile(ask: unknown): string {
  const h = createHash('sha256');
  for (const d of ['seeds', 'workflows', 'schemas/forms']) hashTree(h, join(REPO_ROOT, d));
  for (const f of ['profiles.ts', 'probe.ts', 'campaigns.ts']) h.update(readFileSync(join(import.meta.dirname, f)));
  h.update(JSON.stringify(ask));
  return join(tmpdir(), `zc-fill-probe-${h.digest('hex').slice(0, 16)}.json`);
}

export async function cached<T>(file: string, make: () => Promise<T>): Promise<T> {
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as T;
  const value = await make();
  writeFileSync(file, JSON.stringify(value));
  return value;
}
