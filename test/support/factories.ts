// Small builders for stored documents, so specs say only what matters to them.
import type { Application, User } from '../../server/domain/schema-types.gen.js';

export function makeApplication(over: Partial<Application> = {}): Application {
  const at = '2022-06-01T00:00:00.000Z';
  return {
    id: 'app-1',
    version: 1,
    applicantId: 'u-applicant',
    applicantName: '张三',
    campaignId: 'c2022',
    seriesKey: 'gongcheng',
    levelKey: 'fugao',
    pinned: { level: 1 },
    status: 'draft',
    form: {},
    materials: [],
    openTasks: [],
    timers: [],
    createdAt: at,
    updatedAt: at,
    ...over,
  };
}

export function makeUser(over: Partial<User> = {}): User {
  return {
    id: 'u-1',
    login: 'zhangsan@example.cn',
    name: '张三',
    kind: 'applicant',
    roles: [],
    version: 1,
    createdAt: '2022-06-01T00:00:00.000Z',
    ...over,
  };
}
