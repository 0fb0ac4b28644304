// Publishing a changed form or rule makes a new version: new drafts take it, applications already
// started keep the version they were pinned to.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareApplication } from '../support/applicant-flow.js';
import { ENGINEER_MATERIALS, engineer, engineerForm } from '../support/engineer.js';
import { startHarness, type Harness } from '../support/harness.js';
import { expandSeededRules } from '../support/seeded-rules.js';

const FORM = engineerForm('钱工', { education: { degree: '本科', school: '内蒙古科技大学', major: '建筑学', graduationDate: '2010-07-01', fullTime: true } });
const MATERIALS = ENGINEER_MATERIALS;

describe('definition versions', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      now: '2022-06-01T02:00:00.000Z',
      users: [
        engineer('qian', '钱工'),
        engineer('sun', '孙工'),
        { id: 'unit-rev', roles: [{ role: 'unitReviewer', orgId: 'unit-hhht-design' }] },
        { id: 'admin', roles: [{ role: 'admin', orgId: 'nm-hrss' }] },
      ],
    });
  });
  afterAll(async () => h.close());

  it('a new form and rule apply to new drafts while a submitted application keeps its version', async () => {
    const qian = h.as('qian');
    const first = await prepareApplication(qian, { campaignId: '2022', levelKey: 'gongcheng.zhongji', form: FORM, materials: MATERIALS });
    expect((await qian({ method: 'POST', url: `/api/applications/${first}/submit` })).json()).toMatchObject({ status: 'submitted', pinned: { level: 1 } });

    // version 2: a new required field, and a stricter tenure rule (5 years instead of 4)
    const admin = h.as('admin');
    const current = (await admin({ method: 'GET', url: '/api/definitions/level/gongcheng.zhongji' })).json().latest.body;
    const v2 = structuredClone(current);
    // the shared conditions come from the policy library: this version writes them into the level itself
    v2.rules = expandSeededRules(v2.rules);
    v2.form.properties.continuingEducationHours = { type: 'integer', title: '继续教育学时', minimum: 90 };
    v2.form.required = [...v2.form.required, 'continuingEducationHours'];
    const regular = v2.rules.paths.find((p: { id: string }) => p.id === 'regular');
    regular.conditions = regular.conditions.map((c: { id: string; expr: string; message: string }) =>
      c.id === 'tenure' ? { ...c, expr: c.expr.replace('>= 4', '>= 7'), message: '取得助理级职称后须满7年（计算至资历截止日）' } : c,
    );
    expect((await admin({ method: 'PUT', url: '/api/definitions/level/gongcheng.zhongji/draft', payload: { body: v2 } })).statusCode).toBe(200);
    const published = await admin({ method: 'POST', url: '/api/definitions/level/gongcheng.zhongji/publish' });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json().version).toBe(2);

    // a new draft is pinned to version 2 and meets the new field and the new rule
    const sun = h.as('sun');
    const second = await prepareApplication(sun, { campaignId: '2022', levelKey: 'gongcheng.zhongji', form: { ...FORM, name: '孙工' }, materials: MATERIALS });
    expect((await sun({ method: 'GET', url: `/api/applications/${second}` })).json().pinned.level).toBe(2);
    const refused = await sun({ method: 'POST', url: `/api/applications/${second}/submit` });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ pointer: '/continuingEducationHours', message: expect.stringContaining('继续教育学时') }),
        expect.objectContaining({ code: 'eligibility.condition_failed', message: '【正常申报】取得助理级职称后须满7年（计算至资历截止日）' }),
      ]),
    );

    // the first application still lives by version 1: a return finds no problem from version 2
    const task = (await h.as('unit-rev')({ method: 'GET', url: '/api/tasks' })).json().items[0];
    const returned = await h.as('unit-rev')({ method: 'POST', url: `/api/tasks/${first}/${task.taskId}/complete`, payload: { payload: { decision: 'return', comment: '请补正', items: [{ message: '请补充单位意见' }] } } });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json().pinned.level).toBe(1);
    expect(returned.json().notice.items).toEqual([{ code: 'review.item', message: '请补充单位意见' }]);
    expect((await qian({ method: 'POST', url: `/api/applications/${first}/resubmit` })).json().status).toBe('submitted');
  });
});

describe('trying rules before publishing', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      now: '2022-06-01T02:00:00.000Z',
      users: [
        { id: 'admin', roles: [{ role: 'admin', orgId: 'nm-hrss' }] },
        engineer('zhou', '周工'),
      ],
    });
  });
  afterAll(async () => h.close());

  it('evaluates the rules being edited on a sample applicant, stores nothing, and names a FEEL error by pointer', async () => {
    const admin = h.as('admin');
    const rules = { paths: [{ id: 'p1', name: '试验路径', conditions: [{ id: 'c1', expr: 'years(form.education.graduationDate, campaign.cutoffs.education) >= 10', message: '毕业满10年' }] }] };
    const tried = await admin({ method: 'POST', url: '/api/eligibility', payload: { levelKey: 'gongcheng.zhongji', campaignId: '2022', form: { ...FORM }, rules } });
    expect(tried.statusCode, tried.body).toBe(200);
    expect(tried.json().paths).toEqual([expect.objectContaining({ id: 'p1', passed: true })]);
    const broken = await admin({ method: 'POST', url: '/api/eligibility', payload: { levelKey: 'gongcheng.zhongji', campaignId: '2022', form: FORM, rules: { paths: [{ id: 'p1', name: 'x', conditions: [{ id: 'c1', expr: 'years(', message: 'm' }] }] } } });
    expect(broken.statusCode).toBe(422);
    expect(broken.json().details[0].pointer).toBe('/rules/paths/0/conditions/0/expr');
    expect((await h.as('zhou')({ method: 'POST', url: '/api/eligibility', payload: { levelKey: 'gongcheng.zhongji', campaignId: '2022', form: FORM, rules } })).statusCode).toBe(403);
    expect((await h.platform.store.getDefinition('level', 'gongcheng.zhongji', 'latest'))?.version).toBe(1);
  });
});
