// What a template sees for a sample application of a level: the same shape as a real one
// (runtime/applications/documents.ts, documentDataOf), filled with sample data marked 样例.
import type { JsonObject } from '../json.js';
import { sampleForm } from './sample-data.js';
import { labelledForm, type OptionLabels } from './labelled-form.js';

export interface SampleLevel {
  key: string;
  title: string;
  grade?: string;
  seriesKey?: string;
  form?: unknown;
  paths?: readonly { id: string; name: string }[];
  uiSchema?: unknown;
  /** the series' specialty names by key, for a form that stores the key */
  specialties?: OptionLabels;
}

const firstPointer = (form: JsonObject): string => {
  const key = Object.keys(form)[0];
  return key === undefined ? '' : `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
};

/** `now` is an instant (ISO 8601); the sample's dates follow it so documents show this year. */
export function sampleDocumentData(level: SampleLevel, now: string): Record<string, unknown> {
  const form = sampleForm(level.form);
  const year = Number(now.slice(0, 4));
  const day = now.slice(0, 10);
  const name = typeof form.name === 'string' ? form.name : '张三';
  const application = {
    id: 'sample',
    version: 1,
    applicantId: 'sample',
    applicantName: name,
    campaignId: `${year}`,
    seriesKey: level.seriesKey ?? '',
    levelKey: level.key,
    grade: level.grade,
    campaignYear: year,
    status: 'submitted',
    form,
    materials: [],
    openTasks: [],
    timers: [],
    createdAt: now,
    updatedAt: now,
    submittedAt: now,
  };
  const row = {
    seq: 1,
    application,
    form,
    formLabels: labelledForm({ schema: level.form, uiSchema: level.uiSchema, data: form, optionsAt: { '/specialty': level.specialties ?? {} } }),
    specialtyName: typeof form.specialty === 'string' ? (level.specialties?.[form.specialty] ?? form.specialty) : '',
    statusName: '已提交',
    level: { title: level.title, grade: level.grade ?? '', seriesKey: level.seriesKey ?? '' },
    pathName: level.paths?.[0]?.name ?? '正常申报',
    unit: { id: 'sample-unit', name: '示例单位（样例）', kind: 'unit', code: '000000' },
    committee: { id: 'sample-committee', name: '示例职称评审委员会（样例）', seriesKey: level.seriesKey ?? '', highestGrade: level.grade ?? '', filing: { validFrom: `${year}-01-01`, validTo: `${year + 2}-12-31`, number: `备案〔${year}〕1号` } },
    notice: { issuedAt: now, deadline: day, lastDay: day, items: [{ code: 'sample', message: '请补充该项材料（样例）', pointer: firstPointer(form) }] },
    certificate: { number: `样例-${year}-000001`, issuedAt: day, verifyCode: 'SAMPLE01', signed: { document: { title: level.title, grade: level.grade ?? '', basis: '职称确认（原发证机关：示例机关）（样例）', validity: '全区范围内有效（样例）' } } },
  };
  const campaign = { key: `${year}`, year, name: `${year}年度职称评审（样例）`, phases: [], cutoffs: { education: `${year}-12-31`, tenure: `${year}-12-31` } };
  return { ...row, rows: [row, { ...row, seq: 2 }], campaign, scope: '示例盟市（样例）', now };
}
