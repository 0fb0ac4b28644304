// 试运行的样例申报人: the facts a flow's conditions read (steps/flow-facts.ts), as submit would put them in
// the flow's variables for a typical applicant of each kind of unit. Data only; the designer shows the labels.
import type { Variables } from './state.js';

export interface SampleApplicant {
  id: string;
  label: string;
  facts: Variables;
}

export const SAMPLE_APPLICANTS: readonly SampleApplicant[] = [
  { id: 'regionLevel', label: '区直单位申报人（副高级）', facts: { regionLevel: true, directReport: false, grade: '副高级', quotaExempt: false } },
  { id: 'league', label: '盟市所属单位申报人（中级）', facts: { regionLevel: false, directReport: false, grade: '中级', quotaExempt: false } },
  { id: 'directReport', label: '职称直报单位申报人（正高级）', facts: { regionLevel: true, directReport: true, grade: '正高级', quotaExempt: false } },
  { id: 'nonPublic', label: '非公有制单位申报人（经推荐渠道，中级）', facts: { regionLevel: false, directReport: false, grade: '中级', quotaExempt: false } },
];

export const sampleApplicant = (id: string): SampleApplicant | undefined => SAMPLE_APPLICANTS.find((s) => s.id === id);
