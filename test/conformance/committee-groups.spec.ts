// 分组评审 (D6, issue 14 items 4 and 6) through the public API with the seeded 2022 configuration: the office splits
// a session's agenda into 基层组 and 普通组 (the proposal from the applicants' units, one candidate moved), the
// present members vote, and the results come back per group with each group's own pass rate and cap — counts only.
import ExcelJS from 'exceljs';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import type { User } from '../../server/domain/schema-types.gen.js';
import { attendance, createSession, drawn, OFFICE, seedPool, sessionExperts, submitPlan } from '../http/sessions-support.js';
import { startHarness } from '../support/harness.js';
import { act, applicants, approve, fireNext, submitted, teacherForm, type Harness } from './support.js';

const staff = (id: string, role: NonNullable<User['roles']>[number]['role'], orgId: string): Partial<User> => ({ id, roles: [{ role, orgId }] });
const CLERK = 'groups-clerk';
const DIRECTED = (name: string) => ({
  levelKey: 'zhongxiaoxue.gaoji-dingxiang',
  form: teacherForm({ name, track: 'jiceng', education: { degree: '大专', school: '呼和浩特师专', major: '语文', graduationDate: '2000-07-01', fullTime: true }, currentTitle: { grade: '中级', name: '一级教师', since: '2017-09-01' } }),
});
const PEOPLE = [
  { id: 'g1', name: '巴图' },
  { id: 'g2', name: '其木格' },
  { id: 'g3', name: '乌云' },
  { id: 'g4', name: '斯琴' },
  { id: 'g5', name: '那仁' },
];

/** the seeded directed flow through the committee office's check, up to the experts' vote */
async function toVote(h: Harness, applicant: string, name: string): Promise<string> {
  h.clock.set('2022-06-01T02:00:00.000Z'); // the flow's timers moved the clock on; 申报 closes on 2022-06-30
  const id = (await submitted(h, applicant, DIRECTED(name)))['id'] as string;
  await approve(h, 'rev-tzq', id, 'unitReview');
  await fireNext(h, id);
  await approve(h, 'dept-tzq-edu', id, 'competentReview');
  await approve(h, 'demo-hrss-hhht', id, 'leagueReview');
  await fireNext(h, id);
  await approve(h, CLERK, id, 'officeCheck');
  return id;
}

type Group = { id: string; kind: string; name: string; items: { applicationId: string; applicantName: string }[] };

describe('conformance: groups (D6)', () => {
  let h: Harness;
  let sid = '';
  const apps: Record<string, string> = {};
  beforeAll(async () => {
    const users = applicants(
      PEOPLE.map((p) => ({ id: p.id, orgId: 'unit-tzq-no1-middle' })),
      [staff('rev-tzq', 'unitReviewer', 'unit-tzq-no1-middle'), staff('dept-tzq-edu', 'competentReviewer', '150121-edu'), staff(CLERK, 'committeeClerk', OFFICE), staff('jijian', 'supervisor', 'nm-hrss'), ...sessionExperts()],
    ).map((u) => ({ ...u, ...(PEOPLE.find((p) => p.id === u.id) ? { name: PEOPLE.find((p) => p.id === u.id)!.name } : {}) }));
    h = await startHarness({ now: '2022-06-01T02:00:00.000Z', users });
    await seedPool(h);
    const s = await createSession(h, CLERK, '2022-07-20');
    sid = s['id'] as string;
    await submitPlan(h, CLERK, sid);
    expect((await h.as('demo-admin')({ method: 'POST', url: `/api/sessions/${sid}/plan/approve` })).statusCode).toBe(200);
    for (const p of PEOPLE) apps[p.name] = await toVote(h, p.id, p.name);
    const put = await h.as(CLERK)({ method: 'PUT', url: `/api/sessions/${sid}/agenda`, payload: { applicationIds: Object.values(apps) } });
    expect(put.statusCode, put.body).toBe(200);
    await drawn(h, sid, [1, 2, 3, 4, 5]);
    expect((await h.as(CLERK)({ method: 'POST', url: `/api/sessions/${sid}/members/confirm` })).statusCode).toBe(200);
    expect((await attendance(h, CLERK, sid, [1, 2, 3, 4, 5])).statusCode).toBe(200);
  }, 600_000); // five applications through the whole flow: minutes on FerretDB
  afterAll(async () => h.close());

  it('D6: a 基层组 and a 普通组 with separate candidates and pass rates, votes counted per group, the group over its cap flagged; counts only', async () => {
    // the proposal reads the applicants' unit (a banner school: grassroots)
    const proposed = (await h.as(CLERK)({ method: 'GET', url: `/api/sessions/${sid}/groups` })).json() as { saved: boolean; groups: Group[] };
    expect(proposed.saved).toBe(false);
    expect(proposed.groups.map((g) => g.name)).toEqual(['基层组', '非公组', '专精特新组', '普通组']);
    expect(proposed.groups[0]!.items.map((i) => i.applicantName).sort()).toEqual(PEOPLE.map((p) => p.name).sort());

    // a split that leaves someone out or puts someone twice is refused by name, nothing saved
    const bad = await h.as(CLERK)({ method: 'PUT', url: `/api/sessions/${sid}/groups`, payload: { groups: [{ kind: 'grassroots', applicationIds: [apps['巴图'], apps['其木格'], apps['乌云'], apps['斯琴']] }, { kind: 'regular', applicationIds: [apps['斯琴']] }] } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ code: 'session.groups_invalid', message: '分组有 2 个问题' });
    expect(bad.json().details.map((d: { message: string }) => d.message)).toEqual(['斯琴同时在基层组和普通组', '那仁尚未分组']);
    expect((await h.as(CLERK)({ method: 'GET', url: `/api/sessions/${sid}/groups` })).json().saved).toBe(false);

    // the office moves two candidates to 普通组
    const saved = await h.as(CLERK)({ method: 'PUT', url: `/api/sessions/${sid}/groups`, payload: { groups: [{ kind: 'grassroots', applicationIds: [apps['巴图'], apps['其木格'], apps['乌云']] }, { kind: 'regular', applicationIds: [apps['斯琴'], apps['那仁']] }] } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await h.platform.store.listAudit(1, 1_000_000)).some((a) => a.action === 'session.groups' && a.target.id === sid)).toBe(true);

    const started = await h.as(CLERK)({ method: 'POST', url: `/api/sessions/${sid}/start` });
    expect(started.statusCode, started.body).toBe(200);
    const during = (await h.as(CLERK)({ method: 'GET', url: `/api/sessions/${sid}/results` })).json();
    expect(during.complete).toBe(false);
    expect(during.groups[0].candidates[0]).toMatchObject({ outcome: 'pending', outcomeLabel: '表决中' });
    expect(during.groups[0].candidates[0].approvals).toBeUndefined();

    // two thirds of the 5 present pass a candidate: 4 approvals pass (the vote ends there), 3 do not
    const ballots = async (name: string, approvals: number) => {
      for (let n = 1; n <= 5; n += 1) await act(h, `sx-${n}`, apps[name]!, 'vote', { vote: n > 5 - approvals ? 'approve' : 'reject' });
    };
    await ballots('巴图', 4);
    await ballots('其木格', 4);
    await ballots('乌云', 3);
    await ballots('斯琴', 4);
    await ballots('那仁', 2);

    const res = await h.as(CLERK)({ method: 'GET', url: `/api/sessions/${sid}/results` });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.complete).toBe(true);
    const grassroots = r.groups.find((g: Group) => g.kind === 'grassroots');
    const regular = r.groups.find((g: Group) => g.kind === 'regular');
    expect(grassroots).toMatchObject({ name: '基层组', passRate: 0.6, passed: 2, total: 3, overCap: true, summary: '基层组通过 2 人，通过率 66.7%，超过本组上限 60%' });
    expect(grassroots.candidates.map((c: Record<string, unknown>) => [c['applicantName'], c['approvals'], c['attending'], c['outcomeLabel']])).toEqual([
      ['巴图', 4, 5, '通过'],
      ['其木格', 4, 5, '通过'],
      ['乌云', 3, 5, '未通过'],
    ]);
    expect(regular).toMatchObject({ name: '普通组', passRate: 0.5, passed: 1, total: 2, overCap: false, summary: '普通组通过 1 人，通过率 50%，未超过本组上限 50%' });
    expect(regular.candidates.map((c: Record<string, unknown>) => [c['applicantName'], c['approvals'], c['attending'], c['outcomeLabel']])).toEqual([
      ['斯琴', 4, 5, '通过'],
      ['那仁', 2, 5, '未通过'],
    ]);
    // secret ballot: no expert's account or pool id in the answer
    for (const n of [1, 2, 3, 4, 5]) {
      expect(res.body).not.toContain(`sx-${n}"`);
      expect(res.body).not.toContain(`exp-sx-${n}`);
    }

    // 纪检 reads them; the applicant may not
    expect((await h.as('jijian')({ method: 'GET', url: `/api/sessions/${sid}/results` })).json().groups.length).toBe(r.groups.length);
    expect((await h.as('g1')({ method: 'GET', url: `/api/sessions/${sid}/results` })).statusCode).toBe(403);

    // the group's result list as Excel: roster columns and the vote
    const x = await h.as(CLERK)({ method: 'GET', url: `/api/sessions/${sid}/results/${grassroots.id}/xlsx` });
    expect(x.statusCode, x.body.slice(0, 300)).toBe(200);
    expect(decodeURIComponent(String(x.headers['content-disposition']))).toContain('基层组评审结果名单.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('基层组')!;
    const header = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(header.slice(0, 2)).toEqual(['序号', '姓名']);
    expect(header.slice(-3)).toEqual(['同意票数', '出席人数', '评审结果']);
    const body = [3, 4, 5].map((n) => (sheet.getRow(n).values as unknown[]).slice(1));
    expect(body.map((row) => [row[1], ...row.slice(-3)])).toEqual([
      ['巴图', 4, 5, '通过'],
      ['其木格', 4, 5, '通过'],
      ['乌云', 3, 5, '未通过'],
    ]);
  });
});

describe('conformance: groups configured per committee (D6)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ now: '2022-06-01T02:00:00.000Z' });
  });
  afterAll(async () => h.close());

  const committee = async (): Promise<{ version: number; c: Record<string, unknown> }> => {
    const list = (await h.as('demo-admin')({ method: 'GET', url: '/api/admin/committees' })).json() as { version: number; items: Record<string, unknown>[] };
    return { version: list.version, c: list.items.find((x) => x['id'] === 'cmt-150100-jiceng')! };
  };
  const put = async (extra: Record<string, unknown>) => {
    const { version, c } = await committee();
    const payload = { name: c['name'], seriesKey: c['seriesKey'], specialties: c['specialties'], highestGrade: c['highestGrade'], scope: c['scope'], officeOrgId: c['officeOrgId'], filing: c['filing'], baseVersion: version, ...extra };
    return h.as('demo-admin')({ method: 'PUT', url: '/api/admin/committees/cmt-150100-jiceng', payload });
  };

  it('D6: the administrator sets a committee’s groups and caps as data; an edit that does not send them keeps them', async () => {
    expect((await committee()).c['groups']).toEqual(expect.arrayContaining([{ kind: 'grassroots', name: '基层组', passRate: 0.6 }]));
    const groups = [{ kind: 'grassroots', name: '基层组', passRate: 0.7 }, { kind: 'regular', name: '普通组', passRate: 0.5 }];
    const set = await put({ groups });
    expect(set.statusCode, set.body).toBe(200);
    expect((await committee()).c['groups']).toEqual(groups);
    const other = await put({ name: '呼和浩特市基层中小学教师高级职称评审委员会' });
    expect(other.statusCode, other.body).toBe(200);
    expect((await committee()).c['groups']).toEqual(groups);
    const bad = await put({ groups: [{ kind: 'grassroots', name: '基层组', passRate: 1.5 }] });
    expect(bad.statusCode).toBe(400);
  });
});
