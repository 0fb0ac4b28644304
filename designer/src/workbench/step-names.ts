// The 环节 filter offers the steps seen in the lists so far (the server lists tasks, not the flows' steps); a
// chosen step keeps its name when the page no longer shows it.
import type { StepOption } from './ListFilters.js';

const seen = new Map<string, string>();

export function stepOptions(rows: { elementId: string; name: string }[], selected?: string): StepOption[] {
  for (const r of rows) seen.set(r.elementId, r.name);
  const ids = new Set([...rows.map((r) => r.elementId), ...(selected && seen.has(selected) ? [selected] : [])]);
  return [...ids].map((id) => ({ value: id, label: seen.get(id) ?? '' })).filter((o) => o.label !== '');
}
