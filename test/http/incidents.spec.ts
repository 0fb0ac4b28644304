// A working-day timer past the last known holiday calendar stops with a visible incident instead
// of guessing; once an administrator publishes the next year's calendar, a retry schedules it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareApplication } from '../support/applicant-flow.js';
import { ENGINEER_MATERIALS, engineer, engineerForm } from '../support/engineer.js';
import { startHarness, type Harness } from '../support/harness.js';

const FORM = engineerForm('赵工');
const MATERIALS = ENGINEER_MATERIALS;

describe('incidents', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      now: '2026-12-18T02:00:00.000Z',
      users: [
        engineer('zhao', '赵工'),
        { id: 'unit-rev', roles: [{ role: 'unitReviewer', orgId: 'unit-hhht-design' }] },
        { id: 'admin', roles: [{ role: 'admin', orgId: 'nm-hrss' }] },
      ],
    });
  });
  afterAll(async () => h.close());

  it('B1/E1: a 公示 running into a year without a calendar raises an incident; publishing the calendar and retrying schedules it', async () => {
    const zhao = h.as('zhao');
    const id = await prepareApplication(zhao, { campaignId: '2026', levelKey: 'gongcheng.zhongji', form: FORM, materials: MATERIALS });
    expect((await zhao({ method: 'POST', url: `/api/applications/${id}/submit` })).statusCode).toBe(200);
    h.clock.set('2026-12-28T02:00:00.000Z');
    const task = (await h.as('unit-rev')({ method: 'GET', url: '/api/tasks' })).json().items[0];
    const approved = await h.as('unit-rev')({ method: 'POST', url: `/api/tasks/${id}/${task.taskId}/complete`, payload: { payload: { decision: 'approve', comment: '同意' } } });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().timers).toEqual([]);

    const admin = h.as('admin');
    const incidents = (await admin({ method: 'GET', url: '/api/admin/incidents' })).json().items;
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ applicationId: id, elementId: 'publicity', code: 'calendar.not_covered' });
    expect(incidents[0].reason).toContain('2027');
    const wf = (await zhao({ method: 'GET', url: `/api/applications/${id}/workflow` })).json();
    expect(wf.incidents).toHaveLength(1);

    // retrying before the calendar exists fails the same way, visibly
    const early = await admin({ method: 'POST', url: `/api/admin/incidents/${id}/${incidents[0].id}/retry` });
    expect(early.statusCode).toBe(200);
    expect(early.json().workflow.incidents).toHaveLength(1);

    const cal2027 = { year: 2027, daysOff: ['2027-01-01'], workdays: [], source: '测试：2027 年放假安排（节选）' };
    expect((await admin({ method: 'PUT', url: '/api/definitions/calendar/2027/draft', payload: { body: cal2027 } })).statusCode).toBe(200);
    expect((await admin({ method: 'POST', url: '/api/definitions/calendar/2027/publish' })).statusCode).toBe(200);
    const again = (await admin({ method: 'GET', url: '/api/admin/incidents' })).json().items[0];
    const retried = await admin({ method: 'POST', url: `/api/admin/incidents/${id}/${again.id}/retry` });
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json().workflow.incidents).toEqual([]);
    // 12-29, 12-30, 12-31, (01-01 off), 01-04, 01-05 → due 00:00 on 2027-01-06 China time
    expect(retried.json().timers).toEqual([expect.objectContaining({ dueAt: '2027-01-05T16:00:00.000Z' })]);
    const audit = await h.platform.store.listAudit(1, 10_000);
    expect(audit.filter((a) => a.action === 'incident.retry' && a.actor === 'admin')).toHaveLength(2);
  });
});
