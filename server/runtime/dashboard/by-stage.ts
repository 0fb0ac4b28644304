// 各环节申报数: status in words and the step the flow waits at, one row per pair.
import { statusName } from '../../domain/applications/status-names.js';
import type { AppSummary } from './app-summary.js';
import { byName } from './count-by.js';

export interface StageCount {
  statusName: string;
  /** 当前环节; '—' when the flow waits at no step (draft, finished) */
  step: string;
  count: number;
}

export function countByStage(apps: readonly AppSummary[]): StageCount[] {
  const rows = new Map<string, StageCount>();
  for (const a of apps) {
    const status = statusName(a.status) || '其他';
    const step = a.steps.length > 0 ? [...new Set(a.steps)].join('、') : '—';
    const k = `${status}\u0000${step}`;
    const row = rows.get(k) ?? { statusName: status, step, count: 0 };
    row.count += 1;
    rows.set(k, row);
  }
  return [...rows.values()].sort((a, b) => b.count - a.count || byName(a.statusName, b.statusName) || byName(a.step, b.step));
}
