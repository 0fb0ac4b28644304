// A moment inside the apply phase of the newest seeded campaign, so an applicant may create a draft.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../server/config.js';

export function duringApplyPhase(): string {
  const dir = join(REPO_ROOT, 'seeds', 'campaigns');
  const campaigns = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as { year: number; phases: { id: string; opens: string }[] })
    .sort((a, b) => b.year - a.year);
  const opens = campaigns[0]?.phases.find((p) => p.id === 'apply')?.opens;
  return opens ? `${opens}T02:00:00.000Z` : '2022-06-01T02:00:00.000Z';
}
