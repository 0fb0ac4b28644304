// Values in a version diff shown as people know them (roles, scopes, actions, forms, conclusions, rules).
import { ACTION_LABELS, DURATION_UNITS, ROLE_LABELS, SCOPE_LABELS } from '../common/labels.js';
import { ATTENDEE_SOURCES, conclusionLabel, FORM_LABELS, VOTING_RULES } from './catalog.js';
import { isTaskOperation, OPERATION_LABELS } from '../../../server/domain/workflow/task-ops/operations.js';

export interface SettingChange {
  field: string;
  label: string;
  from?: string;
  to?: string;
}

function condition(v: string): string {
  const m = /^\s*decision\s*=\s*"([^"]+)"\s*$/.exec(v);
  if (m) return `结论为“${conclusionLabel(m[1]!)}”`;
  const vote = /^\s*\w+\s*=\s*"(passed|failed)"\s*$/.exec(v);
  if (vote) return vote[1] === 'passed' ? '表决通过' : '表决未通过';
  return v;
}

const BY_FIELD: Record<string, (v: string) => string> = {
  'zc:Assignment.role': (v) => (ROLE_LABELS as Record<string, string>)[v] ?? v,
  'zc:Assignment.scope': (v) => SCOPE_LABELS[v] ?? v,
  'zc:Action.name': (v) => ACTION_LABELS[v] ?? v,
  'zc:Duration.unit': (v) => DURATION_UNITS[v] ?? v,
  'zc:DecisionForm.formKey': (v) => FORM_LABELS[v] ?? v,
  'zc:DecisionForm.decisions': (v) => v.split(',').map((s) => conclusionLabel(s.trim())).join('、'),
  'zc:Voting.completionCondition': (v) => VOTING_RULES.find((r) => r.value === v)?.label ?? v,
  'zc:Voting.attendees': (v) => ATTENDEE_SOURCES.find((r) => r.value === v)?.label ?? v,
  'zc:TaskOperations.allowed': (v) => v.split(',').map((s) => s.trim()).map((s) => (isTaskOperation(s) ? OPERATION_LABELS[s] : s)).join('、'),
  'zc:TaskOperations.opinionRequired': (v) => (v === 'true' ? '是' : '否'),
  condition,
};

export function changeText(c: SettingChange): string {
  const show = (v?: string) => (v === undefined ? '（无）' : (BY_FIELD[c.field]?.(v) ?? v));
  return `${c.label}：${show(c.from)} → ${show(c.to)}`;
}
