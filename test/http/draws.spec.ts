// 随机抽取评审专家 through the API: the office draws (seed and result audited, the session's members set), 复核 says
// 一致, a member is replaced by the next reserve with the reason recorded; only the committee's office and 纪检监察
// see draws — everyone else gets 404; 纪检 reads without contact data and cannot draw.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExpertDraw, ReviewSession } from '../../server/domain/committee-work/types.js';
import { makeApplication } from '../support/factories.js';
import { startHarness, type Harness } from '../support/harness.js';
import { APPLICANT_ID_NUMBER, COMMITTEE, OFFICE, putExpert, putSession } from './draw-helpers.js';

describe('expert draws over the API', () => {
  let h: Harness;
  let drawId = '';
  beforeAll(async () => {
    h = await startHarness({
      users: [
        { id: 'clerk-jixie', name: '机械评委会经办人', roles: [{ role: 'committeeClerk', orgId: OFFICE }] },
        { id: 'clerk-other', roles: [{ role: 'committeeClerk', orgId: 'office-weisheng' }] },
        { id: 'admin-1', roles: [{ role: 'admin', orgId: 'nm-hrss' }] },
        { id: 'jijian-hhht', roles: [{ role: 'supervisor', orgId: '150200' }] },
      ],
    });
    await h.platform.store.insertApplication(makeApplication({ id: 'app-d1', applicantId: 'demo-zhang', applicantName: '张建设', orgId: 'unit-hhht-design', status: 'submitted' }), []);
    await putExpert(h, 1, { unitOrgId: 'unit-hhht-design', unitName: '呼和浩特市建筑设计研究院' });
    await putExpert(h, 2, { conflicts: [{ applicantIdNumber: APPLICANT_ID_NUMBER, reason: '近亲属' }] });
    await putExpert(h, 3, { service: [2019, 2020, 2021].map((year) => ({ committeeId: COMMITTEE, year })) });
    for (let n = 4; n <= 12; n += 1) await putExpert(h, n);
    await putSession(h, 'ses-t1', ['app-d1']);
    await putSession(h, 'ses-t2', ['app-d1']);
  });
  afterAll(async () => h.close());

  const office = () => h.as('clerk-jixie');

  it('the office draws: recusal by unit and declared conflict, F4, seed and result audited, the session gets the members unconfirmed', async () => {
    const res = await office()({ method: 'POST', url: '/api/sessions/ses-t1/draws', payload: { specialties: ['jixie'], members: 5, reserves: 2 } });
    expect(res.statusCode, res.body).toBe(201);
    const draw = res.json().draw as { id: string; members: { name: string; phone?: string }[]; reserves: unknown[]; excluded: { name: string; reason: string }[]; seed: string; candidateCount: number };
    drawId = draw.id;
    expect(draw.members).toHaveLength(5);
    expect(draw.reserves).toHaveLength(2);
    expect(draw.candidateCount).toBe(9);
    expect(draw.members[0]!.phone).toMatch(/^1390000/);
    expect(draw.excluded.map((x) => [x.name, x.reason.split('：')[0]])).toEqual([
      ['测试专家1', '本人单位回避'],
      ['测试专家2', '申报回避'],
      ['测试专家3', '不得连任'],
    ]);
    expect(draw.excluded[0]!.reason).toContain('张建设');

    const stored = (await h.platform.store.getRecord<ExpertDraw>('expertDraw', drawId))!;
    expect(stored.keys.sort()).toEqual([`committee:${COMMITTEE}`, 'session:ses-t1']);
    expect(stored.body.seed).toMatch(/^[0-9a-f]{32}$/);
    const audit = (await h.platform.store.listAudit(1, 100_000)).filter((a) => a.target.id === drawId);
    expect(audit.map((a) => a.action)).toEqual(['expertDraw.create']);
    expect(audit[0]!.actor).toBe('clerk-jixie');
    expect(audit[0]!.after).toMatchObject({ seed: stored.body.seed, members: stored.body.members, reserves: stored.body.reserves, candidates: stored.body.candidates });

    const session = (await h.platform.store.getRecord<ReviewSession>('reviewSession', 'ses-t1'))!.body;
    expect(session.drawIds).toEqual([drawId]);
    expect(session.members).toEqual([
      ...stored.body.members.map((expertId) => ({ expertId, role: 'member', confirmed: false })),
      ...stored.body.reserves.map((expertId) => ({ expertId, role: 'reserve', confirmed: false })),
    ]);
  });

  it('复核 repeats the draw from the stored seed and candidates: 一致; a tampered result: 不一致', async () => {
    const replay = await h.as('demo-jijian')({ method: 'GET', url: `/api/draws/${drawId}/replay` });
    expect(replay.statusCode, replay.body).toBe(200);
    expect(replay.json()).toMatchObject({ consistent: true, verdict: '一致' });

    await putSession(h, 'ses-t3', ['app-d1']);
    const other = (await office()({ method: 'POST', url: '/api/sessions/ses-t3/draws', payload: { specialties: [], members: 3, reserves: 1 } })).json().draw.id as string;
    const rec = (await h.platform.store.getRecord<ExpertDraw>('expertDraw', other))!;
    const swapped = [...rec.body.candidates.filter((c) => !rec.body.members.includes(c)).slice(0, 1), ...rec.body.members.slice(1)];
    await h.platform.store.putRecord({ ...rec, version: rec.version + 1, body: { ...rec.body, members: swapped } }, rec.version, []);
    expect((await h.as('demo-jijian')({ method: 'GET', url: `/api/draws/${other}/replay` })).json()).toMatchObject({ consistent: false, verdict: '不一致' });
  });

  it('纪检监察 lists and reads the draws without contact data, and cannot draw', async () => {
    const jijian = h.as('demo-jijian');
    const list = await jijian({ method: 'GET', url: `/api/draws?committee=${COMMITTEE}` });
    expect(list.statusCode).toBe(200);
    expect((list.json().items as { id: string }[]).map((d) => d.id)).toContain(drawId);
    const one = await jijian({ method: 'GET', url: `/api/draws/${drawId}` });
    expect(one.statusCode).toBe(200);
    expect(one.json().draw).toMatchObject({ byName: '机械评委会经办人', committeeName: expect.stringContaining('评审委员会'), sessionName: '2022 年机械工程专业评审会' });
    expect(one.body).not.toContain('1390000');
    const draw = await jijian({ method: 'POST', url: '/api/sessions/ses-t2/draws', payload: { specialties: [], members: 5, reserves: 2 } });
    expect(draw.statusCode).toBe(404);
  });

  it('anyone else — another office, the administrator, an applicant, a league 纪检 outside the committee’s scope — gets 404 and an empty list', async () => {
    for (const who of ['clerk-other', 'admin-1', 'demo-zhang', 'jijian-hhht']) {
      const call = h.as(who);
      for (const url of [`/api/draws/${drawId}`, `/api/draws/${drawId}/replay`]) {
        const res = await call({ method: 'GET', url });
        expect(res.statusCode, `${who} ${url}`).toBe(404);
        expect(res.json()).toMatchObject({ code: 'draw.not_found', message: '抽取记录不存在' });
      }
      expect((await call({ method: 'GET', url: `/api/draws?committee=${COMMITTEE}` })).json().items).toEqual([]);
      expect((await call({ method: 'POST', url: '/api/sessions/ses-t2/draws', payload: { specialties: [], members: 5, reserves: 2 } })).statusCode).toBe(404);
      expect((await call({ method: 'POST', url: `/api/sessions/ses-t1/draws/${drawId}/replace`, payload: { expertId: 'exp-t04', reason: '请假' } })).statusCode).toBe(404);
    }
  });

  it('a member who declines is replaced by the next reserve, the reason recorded and audited', async () => {
    const before = (await h.platform.store.getRecord<ExpertDraw>('expertDraw', drawId))!.body;
    const leaving = before.members[2]!;
    const noReason = await office()({ method: 'POST', url: `/api/sessions/ses-t1/draws/${drawId}/replace`, payload: { expertId: leaving, reason: '   ' } });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().details[0]).toMatchObject({ pointer: '/reason' });
    const notMember = await office()({ method: 'POST', url: `/api/sessions/ses-t1/draws/${drawId}/replace`, payload: { expertId: before.reserves[1]!, reason: '请假' } });
    expect(notMember.statusCode).toBe(422);
    expect(notMember.json().message).toBe('该专家不是本次抽取的评审专家');

    const res = await office()({ method: 'POST', url: `/api/sessions/ses-t1/draws/${drawId}/replace`, payload: { expertId: leaving, reason: '因公出差不能参加' } });
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json().draw as { current: { expertId: string }[]; unusedReserves: { expertId: string }[]; replacements: { reason: string; by: { expertId: string } }[] };
    expect(view.current.map((e) => e.expertId)).toEqual(before.members.map((id) => (id === leaving ? before.reserves[0] : id)));
    expect(view.unusedReserves.map((e) => e.expertId)).toEqual([before.reserves[1]]);
    expect(view.replacements).toMatchObject([{ reason: '因公出差不能参加', by: { expertId: before.reserves[0] } }]);
    const session = (await h.platform.store.getRecord<ReviewSession>('reviewSession', 'ses-t1'))!.body;
    expect(session.members.find((m) => m.expertId === leaving)).toMatchObject({ replacedBy: { expertId: before.reserves[0], reason: '因公出差不能参加' } });
    expect(session.members.find((m) => m.expertId === before.reserves[0])).toMatchObject({ role: 'member' });
    const audit = (await h.platform.store.listAudit(1, 100_000)).filter((a) => a.target.id === drawId && a.action === 'expertDraw.replace');
    expect(audit.map((a) => a.after)).toMatchObject([{ expertId: leaving, by: before.reserves[0], reason: '因公出差不能参加' }]);
    // the draw as drawn is unchanged: 复核 still 一致
    expect((await office()({ method: 'GET', url: `/api/draws/${drawId}/replay` })).json().verdict).toBe('一致');
  });

  it('纪检监察 sees nothing of applications beyond what a draw names', async () => {
    const jijian = h.as('demo-jijian');
    expect((await jijian({ method: 'GET', url: '/api/applications/app-d1' })).statusCode).toBeGreaterThanOrEqual(403);
    const mine = await jijian({ method: 'GET', url: '/api/applications' });
    expect(mine.body).not.toContain('app-d1');
    const tasks = await jijian({ method: 'GET', url: '/api/tasks' });
    expect(tasks.body).not.toContain('app-d1');
  });

  it('a specialty the committee does not have is refused at the field', async () => {
    const res = await office()({ method: 'POST', url: '/api/sessions/ses-t2/draws', payload: { specialties: ['no-such'], members: 3, reserves: 1 } });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'draw.invalid_specialty', details: [{ pointer: '/specialties', message: '所选专业不属于本评委会' }] });
  });

  it('too few candidates: refused with the numbers, nothing stored', async () => {
    const count = async () => (await h.platform.store.listRecords({ kind: 'expertDraw', keys: ['session:ses-t2'], limit: 10 })).total;
    const res = await office()({ method: 'POST', url: '/api/sessions/ses-t2/draws', payload: { specialties: ['jixie'], members: 9, reserves: 2 } });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'draw.too_few_candidates', message: '符合条件的专家只有 9 人，少于需抽取的 11 人（含备选 2 人）' });
    expect(await count()).toBe(0);
    expect((await h.platform.store.getRecord<ReviewSession>('reviewSession', 'ses-t2'))!.body.members).toEqual([]);
  });

  it('纪检监察 is granted on the region HR department or a league, not on a unit', async () => {
    const admin = h.as('admin-1');
    const ok = await admin({ method: 'POST', url: '/api/admin/accounts/clerk-other/roles', payload: { role: 'supervisor', orgId: 'nm-hrss' } });
    expect(ok.statusCode, ok.body).toBe(200);
    const bad = await admin({ method: 'POST', url: '/api/admin/accounts/clerk-other/roles', payload: { role: 'supervisor', orgId: 'unit-hhht-design' } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().details[0]).toMatchObject({ pointer: '/orgId' });
    expect((await h.as('clerk-other')({ method: 'GET', url: `/api/draws/${drawId}` })).statusCode).toBe(200);
  });
});
