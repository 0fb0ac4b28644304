// 评委会 as a spreadsheet: each committee with its series, office, jurisdiction and filing by name.
import type { CommitteeList } from '../../domain/schema-types.gen.js';

type Committee = CommitteeList['committees'][number];

export const COMMITTEE_COLUMNS = [
  { key: 'seq', header: '序号', width: 6 },
  { key: 'name', header: '评委会名称' },
  { key: 'series', header: '系列' },
  { key: 'specialties', header: '评审专业' },
  { key: 'highestGrade', header: '最高评审层级', width: 12 },
  { key: 'office', header: '办事机构' },
  { key: 'regions', header: '评审范围（盟市）' },
  { key: 'units', header: '限定单位（自主评审）' },
  { key: 'filingNumber', header: '备案文号' },
  { key: 'validFrom', header: '备案有效期起', width: 12 },
  { key: 'validTo', header: '备案有效期止', width: 12 },
  { key: 'experts', header: '专家人数', width: 10 },
  { key: 'state', header: '状态', width: 10 },
] as const;

export interface CommitteeNames {
  org(id: string): string;
  series(key: string): string;
  specialty(seriesKey: string, key: string): string;
}

export function committeeRows(committees: readonly Committee[], names: CommitteeNames): Record<string, string | number>[] {
  return committees.map((c, i) => ({
    seq: i + 1,
    name: c.name,
    series: names.series(c.seriesKey),
    specialties: (c.specialties ?? []).map((s) => names.specialty(c.seriesKey, s)).join('、'),
    highestGrade: c.highestGrade,
    office: names.org(c.officeOrgId),
    regions: c.scope.regions?.length ? c.scope.regions.map(names.org).join('、') : '全区',
    units: (c.scope.units ?? []).map(names.org).join('、'),
    filingNumber: c.filing.number ?? '',
    validFrom: c.filing.validFrom,
    validTo: c.filing.validTo,
    experts: c.experts?.length ?? 0,
    state: c.deactivated ? '已停用' : '在用',
  }));
}
