// The kinds of application path an administrator adds as cards: the usual ones of the 2022 notice (正常申报,
// 破格 1–5, 基层, 非公, 转系列, 考核认定), each with its id and flags, or a path of one's own.
export interface PathPreset {
  id: string;
  name: string;
  quotaExempt?: boolean;
  onceOnly?: boolean;
  /** D8: the 破格 paths share one use */
  onceGroup?: string;
}

export const PATH_PRESETS: readonly PathPreset[] = [
  { id: 'regular', name: '正常申报' },
  { id: 'poge-1', name: '破格1：重大贡献（盟市政府或自治区主管部门推荐）', quotaExempt: true, onceOnly: true, onceGroup: '破格申报政策' },
  { id: 'poge-2', name: '破格2：引进高层次人才和急需紧缺人才（绿色通道）', quotaExempt: true, onceOnly: true, onceGroup: '破格申报政策' },
  { id: 'poge-3', name: '破格3：国家级人才称号或奖励', quotaExempt: true, onceOnly: true, onceGroup: '破格申报政策' },
  { id: 'poge-4', name: '破格4：基层获奖人员申报高一级', quotaExempt: true, onceOnly: true, onceGroup: '破格申报政策' },
  { id: 'poge-5', name: '破格5：公务员、军队转业干部调入5年内初次申报', quotaExempt: true, onceOnly: true, onceGroup: '破格申报政策' },
  { id: 'grassroots-long-service', name: '基层长期服务（旗县满30年/苏木乡镇满20年）' },
  { id: 'nonpublic-direct', name: '非公有制领域直接申报' },
  { id: 'transfer-same-level', name: '转系列：转评同级' },
  { id: 'transfer-up', name: '转系列满1年后申报高一级' },
  { id: 'recognition', name: '考核认定' },
  { id: 'over-post', name: '超岗申报（事业单位，受5%控制）' },
];
