// 统计看板 through the API on the seeded 2022 configuration: applications submitted, passed, returned and left
// overdue through the public routes, then the figures in words, a league/city reviewer's own 盟市 only, and the
// workbook parsed back.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineerForm } from '../support/engineer.js';
import { at, act, start, submitted, teacherForm, type Harness } from '../conformance/support.js';

/** an approval with its 审批意见 (a step may require one) */
const AGREE = { decision: 'approve', comment: '同意' };

interface Row {
  name: string;
  count: number;
  passed: number;
  inProgress: number;
}

/** every string value in a JSON answer (the words a person could be shown), not its property names */
const stringsIn = (v: unknown): string[] =>
  typeof v === 'string' ? [v] : Array.isArray(v) ? v.flatMap(stringsIn) : v && typeof v === 'object' ? Object.values(v).flatMap(stringsIn) : [];

describe('province dashboard (统计看板)', () => {
  let h: Harness;
  let zhaoId = '';
  beforeAll(async () => {
    h = await start('2022-06-01T02:00:00.000Z', [
      { id: 'li', orgId: 'unit-hhht-design' },
      { id: 'wang', orgId: 'unit-hhht-design' },
      { id: 'zhao', orgId: 'unit-hhht-design' },
      { id: 'bt-1', orgId: 'unit-baotou-machinery' },
      { id: 'elht-1', orgId: 'unit-elht-no1-middle' },
    ]);
    // 李: through 单位审核, 公示 and 主管部门审核 to 已通过
    const li = await submitted(h, 'li', { levelKey: 'gongcheng.zhongji', form: engineerForm('李工') });
    await act(h, 'demo-unit-design', li['id'] as string, 'unitReview', AGREE);
    expect(await at(h, '2022-06-09T16:00:00.000Z')).toBe(1);
    expect((await act(h, 'demo-dept-jianshe', li['id'] as string, 'competentReview', AGREE))['status']).toBe('passed');
    h.clock.set('2022-06-10T02:00:00.000Z');
    // 王: waiting at 单位审核; 赵: returned with a 5-working-day deadline; one each in 包头 and 二连浩特 (锡林郭勒盟)
    await submitted(h, 'wang', { levelKey: 'gongcheng.zhongji', form: engineerForm('王工') });
    zhaoId = (await submitted(h, 'zhao', { levelKey: 'gongcheng.zhongji', form: engineerForm('赵工') }))['id'] as string;
    await act(h, 'demo-unit-design', zhaoId, 'unitReview', { decision: 'return', comment: '请补正', items: [{ message: '缺少继续教育证明' }] });
    await submitted(h, 'bt-1', { levelKey: 'gongcheng.zhongji', form: engineerForm('包工') });
    const teacher = await submitted(h, 'elht-1', { levelKey: 'zhongxiaoxue.zhenggaoji', form: teacherForm({ currentTitle: { grade: '副高级', name: '高级教师', since: '2014-09-01' } }) });
    expect(teacher['routing']).toMatchObject({ league: '152501' });
    // past 赵's deadline (the end of 06-17 in China) with the timer not yet fired: an overdue task
    h.clock.set('2022-06-20T02:00:00.000Z');
  }, 300_000); // FerretDB on a loaded 2-core machine takes minutes for the five applications
  afterAll(async () => h.close());

  const dashboardOf = async (userId: string, campaignId = '2022') => h.as(userId)({ method: 'GET', url: `/api/dashboard?campaignId=${campaignId}` });

  it('counts per stage, 盟市, series and level, in words', async () => {
    const res = await dashboardOf('demo-admin');
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d).toMatchObject({ campaign: { key: '2022', name: '2022年度职称评审' }, scopeName: '全区' });
    expect(d.totals).toEqual({ submitted: 5, inProgress: 4, returned: 1, passed: 1, notPassed: 0, drafts: 0, overdue: 1 });
    expect(d.stages).toEqual(
      expect.arrayContaining([
        { statusName: '已通过', step: '—', count: 1 },
        { statusName: '已提交', step: '单位审核', count: 2 },
        { statusName: '已提交', step: '单位审核（真实性、完整性、时效性）', count: 1 },
        { statusName: '退回补正', step: '按一次性告知补正（单位审核）', count: 1 },
      ]),
    );
    expect(d.leagues.map((r: Row) => [r.name, r.count, r.passed])).toEqual([
      ['呼和浩特市', 3, 1],
      ['包头市', 1, 0], // ties in pinyin order
      ['锡林郭勒盟', 1, 0],
    ]);
    expect(d.series.map((r: Row) => [r.name, r.count])).toEqual([
      ['工程技术人员', 4],
      ['中小学教师', 1],
    ]);
    expect(d.levels.map((r: Row) => r.name)).toEqual(['工程技术人员 · 工程师', '中小学教师 · 正高级教师']);
    // words, never keys: no level, org, committee or path key anywhere in the answer
    const words = JSON.stringify(stringsIn({ ...d, campaign: d.campaign.name }));
    for (const key of ['gongcheng', 'zhongxiaoxue', 'unit-', '150100', 'cmt-', 'regular', 'unitReview', 'submitted', 'passed']) expect(words).not.toContain(key);
  });

  it('quota use (D15 per 盟市 allocation), overdue tasks and pass rates per committee and per 申报路径', async () => {
    const d = (await dashboardOf('demo-admin')).json();
    const erlian = d.quotas.find((q: { holder: string; quota: string }) => q.holder === '二连浩特市' && q.quota.includes('正高级教师'));
    expect(erlian).toEqual({ quota: expect.stringContaining('2022年中小学正高级教师评审名额'), holder: '二连浩特市', limit: 2, used: 1, rate: 0.5 });
    expect(d.quotas.filter((q: { used: number }) => q.used > 0)).toHaveLength(1);
    expect(d.overdue).toMatchObject({ count: 1, oldest: { step: '按一次性告知补正（单位审核）', handler: '申报人', applicantName: '申报人zhao', level: '工程技术人员 · 工程师', dueAt: '2022-06-17T16:00:00.000Z' } });
    expect(d.committees).toEqual(
      expect.arrayContaining([{ name: '内蒙古自治区工程系列建设工程专业高级职称评审委员会', passed: 1, notPassed: 0, inProgress: 3, rate: 1 }]),
    );
    expect(d.groups.basis).toContain('申报路径');
    expect(d.groups.rows.map((r: { name: string }) => r.name)).toContain('正常申报');
  });

  it('a league/city reviewer sees only their own 盟市; applicants and unit reviewers are refused; an unknown campaign is a Chinese 404', async () => {
    const res = await dashboardOf('demo-hrss-hhht');
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.scopeName).toBe('呼和浩特市');
    expect(d.totals.submitted).toBe(3);
    expect(d.leagues.map((r: Row) => r.name)).toEqual(['呼和浩特市']);
    expect(d.overdue.count).toBe(1);
    const holders = new Set(d.quotas.map((q: { holder: string }) => q.holder));
    expect(holders.has('呼和浩特市')).toBe(true);
    expect(holders.has('二连浩特市')).toBe(false);
    expect(holders.has('内蒙古自治区水利厅')).toBe(false);
    for (const who of ['li', 'demo-unit-design']) {
      const refused = await dashboardOf(who);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().message).toMatch(/[\u4e00-\u9fff]/);
    }
    const missing = await dashboardOf('demo-admin', 'no-such-year');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'campaign.not_found', message: expect.stringContaining('不存在'), details: [] });
    expect((await h.as('demo-admin')({ method: 'GET', url: '/api/dashboard' })).statusCode).toBe(400);
  });

  it('exports every figure as a sheet of one workbook that opens', async () => {
    const res = await h.as('demo-admin')({ method: 'GET', url: '/api/dashboard.xlsx?campaignId=2022' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('2022年度职称评审统计看板（全区）.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['总体情况', '各环节', '各盟市', '各系列', '各层级', '指标使用', '超期任务', '评委会通过率', '分组通过率']);
    const leagues = book.getWorksheet('各盟市')!;
    expect(leagues.getRow(1).getCell(1).value).toBe('2022年度职称评审 全区 各盟市申报数');
    expect(leagues.getRow(2).values).toEqual([undefined, '盟市', '申报数', '在办', '已通过']);
    expect(leagues.getRow(3).values).toEqual([undefined, '呼和浩特市', 3, 2, 1]);
    const quotas = book.getWorksheet('指标使用')!;
    const rows: unknown[][] = [];
    quotas.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    expect(rows).toContainEqual([expect.stringContaining('正高级教师'), '二连浩特市', 2, 1, '50.0%']);
    const audit = await h.platform.store.listAudit(Math.max(0, (await h.platform.store.auditCount()) - 5), 10);
    expect(audit.filter((a) => a.action === 'dashboard.export').at(-1)).toMatchObject({ actor: 'demo-admin', target: { type: 'campaign', id: '2022' }, after: { scope: '全区' } });
    // a league reviewer's workbook holds their 盟市 only
    const mine = await h.as('demo-hrss-hhht')({ method: 'GET', url: '/api/dashboard.xlsx?campaignId=2022' });
    const theirs = new ExcelJS.Workbook();
    await theirs.xlsx.load(mine.rawPayload as unknown as ArrayBuffer);
    const names: unknown[] = [];
    theirs.getWorksheet('各盟市')!.eachRow((r, i) => i > 2 && names.push(r.getCell(1).value));
    expect(names).toEqual(['呼和浩特市']);
  });
});
