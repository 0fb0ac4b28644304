// What the modeler's dropdowns offer, from GET /api/workflows/:key/catalog: orgs by name, committees, and the
// decision forms (with their conclusions) of the levels that use the flow. Passed to bpmn-js as config.zcCatalog.
import { DECISION_LABELS } from '../common/labels.js';

export interface FlowCatalog {
  orgs: { id: string; name: string; parentName?: string }[];
  committees: { id: string; name: string }[];
  levelsUsingFlow: string[];
  decisionForms: { key: string; title: string; conclusions: { value: string; label?: string }[]; levels: string[] }[];
  /** the notification templates a 发送通知 step may use, by name */
  notifyTemplates?: { key: string; name: string }[];
}

export const EMPTY_CATALOG: FlowCatalog = { orgs: [], committees: [], levelsUsingFlow: [], decisionForms: [] };

/** the decision forms' names people know (a level's form schema may carry no title of its own) */
export const FORM_LABELS: Record<string, string> = {
  review: '审核（同意／退回补正／不同意）',
  resubmit: '补正后重新提交',
  vote: '专家无记名表决',
  scoring: '专家评分（讲课说课、面试答辩、量化评审、民主测评）',
  publicity: '公示期间受理投诉',
  complaint: '投诉核查',
  filing: '核准备案',
  entrust: '委托函审核',
  result: '评审结果',
};

const MORE_CONCLUSIONS: Record<string, string> = {
  scored: '录入评分',
  complaint: '登记投诉',
  dismiss: '投诉不属实',
  uphold: '投诉属实',
  passed: '通过',
  failed: '未通过',
};

export const conclusionLabel = (value: string, fromForm?: string): string => DECISION_LABELS[value] ?? MORE_CONCLUSIONS[value] ?? fromForm ?? `结论“${value}”`;

export const formLabel = (catalog: FlowCatalog, key: string): string => FORM_LABELS[key] ?? catalog.decisionForms.find((f) => f.key === key)?.title ?? `表单“${key}”`;

/** the conclusions a form offers: from the catalog, else the ones the task already lists */
export function conclusionsOf(catalog: FlowCatalog, formKey: string | undefined, current: string[]): { value: string; label: string }[] {
  const form = catalog.decisionForms.find((f) => f.key === formKey);
  const values: { value: string; label?: string }[] = form ? form.conclusions : current.map((value) => ({ value }));
  return values.map((c) => ({ value: c.value, label: conclusionLabel(c.value, c.label) }));
}

/** the pass rules an expert vote can use, as FEEL over approvals, rejections, votes and attending */
export const VOTING_RULES: { value: string; label: string }[] = [
  { value: 'approvals >= attending * 2 / 3', label: '出席专家三分之二以上同意' },
  { value: 'approvals > attending / 2', label: '出席专家过半数同意' },
  { value: 'approvals = attending', label: '出席专家全体同意' },
];

export const ATTENDEE_SOURCES: { value: string; label: string }[] = [{ value: 'experts', label: '本评委会抽取的全体评审专家' }];
