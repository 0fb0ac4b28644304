// The facts the platform supplies to every rule (see context.ts and runtime/applications/eligibility-input.ts),
// with the Chinese names the condition builder shows. Data only: add a fact here when context.ts gains one.
import type { FactDef } from './condition-model.js';

export const PLATFORM_FACTS: readonly FactDef[] = [
  {
    id: 'org.sector',
    label: '单位性质',
    group: '所在单位',
    type: 'enum',
    options: [
      { value: 'public', label: '公有制单位（机关、事业单位、国有企业）' },
      { value: 'non-public', label: '非公有制领域' },
    ],
  },
  {
    id: 'org.grassroots',
    label: '单位所在层级',
    group: '所在单位',
    type: 'enum',
    options: [
      { value: 'township', label: '苏木乡镇' },
      { value: 'banner', label: '旗县（市、区）' },
      { value: 'city', label: '盟市' },
      { value: 'region', label: '自治区' },
    ],
    hint: '由单位在机构树中的位置得出',
  },
  { id: 'org.regionCode', label: '所在盟市代码', group: '所在单位', type: 'string' },
  { id: 'person.civilServant', label: '公务员（含参照公务员法管理人员）', group: '申报人', type: 'boolean' },
  { id: 'person.retired', label: '离退休人员', group: '申报人', type: 'boolean' },
  { id: 'integrity.active', label: '处于职称失信记录期内', group: '申报人', type: 'boolean' },
  { id: 'campaign.year', label: '评审年度', group: '年度安排', type: 'number' },
  { id: 'campaign.cutoffs.tenure', label: '资历截止日', group: '年度安排', type: 'date' },
  { id: 'campaign.cutoffs.education', label: '学历截止日', group: '年度安排', type: 'date' },
  { id: 'campaign.cutoffs.achievements', label: '业绩截止日', group: '年度安排', type: 'date' },
  { id: 'applicationDate', label: '申报日', group: '年度安排', type: 'date' },
];

/** Facts about the path being evaluated: only conditions inside a path see them. */
export const PATH_FACTS: readonly FactDef[] = [
  { id: 'path.quotaExempt', label: '本路径不占岗位指标（破格）', group: '申报路径', type: 'boolean' },
  { id: 'path.onceOnly', label: '本路径每人限用一次', group: '申报路径', type: 'boolean' },
];
