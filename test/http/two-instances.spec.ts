// Two server processes on one database (the embedded file, or MongoDB when MONGODB_URL is set):
// a task done through one leaves the other's inbox, and a due timer fires exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareApplication } from '../support/applicant-flow.js';
import { ENGINEER_MATERIALS, engineer, engineerForm } from '../support/engineer.js';
import { startHarness, type Harness, type Instance } from '../support/harness.js';

const FORM = engineerForm('郑工');
const MATERIALS = ENGINEER_MATERIALS;

describe('two server instances on one database', () => {
  let h: Harness;
  let b: Instance;
  beforeAll(async () => {
    h = await startHarness({
      now: '2022-06-01T02:00:00.000Z',
      users: [
        engineer('zheng', '郑工'),
        { id: 'unit-rev', roles: [{ role: 'unitReviewer', orgId: 'unit-hhht-design' }] },
        { id: 'dept-rev', roles: [{ role: 'competentReviewer', orgId: '150100-jianshe' }] },
      ],
    });
    b = await h.twin();
  });
  afterAll(async () => h.close());

  it('an inbox on one instance reflects a task completed on the other; a due timer fires once', async () => {
    const id = await prepareApplication(h.as('zheng'), { campaignId: '2022', levelKey: 'gongcheng.zhongji', form: FORM, materials: MATERIALS });
    expect((await h.as('zheng')({ method: 'POST', url: `/api/applications/${id}/submit` })).statusCode).toBe(200);
    const onB = (await b.as('unit-rev')({ method: 'GET', url: '/api/tasks' })).json();
    expect(onB.total).toBe(1);
    const done = await h.as('unit-rev')({ method: 'POST', url: `/api/tasks/${id}/${onB.items[0].taskId}/complete`, payload: { payload: { decision: 'approve', comment: '同意' } } });
    expect(done.statusCode, done.body).toBe(200);
    expect((await b.as('unit-rev')({ method: 'GET', url: '/api/tasks' })).json().total).toBe(0);
    // the same task completed again through B is a conflict
    const again = await b.as('unit-rev')({ method: 'POST', url: `/api/tasks/${id}/${onB.items[0].taskId}/complete`, payload: { payload: { decision: 'approve' } } });
    expect(again.statusCode).toBe(409);

    h.clock.set(done.json().timers[0].dueAt);
    const [ra, rb] = await Promise.all([h.platform.runtime.fireDueTimers(), b.platform.runtime.fireDueTimers()]);
    expect(ra.fired + rb.fired).toBe(1);
    const dept = (await b.as('dept-rev')({ method: 'GET', url: '/api/tasks' })).json();
    expect(dept.items.map((t: { elementId: string }) => t.elementId)).toEqual(['competentReview']);
    const fires = (await h.platform.store.listAudit(1, 10_000)).filter((a) => a.action === 'timer.fire' && a.target.id === id);
    expect(fires).toHaveLength(1);
  });
});
