// The review channels of the 2022 notice (C3–C7, D4, D5, D12, D18, E1–E4, F1, F5–F7, G2), each
// driven through the public API with the fake clock: who gets which task, when 公示 ends, where it goes.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { User } from '../../server/domain/schema-types.gen.js';
import { act, ALL_EXPERTS_APPROVE, approve, at, certifyDirectedTeacher, codes, fireNext, inbox, prepare, seniorForm, start, submit, submitted, taskOf, teacherForm, timersOf, view, vote, type Harness } from './support.js';

const staff = (id: string, role: NonNullable<User['roles']>[number]['role'], orgId: string): Partial<User> => ({ id, roles: [{ role, orgId }] });
const ALL = ALL_EXPERTS_APPROVE;
const EXAM = { qualificationExam: { passed: true, score: 66, passLine: 60, validUntil: '2024-12-31' } };


describe('conformance: review channels and 公示', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await start(
      '2022-06-01T02:00:00.000Z',
      [
        { id: 'c3', orgId: 'unit-hhht-design' },
        { id: 'e1', orgId: 'unit-hhht-design' },
        { id: 'e2', orgId: 'unit-hhht-design' },
        { id: 'ship', orgId: 'unit-hhht-design' },
        { id: 'rec', orgId: 'unit-hhht-design' },
        { id: 'doctor', orgId: 'unit-nmg-hospital' },
        { id: 'park', orgId: 'unit-helinger-tech' },
        { id: 'soft', orgId: 'unit-hhht-software' },
        { id: 'rail1', orgId: 'unit-central-railway' },
        { id: 'rail2', orgId: 'unit-central-railway' },
        { id: 'xt1', orgId: 'unit-xingtai' },
        { id: 'xt2', orgId: 'unit-xingtai' },
        { id: 'fz', orgId: 'unit-nsd-fuzhong' },
        { id: 'imu', orgId: 'unit-imu' },
        { id: 'alsh', orgId: 'unit-alsh-no1-middle' },
        { id: 'mzl', orgId: 'unit-mzl-no1-middle' },
        { id: 'wuhai', orgId: 'unit-wuhai-no1-middle' },
        { id: 'banner-t', orgId: 'unit-tzq-no1-middle' },
        { id: 'city-t', orgId: 'unit-hhht-no2-middle' },
        { id: 'city-t2', orgId: 'unit-hhht-no2-middle' },
        { id: 'econ', orgId: 'unit-nm-econ-institute' },
      ],
      [
        staff('rev-railway', 'unitReviewer', 'unit-central-railway'),
        staff('ext-clerk', 'committeeClerk', 'office-external-chuanbo'),
        staff('rev-tzq', 'unitReviewer', 'unit-tzq-no1-middle'),
        staff('dept-tzq-edu', 'competentReviewer', '150121-edu'),
        staff('jiceng-clerk', 'committeeClerk', 'office-150100-jiceng'),
        staff('rev-econ', 'unitReviewer', 'unit-nm-econ-institute'),
        staff('dept-finance', 'competentReviewer', 'nm-finance'),
        staff('jingji-clerk', 'committeeClerk', 'office-jingji'),
      ],
    );
  });
  afterAll(async () => h.close());
  // every scenario starts inside the application phase; timers it leaves behind belong to its own application
  beforeEach(() => h.clock.set('2022-06-01T02:00:00.000Z'));
  let doctorApp = '';
  let parkApp = '';
  let softApp = '';

  it('C3: a league/city unit goes unit → 主管部门 → 盟市人社局 → 公共服务中心 → 评委会办事机构 → experts → 公示 → 核准备案 → e-certificate, verifiable online (F7)', async () => {
    const app = await submitted(h, 'c3', { levelKey: 'gongcheng.fugao', form: seniorForm() });
    const id = app['id'] as string;
    expect(app).toMatchObject({ pathId: 'regular', committeeId: 'cmt-gongcheng-senior', routing: { unit: 'unit-hhht-design', competent: '150100-jianshe', league: '150100', centre: 'nm-centre', committee: 'cmt-gongcheng-senior', committeeOffice: 'office-gongcheng' } });
    await approve(h, 'demo-unit-design', id, 'unitReview');
    expect(await inbox(h, 'demo-dept-jianshe', id)).toEqual([]); // E1: nothing moves during the unit 公示
    await fireNext(h, id);
    await approve(h, 'demo-dept-jianshe', id, 'competentReview');
    await approve(h, 'demo-hrss-hhht', id, 'leagueReview');
    await fireNext(h, id); // E3: the roster is published 5 working days
    await approve(h, 'demo-centre', id, 'centreReview');
    await approve(h, 'demo-office-gongcheng', id, 'officeCheck');
    const afterVote = await vote(h, id, { 'expert-1': 'approve', 'expert-2': 'approve' }); // 2 of 3 attending
    expect((afterVote['openTasks'] as { elementId: string }[]).map((t) => t.elementId)).toEqual(['resultPublicity']);
    await fireNext(h, id); // E4: results published 5 working days
    const filed = await approve(h, 'demo-centre', id, 'filing');
    expect(filed['status']).toBe('certified');
    const cert = await h.as('c3')({ method: 'GET', url: `/api/applications/${id}/documents/certificate` });
    expect(cert.statusCode).toBe(200);
    expect(cert.body).toContain((filed['certificate'] as { number: string }).number);
    expect(cert.body).toContain('内蒙古自治区建设工程专业高级职称评审委员会'.slice(0, 6));
    // 个人信息保护: the printed certificate carries the ID number masked, as the signed document does
    const idNumber = String((filed['form'] as { idNumber?: string }).idNumber ?? '');
    expect(idNumber).toHaveLength(18);
    expect(cert.body).not.toContain(idNumber);
    expect(cert.body).toContain(`${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`);
    // F7/G5: anyone can verify it online with the number and the holder's name, and learns nothing more
    const number = (filed['certificate'] as { number: string }).number;
    const ok = await h.app.inject({ method: 'GET', url: `/api/certificates/verify?number=${number}&name=${encodeURIComponent(String(filed['applicantName']))}` });
    expect(ok.json()).toMatchObject({ valid: true, message: '证书有效', title: '高级工程师', grade: '副高级' });
    const wrongName = await h.app.inject({ method: 'GET', url: `/api/certificates/verify?number=${number}&name=${encodeURIComponent('别人')}` });
    expect(wrongName.json()).toEqual({ valid: false, message: '未查到与该编号和姓名相符的电子证书' });
  });

  it('C3: a region-level unit goes unit → 主管部门 → roster 公示 → 评委会办事机构, skipping league and centre', async () => {
    const app = await submitted(h, 'doctor', { levelKey: 'weisheng.fugao', form: seniorForm({ specialty: 'linchuang', ruralServiceYears: 2, ...EXAM }) });
    const id = app['id'] as string;
    doctorApp = id;
    expect(app).toMatchObject({ committeeId: 'cmt-weisheng-senior', routing: { competent: 'nm-health' } });
    expect((app['routing'] as Record<string, string>)['league']).toBeUndefined();
    await approve(h, 'demo-unit-hospital', id, 'unitReview');
    await fireNext(h, id);
    await approve(h, 'demo-dept-health', id, 'competentReview');
    expect((await view(h, 'demo-admin', id))['openTasks']).toEqual([]);
    await fireNext(h, id);
    await taskOf(h, 'demo-office-weisheng', id, 'officeCheck');
  });

  it('F5: a complaint during the results 公示 is investigated; upheld, the candidate fails (G2: nobody can close 公示 early)', async () => {
    const id = doctorApp;
    await approve(h, 'demo-office-weisheng', id, 'officeCheck');
    await vote(h, id, ALL);
    const t = await taskOf(h, 'demo-office-weisheng', id, 'resultPublicity');
    const early = await h.as('demo-office-weisheng')({ method: 'POST', url: `/api/tasks/${id}/${t.taskId}/complete`, payload: { payload: { decision: 'close' } } });
    expect(early.statusCode).toBe(422);
    const complaint = await h.as('demo-office-weisheng')({ method: 'POST', url: `/api/applications/${id}/messages/complaint`, payload: { payload: { text: '论文涉嫌抄袭' } } });
    expect(complaint.statusCode, complaint.body).toBe(200);
    const upheld = await act(h, 'demo-office-weisheng', id, 'investigate', { decision: 'uphold', finding: '经核查属实' });
    expect(upheld['status']).toBe('failed');
    expect(upheld['timers']).toEqual([]);
  });

  it('C4: a direct-report unit in 和林格尔人才科创中心 reports straight to the service centre', async () => {
    const form = seniorForm({ specialty: 'jisuanji', workStartDate: '2009-07-01', currentTitle: { grade: '无', since: '2009-07-01' } });
    const app = await submitted(h, 'park', { levelKey: 'gongcheng.fugao', form });
    const id = app['id'] as string;
    parkApp = id;
    expect(app).toMatchObject({ pathId: 'nonpublic-direct', committeeId: 'cmt-gongcheng-dianzi' });
    await approve(h, 'demo-unit-helinger', id, 'unitReview');
    await fireNext(h, id);
    const open = (await view(h, 'demo-admin', id))['openTasks'] as { elementId: string; orgId: string }[];
    expect(open).toEqual([expect.objectContaining({ elementId: 'centreReview', orgId: 'nm-centre' })]);
  });

  it('F2: a candidate passes only with two thirds of the attending experts (no lowered standard)', async () => {
    const id = parkApp;
    await approve(h, 'demo-centre', id, 'centreReview');
    const office = (await view(h, 'demo-admin', id))['routing'] as Record<string, string>;
    await h.platform.store.insertUser({ id: 'dianzi-clerk', login: 'dianzi-clerk', name: '电子工程办事机构', kind: 'staff', roles: [{ role: 'committeeClerk', orgId: office['committeeOffice']! }], version: 1, createdAt: h.clock.now() }, []);
    await approve(h, 'dianzi-clerk', id, 'officeCheck');
    const first = await act(h, 'expert-1', id, 'vote', { vote: 'approve' });
    // secret ballot: while the vote is open, no answer to anyone carries a ballot
    for (const body of [first, await view(h, 'park', id), await view(h, 'demo-admin', id), await view(h, 'expert-2', id)]) {
      expect(JSON.stringify(body)).not.toContain('ballots');
    }
    const res = await vote(h, id, { 'expert-2': 'reject', 'expert-3': 'reject' });
    expect(res['status']).toBe('failed');
  });

  it('C6: a non-public applicant is recommended through the talent agency holding the archive', async () => {
    const form = seniorForm({ specialty: 'jisuanji', workStartDate: '2009-07-01', currentTitle: { grade: '无', since: '2009-07-01' } });
    const app = await submitted(h, 'soft', { levelKey: 'gongcheng.fugao', form });
    const id = app['id'] as string;
    softApp = id;
    expect(app['routing']).toMatchObject({ competent: 'agency-150100-talent', league: '150100' });
    await approve(h, 'demo-unit-software', id, 'unitReview');
    await fireNext(h, id);
    await approve(h, 'demo-agency', id, 'competentReview');
    await taskOf(h, 'demo-hrss-hhht', id, 'leagueReview');
  });

  it('C5: a central unit needs its entrustment letter approved by the region HR department; without it the result is not approved', async () => {
    const a1 = await submitted(h, 'rail1', { levelKey: 'gongcheng.fugao', form: seniorForm(), channel: 'entrusted' });
    expect(a1).toMatchObject({ pinned: { workflowKey: 'entrusted-review' }, routing: { competent: 'nm-hrss' } });
    const a2 = await submitted(h, 'rail2', { levelKey: 'gongcheng.fugao', form: seniorForm(), channel: 'entrusted' });
    for (const a of [a1, a2]) await approve(h, 'rev-railway', a['id'] as string, 'unitReview');
    await fireNext(h, a1['id'] as string);
    const refused = await act(h, 'demo-hrss-entrust', a1['id'] as string, 'entrustCheck', { decision: 'reject', comment: '未出具委托函' });
    expect(refused['status']).toBe('rejected');
    await act(h, 'demo-hrss-entrust', a2['id'] as string, 'entrustCheck', { decision: 'approve', letterNumber: '内人社委〔2022〕3号' });
    await taskOf(h, 'demo-office-gongcheng', a2['id'] as string, 'officeCheck');
  });

  it('C7: a series not reviewed in the region is entrusted to another province’s committee by a letter of the region HR department', async () => {
    const app = await submitted(h, 'ship', { levelKey: 'chuanbo.gaoji', form: seniorForm() });
    const id = app['id'] as string;
    expect(app).toMatchObject({ committeeId: 'cmt-chuanbo-external', pinned: { workflowKey: 'entrusted-out' } });
    await approve(h, 'demo-unit-design', id, 'unitReview');
    await fireNext(h, id);
    await approve(h, 'demo-dept-jianshe', id, 'competentReview');
    await approve(h, 'demo-centre', id, 'centreReview');
    await act(h, 'demo-centre', id, 'entrustLetter', { decision: 'approve', letterNumber: '内人社委评〔2022〕1号' });
    await act(h, 'ext-clerk', id, 'externalResult', { decision: 'pass', committeeSize: 25, attending: 21, for: 18, against: 3 });
    await fireNext(h, id);
    expect((await approve(h, 'demo-centre', id, 'filing'))['status']).toBe('certified');
  });

  it('D7: delegated jurisdictions — enterprise, school and university committees review their own; industry committees review 正高', async () => {
    expect((await submitted(h, 'xt1', { levelKey: 'gongcheng.fugao', form: seniorForm({ specialty: 'gonglu' }) }))['committeeId']).toBe('cmt-xingtai-gongcheng');
    const zg = seniorForm({ currentTitle: { grade: '副高级', name: '高级工程师', since: '2015-01-01' } });
    expect((await submitted(h, 'xt2', { levelKey: 'gongcheng.zhenggao', form: zg }))['committeeId']).toBe('cmt-gongcheng-senior');
    const fz = teacherForm({ currentTitle: { grade: '副高级', name: '高级教师', since: '2015-01-01' } });
    expect((await submitted(h, 'fz', { levelKey: 'zhongxiaoxue.zhenggaoji', form: fz }))['committeeId']).toBe('cmt-nsd-fuzhong');
    const prof = seniorForm({ education: { degree: '博士', school: '北京大学', major: '物理', graduationDate: '2012-07-01', fullTime: true }, currentTitle: { grade: '中级', name: '讲师', since: '2014-01-01' } });
    expect((await submitted(h, 'imu', { levelKey: 'gaoxiao.fujiaoshou', form: prof }))['committeeId']).toBe('cmt-imu-gaoxiao');
  });

  it('D7: 阿拉善盟 teachers are reviewed jointly by 呼和浩特’s committee; 满洲里 by 呼伦贝尔’s', async () => {
    expect((await submitted(h, 'alsh', { levelKey: 'zhongxiaoxue.gaoji', form: teacherForm() }))['committeeId']).toBe('cmt-150100-teacher');
    expect((await submitted(h, 'mzl', { levelKey: 'zhongxiaoxue.gaoji', form: teacherForm() }))['committeeId']).toBe('cmt-150700-teacher');
  });

  it('F1: a committee whose 核准备案 has lapsed may not review: the applicant is told no committee covers the unit', async () => {
    const id = await prepare(h, 'wuhai', { levelKey: 'zhongxiaoxue.gaoji', form: teacherForm() });
    const res = await submit(h, 'wuhai', id);
    expect(res.statusCode).toBe(422);
    expect(codes(res)).toEqual(['routing.no_committee']);
  });

  it('D12: a banner teacher’s directed 基层高级 is reviewed by the league committee, filed by the league, and the certificate is restricted', async () => {
    const app = await submitted(h, 'banner-t', { levelKey: 'zhongxiaoxue.gaoji-dingxiang', form: teacherForm({ track: 'jiceng', education: { degree: '大专', school: '呼和浩特师专', major: '语文', graduationDate: '2000-07-01', fullTime: true }, currentTitle: { grade: '中级', name: '一级教师', since: '2017-09-01' } }) });
    const id = app['id'] as string;
    expect(app).toMatchObject({ committeeId: 'cmt-150100-jiceng', pinned: { workflowKey: 'directed-review' } });
    expect((await certifyDirectedTeacher(h, id))['status']).toBe('certified');
    const cert = await h.as('banner-t')({ method: 'GET', url: `/api/applications/${id}/documents/certificate` });
    expect(cert.body).toContain('限在本盟市基层以下事业单位');
    // a city teacher may not take the directed path
    const city = await h.as('city-t2')({ method: 'POST', url: '/api/eligibility', payload: { campaignId: '2022', levelKey: 'zhongxiaoxue.gaoji-dingxiang', form: teacherForm({ track: 'jiceng' }) } });
    expect(city.json().eligible).toBe(false);
  });

  it('D4: teachers are assessed by lecture, interview, quantitative scoring and democratic evaluation before the experts vote', async () => {
    const app = await submitted(h, 'city-t', { levelKey: 'zhongxiaoxue.gaoji', form: teacherForm() });
    const id = app['id'] as string;
    await approve(h, 'demo-unit-no2', id, 'unitReview');
    await fireNext(h, id);
    await approve(h, 'demo-dept-edu', id, 'competentReview');
    await approve(h, 'demo-hrss-hhht', id, 'leagueReview');
    await fireNext(h, id);
    await approve(h, 'demo-office-teacher', id, 'officeCheck');
    const t = await taskOf(h, 'demo-office-teacher', id, 'scoring');
    const incomplete = await h.as('demo-office-teacher')({ method: 'POST', url: `/api/tasks/${id}/${t.taskId}/complete`, payload: { payload: { decision: 'scored', lectureScore: 80 } } });
    expect(incomplete.statusCode).toBe(422);
    const scored = await act(h, 'demo-office-teacher', id, 'scoring', { decision: 'scored', lectureScore: 85, interviewScore: 78, quantScore: 72, democraticScore: 55 });
    expect(scored['status']).toBe('failed'); // democratic evaluation below the line
  });

  it('D5: 高级经济师 candidates are reviewed online by the experts, after a valid exam', async () => {
    const app = await submitted(h, 'econ', { levelKey: 'jingji.gaoji', form: seniorForm({ specialty: 'jinrong', ...EXAM }) });
    const id = app['id'] as string;
    expect(app).toMatchObject({ committeeId: 'cmt-jingji-senior', pinned: { workflowKey: 'online-review' } });
    await approve(h, 'rev-econ', id, 'unitReview');
    await fireNext(h, id);
    await approve(h, 'dept-finance', id, 'competentReview');
    await fireNext(h, id);
    await approve(h, 'jingji-clerk', id, 'officeCheck');
    const ballots = await inbox(h, 'expert-1', id);
    expect(ballots.map((b) => b.name)).toEqual(['专家网上评审表决']);
  });

  it('E1: a 公示 of 5 working days across National Day 2022 ends on 2022-10-10', async () => {
    const app = await submitted(h, 'e1', { levelKey: 'gongcheng.fugao', form: seniorForm() });
    const id = app['id'] as string;
    await at(h, '2022-09-29T02:00:00.000Z'); // Thursday
    const approved = await approve(h, 'demo-unit-design', id, 'unitReview');
    // 09-29, 09-30, Sat 10-08 and Sun 10-09 (调休上班), 10-10: due at 00:00 on 10-11 China time
    expect(timersOf(approved)).toEqual(['2022-10-10T16:00:00.000Z']);
    expect(await at(h, '2022-10-10T15:59:00.000Z')).toBe(0);
    expect(await at(h, '2022-10-10T16:00:00.000Z')).toBe(1);
    await taskOf(h, 'demo-dept-jianshe', id, 'competentReview');
  });

  it('E2: the competent department’s return lists every item at once; not corrected in time, the application is withdrawn', async () => {
    await at(h, '2022-06-20T02:00:00.000Z');
    const created = await prepare(h, 'e2', { levelKey: 'gongcheng.fugao', form: seniorForm() });
    expect((await submit(h, 'e2', created)).statusCode).toBe(200);
    await approve(h, 'demo-unit-design', created, 'unitReview');
    await fireNext(h, created);
    const returned = await act(h, 'demo-dept-jianshe', created, 'competentReview', { decision: 'return', items: [{ pointer: '/achievements/0/result', message: '获奖证书复印件不清晰' }, { message: '年度考核表缺2020年度' }, { message: '工作总结须加盖单位公章' }] });
    expect(returned['status']).toBe('returned');
    const notice = returned['notice'] as { items: { message: string }[]; deadline: string };
    expect(notice.items.map((i) => i.message)).toEqual(['获奖证书复印件不清晰', '年度考核表缺2020年度', '工作总结须加盖单位公章']);
    const doc = await h.as('e2')({ method: 'GET', url: `/api/applications/${created}/documents/gaozhishu` });
    expect(doc.body).toContain('年度考核表缺2020年度');
    expect(doc.body).toContain('视为放弃申报');
    await at(h, notice.deadline);
    const after = await view(h, 'e2', created);
    expect(after['status']).toBe('withdrawn');
    expect((await h.as('e2')({ method: 'POST', url: `/api/applications/${created}/resubmit` })).statusCode).toBe(422);
  });

  it('E4: the committee office sends a non-conforming application back through its channel', async () => {
    const id = softApp;
    await approve(h, 'demo-hrss-hhht', id, 'leagueReview');
    await fireNext(h, id);
    await approve(h, 'demo-centre', id, 'centreReview');
    const office = (await view(h, 'demo-admin', id))['routing'] as Record<string, string>;
    await h.platform.store.insertUser({ id: 'office-clerk-x', login: 'office-clerk-x', name: '办事机构', kind: 'staff', roles: [{ role: 'committeeClerk', orgId: office['committeeOffice']! }], version: 1, createdAt: h.clock.now() }, []);
    const back = await act(h, 'office-clerk-x', id, 'officeCheck', { decision: 'reject', comment: '超出评委会受理范围，按原渠道退回' });
    expect(back['status']).toBe('rejected');
  });

  it('D18: recognition needs no committee: unit → 主管部门 → 盟市人社局 → e-certificate', async () => {
    const form = seniorForm({ education: { degree: '本科', school: '内蒙古工业大学', major: '土木工程', graduationDate: '2020-07-01', fullTime: true }, currentTitle: { grade: '无', since: '2020-07-01' } });
    const app = await submitted(h, 'rec', { levelKey: 'gongcheng.zhuli-rending', form });
    const id = app['id'] as string;
    expect(app['committeeId']).toBeUndefined();
    expect(app).toMatchObject({ pathId: 'bachelor-1y', pinned: { workflowKey: 'recognition' } });
    await approve(h, 'demo-unit-design', id, 'unitReview');
    await fireNext(h, id);
    await approve(h, 'demo-dept-jianshe', id, 'competentReview');
    const done = await approve(h, 'demo-hrss-hhht', id, 'leagueReview');
    expect(done['status']).toBe('certified');
  });

  it('C2: the 评审表 and 送审表 are generated for download, with the 代表作 flag and the 花名册', async () => {
    const id = (await view(h, 'c3', (await h.as('c3')({ method: 'GET', url: '/api/applications' })).json().items[0].id))['id'] as string;
    const table = await h.as('c3')({ method: 'GET', url: `/api/applications/${id}/documents/pingshenbiao` });
    expect(table.statusCode).toBe(200);
    expect(table.body).toContain('专业技术资格评审表');
    expect(table.body).toContain('某设计文件');
    expect(table.body).toMatch(/设计文件<\/td><td><\/td><td><\/td><td>是/);
    for (const name of ['songshenbiao', 'gongshi', 'huamingce']) {
      const doc = await h.as('demo-hrss-hhht')({ method: 'GET', url: `/api/applications/${id}/documents/${name}` });
      expect(doc.statusCode, name).toBe(200);
      expect(doc.body).toContain('申报人c3');
    }
  });
});
