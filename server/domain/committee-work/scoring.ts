// 评分 (D4): each present expert fills the committee's scoring sheet for each candidate; the office sees only how many
// sheets are in; the averages alone reach the application. Pure: the sheets are arguments.
import type { Problem } from '../result.js';
import type { CommitteeList } from '../schema-types.gen.js';

export type ScoringSheetDef = NonNullable<CommitteeList['committees'][number]['scoringSheet']>;
export type ScoringItem = ScoringSheetDef['items'][number];

/** one expert's sheet for one candidate (record kind 'scoreSheet', id `sc-<session>-<application>-<expert>`) */
export interface ScoreSheet {
  sessionId: string;
  applicationId: string;
  expertId: string;
  userId: string;
  /** scoring form field → the expert's score */
  scores: Record<string, number>;
  submittedAt?: string;
}

export const scoreSheetId = (sessionId: string, applicationId: string, expertId: string): string => `sc-${sessionId}-${applicationId}-${expertId}`;

const round2 = (n: number): number => Math.round((n + Number.EPSILON) * 100) / 100;

/** the problems of a sheet's scores, each at its item (`/scores/<field>`); `complete`: every item must be filled */
export function sheetProblems(def: ScoringSheetDef, scores: Record<string, unknown>, complete: boolean): Problem[] {
  const out: Problem[] = [];
  const known = new Set(def.items.map((i) => i.field));
  for (const field of Object.keys(scores)) {
    if (!known.has(field)) out.push({ code: 'score.unknown_item', message: '评分表中没有这一项', pointer: `/scores/${field}` });
  }
  for (const item of def.items) {
    const v = scores[item.field];
    const pointer = `/scores/${item.field}`;
    if (v === undefined || v === null) {
      if (complete) out.push({ code: 'score.required', message: `请填写${item.label}得分`, pointer });
    } else if (typeof v !== 'number' || !Number.isFinite(v)) {
      out.push({ code: 'score.not_number', message: `${item.label}得分须为数字`, pointer });
    } else if (v < item.min || v > item.max) {
      out.push({ code: 'score.out_of_range', message: `${item.label}得分须在 ${item.min} 至 ${item.max} 分之间`, pointer });
    }
  }
  return out;
}

export interface ScoreSummary {
  /** how many sheets were averaged */
  sheets: number;
  /** whether one highest and one lowest score were dropped per item */
  dropped: boolean;
  /** field → mean, 2 decimals */
  items: Record<string, number>;
  /** Σ mean × weight / Σ weight, 2 decimals (the plain mean when every weight is 0) */
  total: number;
}

/** per item the mean over the sheets, dropping one highest and one lowest when the sheet says so and 5 or more are in */
export function aggregate(def: ScoringSheetDef, sheets: Record<string, number>[]): ScoreSummary {
  const dropped = def.dropHighLow === true && sheets.length >= 5;
  const items: Record<string, number> = {};
  for (const item of def.items) {
    const values = sheets.map((s) => s[item.field]).filter((v): v is number => typeof v === 'number').sort((a, b) => a - b);
    const kept = dropped ? values.slice(1, -1) : values;
    items[item.field] = kept.length === 0 ? 0 : round2(kept.reduce((a, b) => a + b, 0) / kept.length);
  }
  const weights = def.items.reduce((a, i) => a + i.weight, 0);
  const total = weights > 0 ? def.items.reduce((a, i) => a + (items[i.field] ?? 0) * i.weight, 0) / weights : def.items.reduce((a, i) => a + (items[i.field] ?? 0), 0) / def.items.length;
  return { sheets: sheets.length, dropped, items, total: round2(total) };
}
