// What a flow's conditions may test, with the Chinese names the condition builder shows: the facts the
// runtime puts in a flow's variables at submit (runtime/applications/submit.ts), and the scores the
// committee office records in the scoring decision form. Data only: add a fact when submit gains one.
import type { FactDef } from '../../rules/condition-model.js';

export const FLOW_FACTS: readonly FactDef[] = [
  { id: 'directReport', label: '职称直报单位（直接报送公共服务中心）', group: '申报单位', type: 'boolean' },
  { id: 'regionLevel', label: '区直单位（不属任何盟市）', group: '申报单位', type: 'boolean', hint: '由单位在机构树中的位置得出' },
  {
    id: 'grade',
    label: '申报层级',
    group: '申报',
    type: 'enum',
    options: ['正高级', '副高级', '中级', '助理级', '员级'].map((g) => ({ value: g, label: g })),
  },
  { id: 'quotaExempt', label: '所走申报路径不占岗位指标（破格）', group: '申报', type: 'boolean' },
];

/** the scores of the scoring decision form (讲课说课、面试答辩、量化评审、民主测评) */
export const SCORE_FACTS: readonly FactDef[] = [
  { id: 'lectureScore', label: '讲课说课得分', group: '评分', type: 'number' },
  { id: 'interviewScore', label: '面试答辩得分', group: '评分', type: 'number' },
  { id: 'quantScore', label: '量化评审得分', group: '评分', type: 'number' },
  { id: 'democraticScore', label: '民主测评满意率（%）', group: '评分', type: 'number' },
];
