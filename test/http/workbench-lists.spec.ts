// The reviewer's workbench through the API: 办理期限 from the step's boundary timer as a Beijing date with
// working days left and an overdue mark; filters and sort on the server; 批量同意 with one opinion (each item
// its own write and audit record, a failing item listed in Chinese); 已办 and 抄送我的; the compact view of
// the application (labels from the definition); 审批意见必填 where the step says so; the lists as Excel.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StepFlow } from '../../server/domain/workflow/steps/types.js';
import { XLSX_MIME } from '../../server/http/xlsx-reply.js';
import { prepareApplication } from '../support/applicant-flow.js';
import { ENGINEER_MATERIALS, engineer, engineerForm } from '../support/engineer.js';
import { startHarness, type Harness } from '../support/harness.js';

interface Task {
  applicationId: string;
  taskId: string;
  applicantName: string;
  dueAt?: string;
  due?: { deadline: string; workingDaysLeft: number | null; overdue: boolean };
}

describe('reviewer workbench lists', () => {
  let h: Harness;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    h = await startHarness({
      now: '2022-06-01T02:00:00.000Z', // Wednesday 10:00 in China; Friday 06-03 is the Dragon Boat Festival
      users: [
        engineer('zhang', '张工'),
        engineer('li', '李工'),
        engineer('wang', '王工'),
        engineer('zhao', '赵工'),
        { id: 'unit-rev', name: '审核员甲', roles: [{ role: 'unitReviewer', orgId: 'unit-hhht-design' }] },
        { id: 'unit-rev-2', name: '审核员乙', roles: [{ role: 'unitReviewer', orgId: 'unit-hhht-design' }] },
        { id: 'other-unit-rev', roles: [{ role: 'unitReviewer', orgId: '150100-hrss' }] },
      ],
    });
  });
  afterAll(async () => h.close());

  const rev = () => h.as('unit-rev');
  const submit = async (who: string, name: string): Promise<string> => {
    const id = await prepareApplication(h.as(who), { campaignId: '2022', levelKey: 'gongcheng.zhongji', form: engineerForm(name), materials: ENGINEER_MATERIALS });
    const res = await h.as(who)({ method: 'POST', url: `/api/applications/${id}/submit` });
    expect(res.statusCode, res.body).toBe(200);
    return id;
  };
  /** publishes unit-review again with its 单位审核 step changed */
  const publishUnitReview = async (change: Record<string, unknown>): Promise<void> => {
    const seeded = (await h.platform.store.getDefinition<{ name: string; xml: string; steps: StepFlow }>('workflow', 'unit-review', 'latest'))!.body;
    const steps = { ...seeded.steps, chain: seeded.steps.chain.map((s) => (s.id === 'unitReview' ? { ...s, ...change } : s)) } as StepFlow;
    const editor = h.as('demo-flow-jianshe');
    const compiled = await editor({ method: 'POST', url: '/api/workflow-steps/compile', payload: { key: 'unit-review', name: seeded.name, steps } });
    expect(compiled.statusCode, compiled.body).toBe(200);
    const draft = await editor({ method: 'PUT', url: '/api/definitions/workflow/unit-review/draft', payload: { body: { ...seeded, steps, xml: compiled.json().xml } } });
    expect(draft.statusCode, draft.body).toBe(200);
    const published = await editor({ method: 'POST', url: '/api/definitions/workflow/unit-review/publish' });
    expect(published.statusCode, published.body).toBe(200);
  };
  const inbox = async (query = ''): Promise<{ total: number; items: Task[] }> => {
    const res = await rev()({ method: 'GET', url: `/api/tasks${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const names = (items: { applicantName: string }[]) => items.map((t) => t.applicantName);

  it('shows 办理期限 as a Beijing date with working days left, filters by name and overdue, sorts by 期限 with undated tasks last', async () => {
    ids.zhang = await submit('zhang', '张工'); // on the seeded flow: no 办理期限
    await publishUnitReview({ dueDays: 3 });
    h.clock.set('2022-06-01T03:00:00.000Z');
    ids.li = await submit('li', '李工'); // 3 working days after Wed 06-01, the festival skipped: 06-02, 06-06, 06-07
    h.clock.set('2022-06-02T02:00:00.000Z');
    ids.wang = await submit('wang', '王工'); // 06-06, 06-07, 06-08

    const all = await inbox();
    expect(names(all.items)).toEqual(['张工', '李工', '王工']);
    const byName = Object.fromEntries(all.items.map((t) => [t.applicantName, t]));
    expect(byName['张工']!.due).toBeUndefined();
    expect(byName['李工']).toMatchObject({ dueAt: '2022-06-07T16:00:00.000Z', due: { deadline: '2022-06-07', workingDaysLeft: 2, overdue: false } });
    expect(byName['王工']).toMatchObject({ dueAt: '2022-06-08T16:00:00.000Z', due: { deadline: '2022-06-08', workingDaysLeft: 3, overdue: false } });

    expect(names((await inbox('?sort=due')).items)).toEqual(['李工', '王工', '张工']);
    expect(names((await inbox('?sort=due&offset=1&limit=1')).items)).toEqual(['王工']);
    expect(names((await inbox(`?applicantName=${encodeURIComponent('王')}`)).items)).toEqual(['王工']);
    expect((await inbox('?overdue=true')).total).toBe(0);

    h.clock.set('2022-06-08T02:00:00.000Z'); // Wednesday: 李工's last day was Tuesday
    const overdue = await inbox('?overdue=true');
    expect(names(overdue.items)).toEqual(['李工']);
    expect(overdue.items[0]!.due).toMatchObject({ deadline: '2022-06-07', workingDaysLeft: 0, overdue: true });
    expect((await inbox()).items.find((t) => t.applicantName === '王工')!.due).toMatchObject({ deadline: '2022-06-08', workingDaysLeft: 0, overdue: false });
    // another unit's reviewer sees none of it
    expect((await h.as('other-unit-rev')({ method: 'GET', url: '/api/tasks' })).json().total).toBe(0);
  });

  it('shows the application as the printed 评审表 reads: sections and tables labelled from the definition, materials by name, the chosen path checked', async () => {
    const task = (await inbox()).items.find((t) => t.applicantName === '张工')!;
    const res = await rev()({ method: 'GET', url: `/api/tasks/${ids.zhang}/${task.taskId}/view` });
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json();
    const main = view.sections[0];
    expect(main.title).toBe('基本情况');
    expect(main.fields).toEqual(expect.arrayContaining([{ label: '姓名', value: '张工', pointer: '/name' }, { label: '申报专业', value: '建设工程', pointer: '/specialty' }]));
    const education = view.sections.find((s: { title: string }) => s.title === '最高学历');
    expect(education.fields).toEqual(expect.arrayContaining([{ label: '全日制', value: '是', pointer: '/education/fullTime' }]));
    const work = view.sections.find((s: { title: string }) => s.title === '工作经历');
    expect(work.table.columns.map((c: { title: string }) => c.title)).toEqual(expect.arrayContaining(['起始', '单位']));
    expect(work.table.rows[0]).toMatchObject({ unit: '呼和浩特市建筑设计研究院' });
    // nothing a person reads is a key
    expect(JSON.stringify(view.sections)).not.toMatch(/jianshe|"true"|"false"/);
    expect(view.materials.map((m: { name: string }) => m.name)).toEqual(expect.arrayContaining([expect.stringMatching(/身份证/)]));
    expect(view.materials[0].files[0]).toMatchObject({ mime: 'application/pdf', hash: expect.any(String) });
    // previewed in the page: a PDF or an image is sent inline when asked, anything is an attachment otherwise
    const file = `/api/applications/${ids.zhang}/files/${view.materials[0].files[0].hash}`;
    const inline = await rev()({ method: 'GET', url: `${file}?inline=1` });
    expect(inline.statusCode, inline.body).toBe(200);
    expect(inline.headers['content-disposition']).toMatch(/^inline;/);
    expect(inline.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect((await rev()({ method: 'GET', url: file })).headers['content-disposition']).toMatch(/^attachment;/);
    expect(view.eligibility).toMatchObject({ pathName: expect.any(String), passed: expect.any(Boolean) });
    // someone else's task is not found, like the detail
    expect((await h.as('other-unit-rev')({ method: 'GET', url: `/api/tasks/${ids.zhang}/${task.taskId}/view` })).statusCode).toBe(404);
  });

  it('批量同意: one opinion for several tasks, each its own write and audit record; a failing item is listed in Chinese and changes nothing', async () => {
    const before = await h.platform.store.auditCount();
    const tasks = (await inbox()).items;
    const zhang = tasks.find((t) => t.applicantName === '张工')!;
    const li = tasks.find((t) => t.applicantName === '李工')!;
    const res = await rev()({
      method: 'POST',
      url: '/api/tasks/batch-complete',
      payload: {
        items: [
          { applicationId: zhang.applicationId, taskId: zhang.taskId },
          { applicationId: li.applicationId, taskId: li.taskId },
          { applicationId: li.applicationId, taskId: 'no-such-task' },
        ],
        payload: { decision: 'approve', comment: '材料齐全，同意推荐' },
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json();
    expect(out).toMatchObject({ done: 2, failed: 1 });
    expect(out.items[0]).toMatchObject({ ok: true, applicantName: '张工' });
    expect(out.items[2]).toMatchObject({ ok: false, code: 'task.conflict', applicantName: '李工' });
    expect(out.items[2].message).toMatch(/任务/);
    expect(await h.platform.store.auditCount()).toBe(before + 2);
    expect(names((await inbox()).items)).toEqual(['王工']);
    // the same task twice: the second finds it done
    const again = await rev()({ method: 'POST', url: '/api/tasks/batch-complete', payload: { items: [{ applicationId: zhang.applicationId, taskId: zhang.taskId }], payload: { decision: 'approve' } } });
    expect(again.json()).toMatchObject({ done: 0, failed: 1, items: [{ ok: false, code: 'task.conflict' }] });
    // someone else's application: refused without naming the applicant
    const wang = (await inbox()).items[0]!;
    const foreign = await h.as('other-unit-rev')({ method: 'POST', url: '/api/tasks/batch-complete', payload: { items: [{ applicationId: wang.applicationId, taskId: wang.taskId }], payload: { decision: 'approve' } } });
    expect(foreign.json()).toMatchObject({ done: 0, failed: 1 });
    expect(foreign.json().items[0].applicantName).toBeUndefined();
    // bad input: 4xx in the one error shape, nothing written
    const empty = await rev()({ method: 'POST', url: '/api/tasks/batch-complete', payload: { items: [], payload: { decision: 'approve' } } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ code: expect.any(String), message: expect.any(String), details: expect.any(Array) });
  });

  it('已办 lists what one person completed, newest first, with the opinion; others have their own', async () => {
    const done = await rev()({ method: 'GET', url: '/api/tasks/done' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().total).toBe(2);
    expect(done.json().items[0]).toMatchObject({ name: '单位审核', decision: 'approve', opinion: '材料齐全，同意推荐', seriesKey: 'gongcheng', levelKey: 'gongcheng.zhongji', status: 'submitted' });
    expect(done.json().items[0]).not.toHaveProperty('form');
    expect((await rev()({ method: 'GET', url: `/api/tasks/done?applicantName=${encodeURIComponent('李')}` })).json().items.map((r: { applicantName: string }) => r.applicantName)).toEqual(['李工']);
    expect((await h.as('unit-rev-2')({ method: 'GET', url: '/api/tasks/done' })).json().total).toBe(0);
  });

  it('抄送我的 lists what was copied to one person; marking one read is audited and only theirs', async () => {
    // a copy as 抄送 writes it (task operations): on the application document
    const app = (await h.platform.store.getApplication(ids.wang))!;
    const copies = [{ id: 'cp-1', userId: 'unit-rev-2', by: 'unit-rev', taskName: '单位审核', at: h.clock.now(), note: '请一并把关' }];
    expect((await h.platform.store.updateApplication({ ...app, version: app.version + 1, copies }, app.version, [])).ok).toBe(true);

    const list = await h.as('unit-rev-2')({ method: 'GET', url: '/api/tasks/copies?unreadOnly=true' });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json()).toMatchObject({ total: 1, items: [{ applicationId: ids.wang, id: 'cp-1', applicantName: '王工', taskName: '单位审核', by: 'unit-rev', byName: '审核员甲', note: '请一并把关' }] });
    expect((await rev()({ method: 'GET', url: '/api/tasks/copies' })).json().total).toBe(0);

    expect((await rev()({ method: 'POST', url: `/api/tasks/copies/${ids.wang}/cp-1/read` })).statusCode).toBe(404);
    const before = await h.platform.store.auditCount();
    const read = await h.as('unit-rev-2')({ method: 'POST', url: `/api/tasks/copies/${ids.wang}/cp-1/read` });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toEqual({ id: 'cp-1', readAt: h.clock.now() });
    expect(await h.platform.store.auditCount()).toBe(before + 1);
    expect((await h.as('unit-rev-2')({ method: 'GET', url: '/api/tasks/copies?unreadOnly=true' })).json().total).toBe(0);
    expect((await h.as('unit-rev-2')({ method: 'GET', url: '/api/tasks/copies' })).json().items[0].readAt).toBe(h.clock.now());
  });

  it('exports 待办 and 已办 as Excel with names, not keys', async () => {
    const read = async (url: string): Promise<string[][]> => {
      const res = await rev()({ method: 'GET', url });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toContain(XLSX_MIME);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const rows: string[][] = [];
      book.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v instanceof Date ? v.toISOString() : String(v ?? '')))));
      return rows;
    };
    const todo = await read('/api/tasks/export.xlsx');
    const header = todo.findIndex((r) => r[0] === '申报人');
    expect(todo[header]).toEqual(['申报人', '职称系列', '申报职称', '办理环节', '到达时间', '办理期限', '剩余工作日', '是否逾期']);
    expect(todo[header + 1]!.slice(0, 4)).toEqual(['王工', '工程技术人员', expect.not.stringMatching(/gongcheng/), '单位审核']);
    const done = await read('/api/tasks/done/export.xlsx');
    const dh = done.findIndex((r) => r[0] === '申报人');
    expect(done.slice(dh + 1).map((r) => [r[0], r[4], r[5]])).toEqual(
      expect.arrayContaining([
        ['张工', '同意', '材料齐全，同意推荐'],
        ['李工', '同意', '材料齐全，同意推荐'],
      ]),
    );
    expect(JSON.stringify(done)).not.toMatch(/gongcheng|approve|submitted/);
  });

  it('审批意见必填 where the step says so: the open task says it, an empty opinion is refused at its field, in a batch too', async () => {
    h.clock.set('2022-06-09T02:00:00.000Z');
    await publishUnitReview({ dueDays: 5, opinionRequired: true });
    ids.zhao = await submit('zhao', '赵工');
    const task = (await inbox()).items.find((t) => t.applicantName === '赵工')!;
    const detail = await rev()({ method: 'GET', url: `/api/tasks/${ids.zhao}/${task.taskId}` });
    expect(detail.json().task.opinionRequired).toBe(true);
    const refused = await rev()({ method: 'POST', url: `/api/tasks/${ids.zhao}/${task.taskId}/complete`, payload: { payload: { decision: 'approve', comment: '  ' } } });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().message).toMatch(/意见/);
    const batch = await rev()({ method: 'POST', url: '/api/tasks/batch-complete', payload: { items: [{ applicationId: ids.zhao, taskId: task.taskId }], payload: { decision: 'approve' } } });
    expect(batch.json()).toMatchObject({ done: 0, failed: 1, items: [{ ok: false, message: expect.stringMatching(/意见/) }] });
    expect((await inbox()).items.some((t) => t.applicantName === '赵工')).toBe(true);
  });
});
