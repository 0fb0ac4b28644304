// 消息中心 through the API: a submit tells the unit's reviewers of their task, a return tells the applicant with the
// deadline as a Beijing date and the working days left, the deadline sweep reminds once, everyone sees only their own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINEER_MATERIALS, engineer, engineerForm } from '../support/engineer.js';
import { startHarness, type Harness } from '../support/harness.js';
import { prepareApplication } from '../support/applicant-flow.js';
import { sweepDeadlines } from '../../server/runtime/notifications/deadline-sweep.js';
import { notifyUsers } from '../../server/runtime/notifications/notify-users.js';

interface Item {
  id: string;
  event: string;
  title: string;
  body: string;
  link?: string;
  applicationId?: string;
  readAt?: string;
}
interface Page {
  total: number;
  unread: number;
  items: Item[];
}

describe('notifications API', () => {
  let h: Harness;
  let appId = '';
  beforeAll(async () => {
    h = await startHarness({
      now: '2022-06-01T02:00:00.000Z', // Wednesday 10:00 in Beijing
      users: [
        { ...engineer('li', '李工'), email: 'li@example.cn', phone: '13800000000' },
        { id: 'unit-rev', name: '赵审核', roles: [{ role: 'unitReviewer', orgId: 'unit-hhht-design' }] },
        { id: 'unit-rev-2', name: '钱审核', roles: [{ role: 'unitReviewer', orgId: 'unit-hhht-design' }] },
        { id: 'unit-gone', name: '孙离职', roles: [{ role: 'unitReviewer', orgId: 'unit-hhht-design' }], disabled: { at: '2022-01-01T00:00:00.000Z', by: 'admin', reason: '离职' } },
        { id: 'other-rev', name: '周审核', roles: [{ role: 'unitReviewer', orgId: '150100-hrss' }] },
        { id: 'dept-rev', name: '吴主管', roles: [{ role: 'competentReviewer', orgId: '150100-jianshe' }] },
      ],
    });
  }, 300_000); // seeding FerretDB on a loaded 2-core machine took over 3 minutes
  afterAll(async () => h?.close());

  const list = async (user: string, query = ''): Promise<Page> => {
    const res = await h.as(user)({ method: 'GET', url: `/api/notifications${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Page;
  };

  it('a submitted application tells every active reviewer of the unit, in words, with a link to the task', async () => {
    const li = h.as('li');
    appId = await prepareApplication(li, { campaignId: '2022', levelKey: 'gongcheng.zhongji', form: engineerForm('李工'), materials: ENGINEER_MATERIALS });
    expect((await li({ method: 'POST', url: `/api/applications/${appId}/submit` })).statusCode).toBe(200);
    const task = (await h.as('unit-rev')({ method: 'GET', url: '/api/tasks' })).json().items[0] as { taskId: string };
    for (const who of ['unit-rev', 'unit-rev-2']) {
      const page = await list(who);
      expect(page).toMatchObject({ total: 1, unread: 1 });
      const [n] = page.items;
      expect(n).toMatchObject({ event: 'task.assigned', applicationId: appId, link: `/workbench/${appId}/${task.taskId}` });
      expect(n!.title).toBe('待办：李工的工程师申报待您单位审核');
      expect(n!.body).toContain('工程技术人员·工程师');
      expect(n!.body).not.toMatch(/gongcheng|zhongji|unitReview/);
    }
    expect((await h.platform.store.listNotifications('unit-gone', {})).total).toBe(0);
    expect((await list('other-rev')).total).toBe(0);
    expect((await list('li')).total).toBe(0);
  });

  it('a return tells the applicant the deadline as a Beijing date and the working days left, by e-mail and SMS too', async () => {
    const task = (await h.as('unit-rev')({ method: 'GET', url: '/api/tasks' })).json().items[0] as { taskId: string };
    const returned = await h.as('unit-rev')({
      method: 'POST',
      url: `/api/tasks/${appId}/${task.taskId}/complete`,
      payload: { payload: { decision: 'return', comment: '请补正', items: [{ pointer: '/workHistory/0/unit', message: '单位名称须写全称' }, { message: '工作总结须加盖单位公章' }] } },
    });
    expect(returned.statusCode, returned.body).toBe(200);
    // 5 working days after Wed 06-01 with the Dragon Boat Festival (Fri 06-03) off: 06-02, 06-06 … 06-09
    expect(returned.json().notice.deadline).toBe('2022-06-09T16:00:00.000Z');
    const page = await list('li');
    expect(page).toMatchObject({ total: 1, unread: 1 });
    const n = page.items[0]!;
    expect(n).toMatchObject({ event: 'application.returned', link: '/my' });
    expect(n.title).toBe('您的工程师申报被退回补正，请于2022年06月09日前补正');
    expect(n.body).toContain('2022年06月09日（北京时间）前补正完毕');
    expect(n.body).toContain('还有 5 个工作日');
    expect(n.body).toContain('工作总结须加盖单位公章');
    expect(n.body).toContain('· 工作经历第1项 单位：单位名称须写全称');
    expect(n.body).not.toContain('/workHistory');
    const deliveries = await h.platform.store.listDeliveries({ limit: 100 });
    expect(deliveries.items.filter((d) => d.notificationId === n.id).map((d) => d.channel).sort()).toEqual(['email', 'sms']);
  });

  it('the deadline sweep reminds once, one working day before the last day', async () => {
    h.clock.set('2022-06-07T02:00:00.000Z'); // Tue: 06-08 and 06-09 still to come
    expect((await sweepDeadlines(h.platform)).added).toBe(0);
    h.clock.set('2022-06-08T02:00:00.000Z'); // Wed: only 06-09 left
    expect((await sweepDeadlines(h.platform)).added).toBe(1);
    expect((await sweepDeadlines(h.platform)).added).toBe(0);
    const soon = (await list('li')).items.find((i) => i.event === 'deadline.soon');
    expect(soon?.title).toBe('补正期限将于2022年06月09日届满');
    expect(soon?.body).toContain('只剩 1 个工作日');
  });

  it('each person sees and marks only their own; marking is bounded', async () => {
    const mine = await list('li');
    const theirs = await list('unit-rev');
    expect(theirs.items.every((i) => !mine.items.some((m) => m.id === i.id))).toBe(true);
    // someone else's id changes nothing
    const foreign = await h.as('unit-rev')({ method: 'POST', url: '/api/notifications/read', payload: { ids: [mine.items[0]!.id] } });
    expect(foreign.json()).toEqual({ marked: 0 });
    expect((await list('li')).unread).toBe(2);
    const one = await h.as('li')({ method: 'POST', url: '/api/notifications/read', payload: { ids: [mine.items[0]!.id] } });
    expect(one.json()).toEqual({ marked: 1 });
    const after = await list('li');
    expect(after.unread).toBe(1);
    expect(after.items.find((i) => i.id === mine.items[0]!.id)?.readAt).toBe(h.clock.now());
    expect((await list('li', '?unreadOnly=true')).items.map((i) => i.id)).toEqual([mine.items[1]!.id]);
    expect((await h.as('li')({ method: 'POST', url: '/api/notifications/read', payload: { all: true } })).json()).toEqual({ marked: 1 });
    expect((await list('li')).unread).toBe(0);
    expect((await list('unit-rev')).unread).toBe(1);

    const tooMany = await h.as('li')({ method: 'POST', url: '/api/notifications/read', payload: { ids: Array.from({ length: 201 }, (_, i) => `x${i}`) } });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json()).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    expect((await h.as('li')({ method: 'GET', url: '/api/notifications?limit=1000' })).statusCode).toBe(400);
    expect((await h.anon({ method: 'GET', url: '/api/notifications' })).statusCode).toBe(401);
  });

  it('the flow goes on: 公示 started and ended, the competent department told of its task, the result told', async () => {
    expect((await h.as('li')({ method: 'POST', url: `/api/applications/${appId}/resubmit` })).statusCode).toBe(200);
    const task = (await h.as('unit-rev')({ method: 'GET', url: '/api/tasks' })).json().items[0] as { taskId: string };
    const approved = await h.as('unit-rev')({ method: 'POST', url: `/api/tasks/${appId}/${task.taskId}/complete`, payload: { payload: { decision: 'approve', comment: '同意' } } });
    expect(approved.statusCode, approved.body).toBe(200);
    const events = async () => (await list('li')).items.map((i) => i.event);
    expect(await events()).toContain('publicity.started');
    expect((await list('li')).items.find((i) => i.event === 'publicity.started')?.title).toBe('您的工程师申报已进入公示');
    h.clock.set((approved.json().timers as { dueAt: string }[])[0]!.dueAt);
    expect((await h.platform.runtime.fireDueTimers()).fired).toBe(1);
    expect(await events()).toContain('publicity.ended');
    const deptTask = (await list('dept-rev')).items;
    expect(deptTask.map((i) => i.event)).toEqual(['task.assigned']);
    const deptInbox = (await h.as('dept-rev')({ method: 'GET', url: '/api/tasks' })).json().items[0] as { taskId: string };
    const passed = await h.as('dept-rev')({ method: 'POST', url: `/api/tasks/${appId}/${deptInbox.taskId}/complete`, payload: { payload: { decision: 'approve', comment: '同意' } } });
    expect(passed.json().status).toBe('passed');
    const result = (await list('li')).items.find((i) => i.event === 'application.result');
    expect(result?.title).toBe('您的工程师申报评审结果：已通过');
    expect(result?.body).toContain('评审结果为：已通过');
  });

  it('the templates are definitions listed by Chinese name; what an administrator publishes is what the next message says', async () => {
    const admin = h.as('demo-admin');
    const listed = (await admin({ method: 'GET', url: '/api/definitions?kind=template' })).json().items as { key: string; name?: string }[];
    expect(listed.filter((i) => i.key.startsWith('notify-')).map((i) => i.name).sort()).toEqual(
      ['通知：待办任务', '通知：退回补正', '通知：期限将至', '通知：公示开始', '通知：公示结束', '通知：评审结果', '通知：证书发放', '通知：催办', '通知：抄送', '流程通知'].sort(),
    );
    const source = '{{levelName}}申报：{{resultName}}\n{{applicantName}}，评审结果为{{resultName}}。';
    const put = await admin({ method: 'PUT', url: '/api/definitions/template/notify-result/draft', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ body: { name: '通知：评审结果', source } }) });
    expect(put.statusCode, put.body).toBe(200);
    const published = await admin({ method: 'POST', url: '/api/definitions/template/notify-result/publish' });
    expect(published.statusCode, published.body).toBe(200);
    const app = (await h.platform.store.getApplication(appId))!;
    expect(await notifyUsers(h.platform, { event: 'application.result', userIds: ['li'], application: { ...app, status: 'passed' }, occasion: 'template-edit' })).toBe(1);
    expect(await notifyUsers(h.platform, { event: 'application.result', userIds: ['li'], application: { ...app, status: 'passed' }, occasion: 'template-edit' })).toBe(0);
    const told = (await list('li')).items.find((i) => i.id.includes(':template-edit:'));
    expect(told).toMatchObject({ title: '工程师申报：已通过', body: '李工，评审结果为已通过。' });
  });
});
