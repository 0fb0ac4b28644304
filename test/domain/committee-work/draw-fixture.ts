// A committee's pool of twelve experts and an agenda of two applicants, for the draw specs.
import type { ExpertEntry } from '../../../server/domain/committee-work/appointment.js';
import type { DrawApplicant } from '../../../server/domain/committee-work/draw.js';
import type { Expert } from '../../../server/domain/committee-work/types.js';
import type { CommitteeList } from '../../../server/domain/schema-types.gen.js';

export const committee: CommitteeList['committees'][number] = {
  id: 'cmt-test',
  name: '测试评委会',
  officeOrgId: 'office-test',
  seriesKey: 'series-test',
  specialties: ['civil', 'road'],
  highestGrade: '正高级',
  scope: { regions: ['r1'] },
  filing: { validFrom: '2022-01-01', validTo: '2026-12-31' },
};

export const expert = (n: number, over: Partial<Expert> = {}): ExpertEntry => ({
  id: `exp-${String(n).padStart(2, '0')}`,
  body: {
    name: `专家${n}`,
    specialties: ['civil'],
    title: '正高级工程师',
    unitName: `第${n}设计院`,
    unitOrgId: `unit-${n}`,
    committees: ['cmt-test'],
    service: [],
    conflicts: [],
    ...over,
  },
});

export const applicants: DrawApplicant[] = [
  { name: '申报人甲', idNumber: '150102198503150012', orgId: 'unit-app-1', unitName: '甲公司' },
  { name: '申报人乙', idNumber: '150102198207120025', orgId: 'unit-app-2', unitName: '乙公司' },
];

/** twelve eligible experts, ids exp-01 … exp-12 */
export const pool = (): ExpertEntry[] => Array.from({ length: 12 }, (_, i) => expert(i + 1));

export const SEED = '00112233445566778899aabbccddeeff';
