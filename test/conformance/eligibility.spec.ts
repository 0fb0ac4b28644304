// Who may apply and by which path (A, B, D of the 2022 notice), through /api/eligibility and submit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { at, codes, eligibility, messages, pathOf, prepare, seniorForm, start, submit, submitted, teacherForm, type Harness } from './support.js';

const P = (id: string, orgId: string, facts?: Record<string, unknown>) => ({ id, orgId, ...(facts ? { facts } : {}) });

describe('conformance: eligibility', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await start('2022-06-01T02:00:00.000Z', [
      P('cs', 'unit-hhht-design', { civilServant: true }),
      P('retiree', 'unit-hhht-design', { retired: true }),
      P('cheat', 'unit-hhht-design', { integrityUntil: '2024-05-31' }),
      P('eng', 'unit-hhht-design'),
      P('eng2', 'unit-hhht-design'),
      P('soft', 'unit-hhht-software'),
      P('soft2', 'unit-hhht-software'),
      P('doc', 'unit-nmg-hospital'),
      P('poge', 'unit-hhht-design'),
      P('ts-agri', 'unit-chasuqi-agri'),
      P('banner-agri', 'unit-tzq-agri-station'),
      P('city-teacher', 'unit-hhht-no2-middle'),
      P('transfer', 'unit-hhht-design'),
      P('grad', 'unit-hhht-design'),
      P('ts-grad', 'unit-chasuqi-agri'),
      P('late', 'unit-hhht-design'),
    ]);
  });
  afterAll(async () => h.close());

  it('A4: a civil servant (参公) is refused outright, with the reason', async () => {
    const e = await eligibility(h, 'cs', 'gongcheng.fugao', seniorForm());
    expect(e.eligible).toBe(false);
    expect(e.blocked.map((b) => b.message)).toContain('公务员（含列入参照公务员法管理的人员）不得申报评审或考核认定职称');
    const id = await prepare(h, 'cs', { levelKey: 'gongcheng.fugao', form: seniorForm() });
    const res = await submit(h, 'cs', id);
    expect(res.statusCode).toBe(422);
    expect(codes(res)).toContain('eligibility.blocked');
    expect(messages(res).join()).toContain('公务员');
  });

  it('A4: a retiree may not apply for review or recognition', async () => {
    for (const level of ['gongcheng.fugao', 'gongcheng.zhuli-rending']) {
      const e = await eligibility(h, 'retiree', level, seniorForm());
      expect(e.blocked.map((b) => b.id)).toContain('retired');
    }
  });

  it('G3: a person on the integrity blacklist (3 years) is refused', async () => {
    const e = await eligibility(h, 'cheat', 'gongcheng.fugao', seniorForm());
    expect(e.eligible).toBe(false);
    expect(e.blocked.map((b) => b.id)).toEqual(['integrity']);
  });

  it('B2: tenure is counted to 2021-12-31, not to the application date', async () => {
    // 中级 since 2017-01-01: five years by June 2022, but only 4 at the cut-off
    const short = await eligibility(h, 'eng', 'gongcheng.fugao', seniorForm({ currentTitle: { grade: '中级', name: '工程师', since: '2017-01-01' } }));
    expect(pathOf(short, 'regular').failed.map((f) => f.conditionId)).toEqual(['tenure']);
    const enough = await eligibility(h, 'eng', 'gongcheng.fugao', seniorForm({ currentTitle: { grade: '中级', name: '工程师', since: '2016-12-31' } }));
    expect(pathOf(enough, 'regular').passed).toBe(true);
  });

  it('B1: after 06-30 no application is accepted and no draft is started', async () => {
    const id = await prepare(h, 'late', { levelKey: 'gongcheng.fugao', form: seniorForm() });
    await at(h, '2022-07-01T02:00:00.000Z');
    const res = await submit(h, 'late', id);
    expect(res.statusCode).toBe(422);
    expect(codes(res)).toContain('campaign.closed');
    const draft = await h.as('late')({ method: 'POST', url: '/api/applications', payload: { campaignId: '2022', levelKey: 'gongcheng.zhongji' } });
    expect(draft.json().code).toBe('campaign.closed');
    await at(h, '2022-06-01T02:00:00.000Z');
  });

  it('D10: a private-company engineer with a bachelor degree and 12 years applies directly for 副高', async () => {
    const form = seniorForm({ workStartDate: '2009-07-01', currentTitle: { grade: '无', since: '2009-07-01' }, papers: [], continuingEducationHours: 0 });
    delete form['withinPostVacancy'];
    const app = await submitted(h, 'soft', { levelKey: 'gongcheng.fugao', form: { ...form, specialty: 'jisuanji' } });
    expect(app).toMatchObject({ status: 'submitted', pathId: 'nonpublic-direct', committeeId: 'cmt-gongcheng-dianzi' });
    // 11 years is not enough
    const e = await eligibility(h, 'soft2', 'gongcheng.fugao', { ...form, workStartDate: '2010-07-01' });
    expect(pathOf(e, 'nonpublic-direct').failed.map((f) => f.conditionId)).toEqual(['years']);
  });

  it('D10: non-public bachelor + 5 years (associate + 8) → 中级 directly, no title needed', async () => {
    const form = { name: '陈工', gender: '男', idNumber: '150105198612240051', birthDate: '1986-12-24', specialty: 'jisuanji', workStartDate: '2016-07-01', education: { degree: '本科', school: '内蒙古大学', major: '软件工程', graduationDate: '2016-07-01', fullTime: true }, currentTitle: { grade: '无', since: '2016-07-01' }, workHistory: [{ from: '2016-07-01', unit: '蒙科软件', post: '开发' }] };
    const e = await eligibility(h, 'soft2', 'gongcheng.zhongji', form);
    expect(pathOf(e, 'nonpublic-direct').passed).toBe(true);
    const assoc = await eligibility(h, 'soft2', 'gongcheng.zhongji', { ...form, education: { ...form.education, degree: '大专' } });
    expect(pathOf(assoc, 'nonpublic-direct').passed).toBe(false);
  });

  it('D3: 卫生副高 needs a passing exam score still valid', async () => {
    const base = seniorForm({ specialty: 'linchuang', ruralServiceYears: 1 });
    const none = await eligibility(h, 'doc', 'weisheng.fugao', base);
    expect(pathOf(none, 'regular').failed.map((f) => f.conditionId)).toEqual(['exam']);
    const expired = await eligibility(h, 'doc', 'weisheng.fugao', { ...base, qualificationExam: { passed: true, score: 65, passLine: 60, validUntil: '2022-05-31' } });
    expect(pathOf(expired, 'regular').failed.map((f) => f.message)).toEqual(['须参加全国或自治区统一考试，成绩达到合格线并在有效期内（考评结合）']);
    const valid = await eligibility(h, 'doc', 'weisheng.fugao', { ...base, qualificationExam: { passed: true, score: 65, passLine: 60, validUntil: '2023-12-31' } });
    expect(pathOf(valid, 'regular').passed).toBe(true);
  });

  it('D8: a 破格 path is used once, does not count against post quotas, and is remembered on the person', async () => {
    const form = seniorForm({ currentTitle: { grade: '中级', name: '工程师', since: '2020-09-01' }, poge: { basis: '重大贡献', recommendedBy: '呼和浩特市人民政府', description: '解决重大工程技术难题' } });
    const app = await submitted(h, 'poge', { levelKey: 'gongcheng.fugao', form });
    expect(app['pathId']).toBe('poge-1');
    expect((app['workflow'] as { variables: Record<string, unknown> }).variables['quotaExempt']).toBe(true);
    // the next year the same path is refused, with the reason
    const next = await eligibility(h, 'poge', 'gongcheng.fugao', form, '2026');
    expect(pathOf(next, 'poge-1').failed.map((f) => f.conditionId)).toContain('onceOnly');
  });

  it('D8: path 5 — a transferred civil servant applies without title limits within 5 years only', async () => {
    const form = seniorForm({ currentTitle: { grade: '无', since: '2020-01-01' }, poge: { basis: '转业调入', transferredOn: '2019-03-01' } });
    expect(pathOf(await eligibility(h, 'eng2', 'gongcheng.fugao', form), 'poge-5').passed).toBe(true);
    const old = await eligibility(h, 'eng2', 'gongcheng.fugao', { ...form, poge: { basis: '转业调入', transferredOn: '2016-03-01' } });
    expect(pathOf(old, 'poge-5').failed.map((f) => f.conditionId)).toEqual(['within5']);
  });

  it('D9: a township bachelor with 2 years applies for 中级 directly, without continuing-education hours', async () => {
    const form = seniorForm({ specialty: 'xumu', currentTitle: { grade: '无', since: '2019-07-01' }, townshipYears: 2, continuingEducationHours: 0 });
    const app = await submitted(h, 'ts-agri', { levelKey: 'nongye.zhongji', form });
    expect(app).toMatchObject({ pathId: 'township-graduate', committeeId: 'cmt-nongye-senior' });
  });

  it('D9: 30 years at banner level → one level up regardless of education; no paper asked at banner level', async () => {
    const form = seniorForm({ specialty: 'nongxue', education: { degree: '中专', school: '某农校', major: '农学', graduationDate: '1990-07-01', fullTime: true }, bannerYears: 31, papers: [] });
    const e = await eligibility(h, 'banner-agri', 'nongye.fugao', form);
    expect(pathOf(e, 'grassroots-long-service').passed).toBe(true);
    // at banner level the representative-work condition holds without any paper
    const bach = await eligibility(h, 'banner-agri', 'nongye.fugao', { ...form, education: { degree: '本科', school: '内蒙古农业大学', major: '农学', graduationDate: '1990-07-01', fullTime: true } });
    expect(pathOf(bach, 'regular').passed).toBe(true);
    // in the city the same application needs a representative work
    const city = await eligibility(h, 'eng', 'gongcheng.fugao', seniorForm({ papers: [] }));
    expect(pathOf(city, 'regular').failed.map((f) => f.conditionId)).toEqual(['representative-work']);
  });

  it('D9: an urban teacher needs a year of rural service for 高级教师', async () => {
    const without = await eligibility(h, 'city-teacher', 'zhongxiaoxue.gaoji', teacherForm({ ruralServiceYears: 0 }));
    expect(pathOf(without, 'regular').failed.map((f) => f.conditionId)).toEqual(['rural-service']);
    expect(pathOf(await eligibility(h, 'city-teacher', 'zhongxiaoxue.gaoji', teacherForm()), 'regular').passed).toBe(true);
  });

  it('D1: papers are not a hard requirement: a design file flagged as 代表作 counts, none does not', async () => {
    const withDesign = await eligibility(h, 'eng', 'gongcheng.zhenggao', seniorForm({ currentTitle: { grade: '副高级', name: '高级工程师', since: '2015-01-01' } }));
    expect(pathOf(withDesign, 'regular').passed).toBe(true);
    const notFlagged = await eligibility(h, 'eng', 'gongcheng.zhenggao', seniorForm({ currentTitle: { grade: '副高级', name: '高级工程师', since: '2015-01-01' }, papers: [{ date: '2020-03-01', title: '论文', kind: '论文', representative: false }] }));
    expect(pathOf(notFlagged, 'regular').failed.map((f) => f.conditionId)).toEqual(['representative-work']);
  });

  it('D17: series transfer — same level after 1 year in the new post, one level up a year later with seniority carried over', async () => {
    const same = seniorForm({ currentTitle: { grade: '副高级', name: '高级经济师', series: '经济', since: '2016-01-01' }, seriesTransfer: { fromSeries: '经济', fromTitle: '高级经济师', transferredOn: '2020-10-01' } });
    expect(pathOf(await eligibility(h, 'transfer', 'gongcheng.fugao', same), 'transfer-same-level').passed).toBe(true);
    const tooSoon = await eligibility(h, 'transfer', 'gongcheng.fugao', { ...same, seriesTransfer: { fromSeries: '经济', transferredOn: '2021-03-01' } });
    expect(pathOf(tooSoon, 'transfer-same-level').failed.map((f) => f.conditionId)).toEqual(['transfer']);
    const up = seniorForm({ currentTitle: { grade: '中级', name: '工程师', since: '2014-01-01' }, seriesTransfer: { fromSeries: '经济', transferredOn: '2019-01-01', sameLevelSince: '2020-06-01' } });
    expect(pathOf(await eligibility(h, 'transfer', 'gongcheng.fugao', up), 'transfer-up').passed).toBe(true);
  });

  it('D18: full-time graduates are recognised without review: bachelor + 1 year → 助理, master + 2 → 中级, doctorate → 中级, post-doc → 副高', async () => {
    const f = (degree: string, graduationDate: string, extra: Record<string, unknown> = {}) =>
      seniorForm({ education: { degree, school: '内蒙古大学', major: '土木工程', graduationDate, fullTime: true }, currentTitle: { grade: '无', since: graduationDate }, specialty: 'jianshe', ...extra });
    expect(pathOf(await eligibility(h, 'grad', 'gongcheng.zhuli-rending', f('本科', '2020-07-01')), 'bachelor-1y').passed).toBe(true);
    // counted to the education cut-off 2021-12-31: a 2021 graduate has not yet served a year
    expect(pathOf(await eligibility(h, 'grad', 'gongcheng.zhuli-rending', f('本科', '2021-07-01')), 'bachelor-1y').passed).toBe(false);
    expect(pathOf(await eligibility(h, 'grad', 'gongcheng.zhuli-rending', f('大专', '2019-07-01')), 'associate-3y').passed).toBe(false);
    expect(pathOf(await eligibility(h, 'grad', 'gongcheng.zhongji-rending', f('硕士', '2019-07-01')), 'master-2y').passed).toBe(true);
    expect(pathOf(await eligibility(h, 'grad', 'gongcheng.zhongji-rending', f('博士', '2021-07-01')), 'doctorate').passed).toBe(true);
    const pd = await eligibility(h, 'grad', 'gongcheng.fugao-boshihou', f('博士', '2019-07-01', { postdoc: { funded: true, staysInRegion: true } }));
    expect(pathOf(pd, 'postdoc').passed).toBe(true);
  });

  it('D9: a full-time graduate at township level is recognised a year early', async () => {
    const form = seniorForm({ education: { degree: '大专', school: '内蒙古农业大学职业技术学院', major: '畜牧兽医', graduationDate: '2019-07-01', fullTime: true }, currentTitle: { grade: '无', since: '2019-07-01' }, specialty: 'jianshe' });
    const e = await eligibility(h, 'ts-grad', 'gongcheng.zhuli-rending', form);
    expect(pathOf(e, 'associate-3y').passed).toBe(false);
    expect(pathOf(e, 'associate-grassroots').passed).toBe(true);
  });

  it('D16: a vocational qualification on the 对应关系表 counts as the title', async () => {
    const form = seniorForm({ currentTitle: { grade: '助理级', since: '2018-01-01' }, vocationalQualification: '一级注册建造师' });
    expect(pathOf(await eligibility(h, 'grad', 'gongcheng.zhongji-rending', form), 'qualification').passed).toBe(true);
    expect(pathOf(await eligibility(h, 'grad', 'gongcheng.zhongji-rending', { ...form, vocationalQualification: '二级注册建造师' }), 'qualification').passed).toBe(false);
  });

  it('D11: COVID front-line medical staff get the tilt set by the health department', async () => {
    const form = seniorForm({ specialty: 'linchuang', currentTitle: { grade: '中级', name: '主治医师', since: '2017-06-01' }, qualificationExam: { passed: true, validUntil: '2023-12-31' }, covidFrontline: true });
    const e = await eligibility(h, 'doc', 'weisheng.fugao', form);
    expect(pathOf(e, 'regular').passed).toBe(false);
    expect(pathOf(e, 'covid-frontline').passed).toBe(true);
  });
});
