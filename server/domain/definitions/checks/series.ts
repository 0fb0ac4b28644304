// A series that cannot work: a level key or a specialty key listed twice.
import type { Series } from '../../schema-types.gen.js';
import type { Problem } from '../../result.js';
import { duplicateProblems } from './duplicates.js';

export function seriesProblems(s: Series): Problem[] {
  return [
    ...duplicateProblems(s.levels, (l) => l.levelKey, (i) => `/levels/${i}/levelKey`, (id) => ({ code: 'series.duplicate_level', message: `层级「${id}」重复` })),
    ...duplicateProblems(s.specialties ?? [], (x) => x.key, (i) => `/specialties/${i}/key`, (id) => ({ code: 'series.duplicate_specialty', message: `专业「${id}」重复` })),
  ];
}
