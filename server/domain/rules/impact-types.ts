// What the impact preview answers (POST /api/designer/impact), shared with the designer, which imports these
// types instead of copying them.
import type { ImpactChange, ImpactReason, PathFlip } from './impact-compare.js';
import type { Problem } from '../result.js';
import type { Application } from '../schema-types.gen.js';

export type { ImpactChange, ImpactReason, PathFlip };

export interface ImpactItem {
  applicationId: string;
  /** the applicant's name and unit: never an ID number */
  name: string;
  unit: string;
  status: Application['status'];
  statusName: string;
  change: Exclude<ImpactChange, 'unchanged'>;
  /** '可申报' / '不可申报' under the published rules and under the draft */
  before: string;
  after: string;
  paths: PathFlip[];
  reasons: ImpactReason[];
}

export interface LevelImpact {
  key: string;
  title: string;
  /** the published version compared with; null when the level was never published (no application can exist) */
  publishedVersion: number | null;
  /** this level's applications in the campaign (withdrawn ones included, never examined) */
  total: number;
  examined: number;
  counts: { gains: number; loses: number; paths: number; unchanged: number; skipped: number };
  changes: ImpactItem[];
  /** the draft cannot be applied to this level (a module's draft removed a condition it uses): not examined */
  problems?: Problem[];
}

export interface ImpactResult {
  campaign: { key: string; name: string };
  levels: LevelImpact[];
  examined: number;
  total: number;
  /** present when applications remain: send it back to examine the next ones */
  nextCursor?: string;
  /** e.g. 仅检查了前 200 份（共 350 份） */
  note?: string;
}
