// An engineer at the seeded design institute applying for 工程师 (gongcheng.zhongji): the
// applicant most API specs need, with a complete 评审表 and the checklist's required items.
import type { User } from '../../server/domain/schema-types.gen.js';

export const ENGINEER_UNIT = 'unit-hhht-design';
export const ENGINEER_MATERIALS = ['idcard', 'diploma', 'title-cert', 'summary'];

export function engineerForm(name: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name,
    gender: '男',
    idNumber: '11010519491231002X',
    birthDate: '1990-03-01',
    specialty: 'jianshe',
    education: { degree: '本科', school: '内蒙古工业大学', major: '土木工程', graduationDate: '2012-07-01', fullTime: true },
    currentTitle: { grade: '助理级', name: '助理工程师', since: '2016-09-01' },
    workHistory: [{ from: '2012-07-01', unit: '呼和浩特市建筑设计研究院', post: '结构设计' }],
    ...over,
  };
}

export const engineer = (id: string, name: string): Partial<User> => ({ id, kind: 'applicant', name, orgId: ENGINEER_UNIT, roles: [{ role: 'applicant', orgId: ENGINEER_UNIT }] });
