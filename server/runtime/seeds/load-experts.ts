// Start-up seeding of the 专家库 (seeds/experts.json, optional): each expert is written once as an operational
// record (kind 'expert'), audited; an expert already stored is left as the office keeps it (re-seeding writes nothing).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../../domain/clock.js';
import type { Expert } from '../../domain/committee-work/types.js';
import type { Store } from '../../store/port.js';
import { expertKeys } from '../committees/experts.js';
import { SeedFileError } from './read-seed-files.js';

const SYSTEM = 'system:seed';

type SeedExpert = Expert & { id: string };

function readExperts(seedsDir: string): { path: string; items: SeedExpert[] } | null {
  const path = join(seedsDir, 'experts.json');
  if (!existsSync(path)) return null;
  const doc = JSON.parse(readFileSync(path, 'utf8')) as { experts?: unknown };
  if (!Array.isArray(doc.experts)) throw new SeedFileError(path, '/experts', '缺少专家列表');
  (doc.experts as Partial<SeedExpert>[]).forEach((e, i) => {
    const ok = typeof e.id === 'string' && typeof e.name === 'string' && Array.isArray(e.committees) && Array.isArray(e.service) && Array.isArray(e.specialties);
    if (!ok) throw new SeedFileError(path, `/experts/${i}`, '专家须有 id、name、specialties、committees 和 service');
  });
  return { path, items: doc.experts as SeedExpert[] };
}

/** returns how many experts were written */
export async function loadExperts(store: Store, clock: Clock, seedsDir: string): Promise<number> {
  const file = readExperts(seedsDir);
  if (!file) return 0;
  let written = 0;
  for (const { id, ...body } of file.items) {
    if (await store.getRecord('expert', id)) continue;
    const now = clock.now();
    const res = await store.putRecord({ kind: 'expert', id, version: 1, updatedAt: now, keys: expertKeys(body), body }, null, [
      { at: now, actor: SYSTEM, action: 'expert.seed', target: { type: 'expert', id }, after: { name: body.name, committees: body.committees } },
    ]);
    if (!res.ok && res.code !== 'duplicate') throw new SeedFileError(file.path, `/experts/${id}`, res.message);
    if (res.ok) written += 1;
  }
  return written;
}
