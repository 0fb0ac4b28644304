// Abuse: many identical requests at once. Runs on SQLite by default and on MongoDB (FerretDB) when MONGODB_URL is
// set; on both, the database decides, not the order in which requests happen to arrive.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareApplication } from '../support/applicant-flow.js';
import { ENGINEER_MATERIALS, engineer, engineerForm } from '../support/engineer.js';
import { startHarness, type Harness } from '../support/harness.js';

const CHINESE = /[\u4e00-\u9fff]/;
const draftOf = (name: string) => ({ campaignId: '2022', levelKey: 'gongcheng.zhongji', form: engineerForm(name), materials: ENGINEER_MATERIALS });

describe('abuse: parallel submits, approvals and replays', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      now: '2022-06-01T02:00:00.000Z',
      users: [engineer('li', '李工'), engineer('wu', '吴工'), engineer('zhao', '赵工'), engineer('sun', '孙工'), { id: 'unit-rev', roles: [{ role: 'unitReviewer', orgId: 'unit-hhht-design' }] }],
    });
  });
  afterAll(async () => h.close());

  it('C1: 5 parallel submits of 5 drafts of one level by one applicant → exactly one accepted, the others refused in Chinese', async () => {
    const li = h.as('li');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await prepareApplication(li, draftOf('李工')));
    const answers = await Promise.all(ids.map((id) => li({ method: 'POST', url: `/api/applications/${id}/submit` })));
    const accepted = answers.filter((r) => r.statusCode === 200);
    expect(accepted, answers.map((r) => `${r.statusCode} ${r.body.slice(0, 200)}`).join('\n')).toHaveLength(1);
    for (const r of answers.filter((x) => x.statusCode !== 200)) {
      expect(r.statusCode, r.body).toBe(422);
      const body = r.json() as { code: string; message: string; details: { code: string; message: string }[] };
      expect(body.code).toBe('application.submit_refused');
      expect(body.message).toMatch(CHINESE);
      expect(body.details.map((d) => d.code)).toContain('application.duplicate');
      expect(body.details.find((d) => d.code === 'application.duplicate')?.message).toMatch(CHINESE);
    }
    const mine = await h.platform.store.listApplications({ applicantId: 'li', limit: 100 });
    expect(mine.items.filter((a) => a.status !== 'draft')).toHaveLength(1);
  });

  it('100 parallel approvals of one task → exactly one success, the others a conflict', async () => {
    const wu = h.as('wu');
    const id = await prepareApplication(wu, draftOf('吴工'));
    expect((await wu({ method: 'POST', url: `/api/applications/${id}/submit` })).statusCode).toBe(200);
    const rev = h.as('unit-rev');
    const inbox = (await rev({ method: 'GET', url: '/api/tasks' })).json() as { items: { applicationId: string; taskId: string }[] };
    const task = inbox.items.find((t) => t.applicationId === id);
    expect(task).toBeDefined();
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => rev({ method: 'POST', url: `/api/tasks/${id}/${task!.taskId}/complete`, payload: { payload: { decision: 'approve', comment: '同意' } } })),
    );
    expect(answers.filter((r) => r.statusCode === 200), answers.map((r) => r.statusCode).join(',')).toHaveLength(1);
    for (const r of answers.filter((x) => x.statusCode !== 200)) {
      expect(r.statusCode, r.body).toBe(409);
      expect(r.json().message).toMatch(CHINESE);
    }
    const completions = (await h.platform.store.listAudit(1, 100_000)).filter((a) => a.action === 'task.complete' && a.target.id === id);
    expect(completions).toHaveLength(1);
  });

  it('20 parallel replays of one Idempotency-Key → the same answer 20 times; another body under it is refused', async () => {
    const zhao = h.as('zhao');
    const id = await prepareApplication(zhao, draftOf('赵工'));
    const send = (payload: object, key = 'abuse-key-1', appId = id) =>
      zhao({ method: 'POST', url: `/api/applications/${appId}/submit`, payload, headers: { 'idempotency-key': key } });
    const answers = await Promise.all(Array.from({ length: 20 }, () => send({})));
    expect(answers.map((r) => r.statusCode)).toEqual(Array(20).fill(200));
    expect(new Set(answers.map((r) => r.body)).size).toBe(1);
    expect(answers[0]!.json()).toMatchObject({ id, status: 'submitted' });
    // a later replay still gets the first answer
    const later = await send({});
    expect(later.statusCode).toBe(200);
    expect(later.body).toBe(answers[0]!.body);

    const other = await send({ pathId: 'regular' });
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({ code: 'idempotency.key_reused', message: expect.stringMatching(CHINESE), details: [] });
    const elsewhere = await send({}, 'abuse-key-1', 'some-other-application');
    expect(elsewhere.statusCode).toBe(422);
    expect(elsewhere.json().code).toBe('idempotency.key_reused');
  });

  it('replays split over two server processes on one database get the same answer too', async () => {
    const twin = await h.twin();
    const id = await prepareApplication(h.as('sun'), draftOf('孙工'));
    const send = (call: typeof h.anon) => call({ method: 'POST', url: `/api/applications/${id}/submit`, payload: {}, headers: { 'idempotency-key': 'abuse-key-3' } });
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => send(i % 2 ? twin.as('sun') : h.as('sun'))));
    expect(new Set(answers.map((r) => `${r.statusCode} ${r.body}`)).size, answers.map((r) => `${r.statusCode} ${r.body.slice(0, 120)}`).join('\n')).toBe(1);
    expect(answers[0]!.statusCode).toBe(200);
  });

  it('a refused submit replayed under its key gets the same refusal, 20 times at once', async () => {
    const zhao = h.as('zhao');
    const created = await zhao({ method: 'POST', url: '/api/applications', payload: { campaignId: '2022', levelKey: 'gongcheng.zhongji' } });
    const id = (created.json() as { id: string }).id;
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => zhao({ method: 'POST', url: `/api/applications/${id}/submit`, payload: {}, headers: { 'idempotency-key': 'abuse-key-2' } })),
    );
    expect(new Set(answers.map((r) => r.statusCode))).toEqual(new Set([422]));
    expect(new Set(answers.map((r) => r.body)).size).toBe(1);
    expect(answers[0]!.json().message).toMatch(CHINESE);
  });
});
