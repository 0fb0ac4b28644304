// 随机抽取评审专家 with 回避 (issue 14 item 2; 40号令 第二十三–二十五条, the notice's F4) through the public API with the
// seeded 2022 configuration and the seeded pool of the engineering committee: F4 keeps a fourth consecutive year
// out of the draw; an expert of an agenda applicant's unit and one who declared a conflict are recused; 纪检监察
// supervises: it reads the draw and 复核 repeats it (一致), while other staff are told no such draw exists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approve, fireNext, seniorForm, start, submitted, type Harness } from './support.js';

const OFFICE = 'demo-office-gongcheng';
const COMMITTEE = 'cmt-gongcheng-senior';
type Draw = { id: string; members: { name: string }[]; reserves: { name: string }[]; excluded: { name: string; reason: string }[]; candidateCount: number };

async function session(h: Harness, agenda: string[]): Promise<string> {
  const created = await h.as(OFFICE)({ method: 'POST', url: '/api/sessions', payload: { committeeId: COMMITTEE, campaignYear: 2022, name: '2022年度建设工程专业评审会议', date: '2022-09-20', mode: 'onsite', place: '自治区人社厅会议室', quorum: 5 } });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json()['id'] as string;
  if (agenda.length > 0) {
    const set = await h.as(OFFICE)({ method: 'PUT', url: `/api/sessions/${id}/agenda`, payload: { applicationIds: agenda } });
    expect(set.statusCode, set.body).toBe(200);
  }
  return id;
}

async function draw(h: Harness, sessionId: string): Promise<Draw> {
  const res = await h.as(OFFICE)({ method: 'POST', url: `/api/sessions/${sessionId}/draws`, payload: { specialties: ['jianshe'], members: 5, reserves: 2 } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().draw as Draw;
}

const reasonOf = (d: Draw, name: string): string | undefined => d.excluded.find((x) => x.name === name)?.reason;
const drawnNames = (d: Draw): string[] => [...d.members, ...d.reserves].map((e) => e.name);

describe('conformance: expert draw with recusal (F4)', () => {
  let h: Harness;
  let appId = '';
  beforeAll(async () => {
    h = await start('2022-06-01T02:00:00.000Z', [{ id: 'dr1', orgId: 'unit-hhht-design' }]);
    // an application of 呼和浩特市建筑设计研究院 reaches the committee office
    appId = (await submitted(h, 'dr1', { levelKey: 'gongcheng.fugao', form: seniorForm() }))['id'] as string;
    await approve(h, 'demo-unit-design', appId, 'unitReview');
    await fireNext(h, appId);
    await approve(h, 'demo-dept-jianshe', appId, 'competentReview');
    await approve(h, 'demo-hrss-hhht', appId, 'leagueReview');
    await fireNext(h, appId);
    await approve(h, 'demo-centre', appId, 'centreReview');
  });
  afterAll(async () => h.close());

  it('F4: an expert who served 2019–2021 on the committee is not drawn in 2022, with the years named', async () => {
    const d = await draw(h, await session(h, []));
    expect(reasonOf(d, '王建国')).toBe('不得连任：该专家已连续 3 年（2019—2021 年）担任本评委会评审专家，2022 年不得聘任');
    expect(drawnNames(d)).not.toContain('王建国');
    // two years (乌云格日勒, 2020–2021) do not bar a third
    expect(reasonOf(d, '乌云格日勒')).toBeUndefined();
  });

  it('F4 (回避, 40号令 第二十五条): the expert of the applicant’s own unit and the one who declared a conflict with the applicant are not drawn', async () => {
    const declared = await h.as(OFFICE)({ method: 'POST', url: `/api/committees/${COMMITTEE}/experts/exp-seed-02/conflicts`, payload: { applicationId: appId, reason: '近亲属' } });
    expect(declared.statusCode, declared.body).toBe(200);
    const d = await draw(h, await session(h, [appId]));
    expect(reasonOf(d, '王建国')).toBe('本人单位回避：与申报人申报人dr1同一单位（呼和浩特市建筑设计研究院）');
    expect(reasonOf(d, '乌云格日勒')).toBe('申报回避：申报人申报人dr1（近亲属）');
    expect(drawnNames(d)).not.toContain('王建国');
    expect(drawnNames(d)).not.toContain('乌云格日勒');
    expect(d.members).toHaveLength(5);
    expect(d.reserves).toHaveLength(2);
  });

  it('F4 (纪检监察): the supervision account reads every draw and 复核 says 一致; other staff and applicants get 404', async () => {
    const d = await draw(h, await session(h, [appId]));
    const list = await h.as('demo-jijian')({ method: 'GET', url: `/api/draws?committee=${COMMITTEE}` });
    expect((list.json().items as { id: string }[]).map((x) => x.id)).toContain(d.id);
    const replay = await h.as('demo-jijian')({ method: 'GET', url: `/api/draws/${d.id}/replay` });
    expect(replay.json()).toMatchObject({ consistent: true, verdict: '一致' });
    for (const who of ['demo-office-weisheng', 'demo-centre', 'demo-admin', 'dr1']) {
      expect((await h.as(who)({ method: 'GET', url: `/api/draws/${d.id}` })).statusCode, who).toBe(404);
    }
  });
});
