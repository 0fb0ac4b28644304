// The campaign document (schemas/campaign.schema.json) with the Chinese names the editor shows for its codes.
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';

export type PhaseId = 'notice' | 'apply' | 'review' | 'filing';
export interface Phase {
  id: PhaseId;
  name: string;
  opens: string;
  closes: string;
}
export interface Allocation {
  orgId: string;
  limit: number;
}
export interface Quota {
  key: string;
  name: string;
  limit: number;
  sample?: boolean;
  allocations?: Allocation[];
  levels?: string[];
  per?: 'region' | 'league' | 'competent';
  exemptPaths?: string[];
}
export interface CampaignBody {
  key: string;
  year: number;
  name: string;
  levels?: string[];
  phases: Phase[];
  cutoffs: { education: string; tenure: string };
  quotas?: Quota[];
}

export const PHASES: { id: PhaseId; label: string }[] = [
  { id: 'notice', label: '下发年度评审通知' },
  { id: 'apply', label: '申报' },
  { id: 'review', label: '评审与公示' },
  { id: 'filing', label: '核准备案' },
];

export const CUTOFFS: { field: 'education' | 'tenure'; label: string; help: string }[] = [
  { field: 'tenure', label: '资历截止日', help: '任职年限、工作年限计算至此日' },
  { field: 'education', label: '学历截止日', help: '学历、学位须在此日前取得' },
];

export const QUOTA_PER: { value: NonNullable<Quota['per']>; label: string }[] = [
  { value: 'region', label: '全区统一' },
  { value: 'league', label: '按盟市分配' },
  { value: 'competent', label: '按主管部门分配' },
];

export function freshCampaign(key: string, name = ''): CampaignBody {
  const year = /^\d{4}$/.test(key) ? Number(key) : new Date().getFullYear();
  return {
    key,
    year,
    name: name || `${year}年度职称评审`,
    phases: PHASES.map((p) => ({ id: p.id, name: p.label, opens: `${year}-01-01`, closes: `${year}-12-31` })),
    cutoffs: { education: `${year - 1}-12-31`, tenure: `${year - 1}-12-31` },
    quotas: [],
  };
}

/** a calendar date (Beijing local date, no time) to and from the DatePicker's value */
export const toDay = (s: string | undefined): Dayjs | null => (s && /^\d{4}-\d{2}-\d{2}$/.test(s) && dayjs(s).isValid() ? dayjs(s) : null);
export const fromDay = (d: Dayjs | null): string => (d ? d.format('YYYY-MM-DD') : '');
