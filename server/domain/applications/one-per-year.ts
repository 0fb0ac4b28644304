// C1: one application per person per level (grade) per year. An application holds its (applicant, year, grade)
// key from submission on, whatever happens to it later, unless it is withdrawn; drafts hold nothing.
// Both stores enforce the key with a unique index or a unique claim document, so parallel submits cannot race it.
import type { Application } from '../schema-types.gen.js';

/** statuses that do not hold the key (mirrored by the partial unique index in store/sqlite/schema.sql) */
export const RELEASING_STATUSES: ReadonlySet<Application['status']> = new Set(['draft', 'withdrawn']);

type KeyFields = Pick<Application, 'applicantId' | 'status' | 'grade' | 'campaignYear'>;

/** the key this application holds, or null (a draft, a withdrawn one, or one submitted before grades were recorded) */
export function heldOnePerYearKey(app: KeyFields): string | null {
  if (RELEASING_STATUSES.has(app.status) || app.grade === undefined || app.campaignYear === undefined) return null;
  return JSON.stringify([app.applicantId, app.campaignYear, app.grade]);
}

export const duplicateMessage = (grade: string, year: number): string =>
  `${year} 年度已提交过${grade}职称申报，同一层级每年只能向一个评委会申报一次`;
