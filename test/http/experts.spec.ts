// 专家库 over HTTP (server/http/plugins/experts.ts) on the seeded pools: the office of the committee keeps it, any
// other office gets a 404 and other roles a 403; every write is audited; bad input is a 4xx at the field and
// changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';

const ENG = 'cmt-gongcheng-senior';
const OFFICE = 'demo-office-gongcheng';
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
}, 180_000);
afterAll(async () => h?.close());

interface Summary {
  id: string;
  version: number;
  name: string;
  phone?: string;
  appointment: string | null;
  recent: string;
  service: { committeeName: string; years: number[] }[];
  conflicts: { unitName?: string; applicantName?: string; reason: string }[];
  inactive?: { reason: string };
}
const list = async (q = '', who = OFFICE): Promise<{ total: number; items: Summary[] }> => {
  const res = await h.as(who)({ method: 'GET', url: `/api/committees/${ENG}/experts${q}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const audits = async (action: string): Promise<{ target: { id: string }; after: unknown }[]> =>
  (await h.platform.store.listAudit(1, 100_000)).filter((a) => a.action === action) as never;

describe('专家库 API', () => {
  it('lists the seeded pool with F4 in words and contact details for the office', async () => {
    const all = await list();
    expect(all.total).toBe(15);
    const wang = all.items.find((e) => e.name === '王建国')!;
    expect(wang.appointment).toBe('2022 年不得聘任：已连续 3 年');
    expect(wang.recent).toBe('2019—2021 年');
    expect(wang.phone).toMatch(/^139/);
    expect(all.items.find((e) => e.name === '李志强')!.appointment).toBeNull();
    expect((await list('?q=' + encodeURIComponent('王建'))).total).toBe(1);
    expect((await list('?specialty=gonglu')).items.every((e) => e.name !== '王建国')).toBe(true);
    expect((await list('?year=2023')).items.find((e) => e.name === '王建国')!.appointment).toBeNull();
  });

  it('another office gets 404, an expert or applicant 403, nobody signed in 401', async () => {
    const other = await h.as('demo-office-weisheng')({ method: 'GET', url: `/api/committees/${ENG}/experts` });
    expect(other.statusCode).toBe(404);
    expect(other.json()).toMatchObject({ code: 'committee.not_found', details: [] });
    const add = await h.as('demo-office-weisheng')({ method: 'POST', url: `/api/committees/${ENG}/experts`, payload: { name: '某人', specialties: ['jianshe'], title: '高级工程师', unitName: '某单位' } });
    expect(add.statusCode).toBe(404);
    expect((await h.as('expert-1')({ method: 'GET', url: `/api/committees/${ENG}/experts` })).statusCode).toBe(403);
    expect((await h.anon({ method: 'GET', url: `/api/committees/${ENG}/experts` })).statusCode).toBe(401);
    const mine = await h.as(OFFICE)({ method: 'GET', url: '/api/committee-office/committees' });
    expect(mine.json().items.map((c: { id: string }) => c.id)).toEqual([ENG]);
    const admin = await h.as('demo-admin')({ method: 'GET', url: '/api/committee-office/committees' });
    expect(admin.json().items.length).toBeGreaterThan(5);
  });

  it('adds an expert, records years, declares a conflict and deactivates — each write audited', async () => {
    const created = await h.as(OFFICE)({
      method: 'POST',
      url: `/api/committees/${ENG}/experts`,
      payload: { name: '田志远', specialties: ['jianshe'], title: '正高级工程师', unitName: '内蒙古建筑职业技术学院', region: '150100', phone: '13904719999', serviceYears: [2020, 2021] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json() as { id: string };
    expect((await audits('expert.create')).some((a) => a.target.id === id)).toBe(true);
    let tian = (await list('?q=' + encodeURIComponent('田志远'))).items[0]!;
    expect(tian.recent).toBe('2020—2021 年');
    expect(tian.appointment).toBeNull();

    const edited = await h.as(OFFICE)({
      method: 'PUT',
      url: `/api/committees/${ENG}/experts/${id}`,
      payload: { name: '田志远', specialties: ['jianshe'], title: '正高级工程师', unitName: '内蒙古建筑职业技术学院', region: '150100', serviceYears: [2019, 2020, 2021], version: tian.version },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    tian = (await list('?q=' + encodeURIComponent('田志远'))).items[0]!;
    expect(tian.appointment).toBe('2022 年不得聘任：已连续 3 年');
    expect(tian.phone).toBeUndefined(); // the edit cleared it
    expect((await audits('expert.update')).some((a) => a.target.id === id)).toBe(true);

    const stale = await h.as(OFFICE)({ method: 'PUT', url: `/api/committees/${ENG}/experts/${id}`, payload: { name: '田志远', specialties: ['jianshe'], title: '正高级工程师', unitName: '某单位', version: 1 } });
    expect(stale.statusCode).toBe(409);

    const conflict = await h.as(OFFICE)({ method: 'POST', url: `/api/committees/${ENG}/experts/${id}/conflicts`, payload: { orgId: 'unit-chifeng-construction', reason: '曾在该单位任职' } });
    expect(conflict.statusCode, conflict.body).toBe(200);
    const twice = await h.as(OFFICE)({ method: 'POST', url: `/api/committees/${ENG}/experts/${id}/conflicts`, payload: { orgId: 'unit-chifeng-construction', reason: '重复' } });
    expect(twice.statusCode).toBe(409);
    const off = await h.as(OFFICE)({ method: 'POST', url: `/api/committees/${ENG}/experts/${id}/deactivate`, payload: { reason: '本人申请退出' } });
    expect(off.statusCode, off.body).toBe(200);
    tian = (await list('?q=' + encodeURIComponent('田志远'))).items[0]!;
    expect(tian.conflicts).toEqual([expect.objectContaining({ unitName: '赤峰市恒远建筑工程有限公司', reason: '曾在该单位任职' })]);
    expect(tian.inactive?.reason).toBe('本人申请退出');
    expect((await audits('expert.conflict.declare')).length).toBe(1);
    expect((await audits('expert.deactivate')).length).toBe(1);
    // contact details stay out of the audit log
    expect(JSON.stringify(await audits('expert.create'))).not.toContain('13904719999');
  });

  it('bad input is a 4xx at the field and stores nothing', async () => {
    const before = (await list()).total;
    const post = (payload: unknown) => h.as(OFFICE)({ method: 'POST', url: `/api/committees/${ENG}/experts`, payload: payload as object });
    const empty = await post({ name: '', specialties: ['jianshe'], title: '高级工程师', unitName: '某单位' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().details[0].pointer).toBe('/name');
    const long = await post({ name: '某'.repeat(51), specialties: ['jianshe'], title: '高级工程师', unitName: '某单位' });
    expect(long.statusCode).toBe(400);
    const year = await post({ name: '某人', specialties: ['jianshe'], title: '高级工程师', unitName: '某单位', serviceYears: [1900] });
    expect(year.statusCode).toBe(400);
    expect(year.json().details[0].pointer).toBe('/serviceYears/0');
    const spec = await post({ name: '某人', specialties: ['jianshe', 'no-such'], title: '高级工程师', unitName: '某单位', region: 'no-such-org' });
    expect(spec.statusCode).toBe(422);
    expect(spec.json().details.map((d: { pointer: string }) => d.pointer)).toEqual(['/specialties/1', '/region']);
    expect(spec.json().message).toMatch(/[\u4e00-\u9fa5]/);
    const account = await post({ name: '某人', specialties: ['jianshe'], title: '高级工程师', unitName: '某单位', userId: 'demo-office-weisheng' });
    expect(account.statusCode).toBe(422);
    expect(account.json().details[0]).toMatchObject({ pointer: '/userId' });
    const dup = await post({ name: '王建国', specialties: ['jianshe'], title: '正高级工程师', unitName: '呼和浩特市建筑设计研究院' });
    expect(dup.statusCode).toBe(409);
    const noReason = await h.as(OFFICE)({ method: 'POST', url: `/api/committees/${ENG}/experts/exp-seed-02/deactivate`, payload: { reason: '  ' } });
    expect(noReason.statusCode).toBe(400);
    const neither = await h.as(OFFICE)({ method: 'POST', url: `/api/committees/${ENG}/experts/exp-seed-02/conflicts`, payload: { reason: '亲属' } });
    expect(neither.statusCode).toBe(422);
    expect(neither.json().details[0].pointer).toBe('/applicationId');
    const otherPool = await h.as(OFFICE)({ method: 'POST', url: `/api/committees/${ENG}/experts/exp-seed-16/deactivate`, payload: { reason: '不在本库' } });
    expect(otherPool.statusCode).toBe(404);
    expect((await list()).total).toBe(before);
  });

  it('imports a spreadsheet: all rows or none, each error at its row and column', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const book = async (rows: string[][]): Promise<string> => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('专家');
      ws.addRow(['姓名', '专业', '职称', '工作单位', '所在盟市', '手机', '邮箱', '担任评委年度']);
      rows.forEach((r) => ws.addRow(r));
      return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    };
    const url = `/api/committees/${ENG}/experts/import`;
    const before = (await list()).total;
    const bad = await h.as(OFFICE)({ method: 'POST', url, payload: { file: await book([
      ['吕文华', '水利工程', '高级工程师', '某单位', '', '', '', ''],
      ['齐振宇', '建设工程', '高级工程师', '某单位', '', '', '', '二〇一九'],
    ]) } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().details.map((d: { pointer: string }) => d.pointer)).toEqual(['/rows/2/专业', '/rows/3/担任评委年度']);
    expect(bad.json().details[0].message).toContain('第 2 行「专业」');
    expect((await list()).total).toBe(before);
    const notXlsx = await h.as(OFFICE)({ method: 'POST', url, payload: { file: Buffer.from('姓名,专业').toString('base64') } });
    expect(notXlsx.statusCode).toBe(422);
    expect(notXlsx.json().details[0].pointer).toBe('/file');

    const good = await h.as(OFFICE)({ method: 'POST', url, payload: { file: await book([
      ['吕文华', '建设工程、公路工程', '正高级工程师', '呼和浩特市建筑设计研究院', '呼和浩特市', '13904710001', '', '2019-2021'],
      ['王建国', '建设工程', '正高级工程师', '呼和浩特市建筑设计研究院', '', '', '', '2018'],
    ]) } });
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json()).toEqual({ created: 1, updated: 1 });
    const lv = (await list('?q=' + encodeURIComponent('吕文华'))).items[0]!;
    expect(lv.appointment).toBe('2022 年不得聘任：已连续 3 年');
    const wang = (await list('?q=' + encodeURIComponent('王建国'))).items[0]!;
    expect(wang.recent).toBe('2018—2021 年');
    expect(wang.phone).toMatch(/^139/); // an empty cell keeps the pool's phone
    expect(wang.appointment).toBe('2022 年不得聘任：已连续 4 年');
  });

  it('re-seeding writes no expert twice', async () => {
    const { loadExperts } = await import('../../server/runtime/seeds/load-experts.js');
    const { REPO_ROOT } = await import('../../server/config.js');
    expect(await loadExperts(h.platform.store, h.clock, `${REPO_ROOT}/seeds`)).toBe(0);
  });
});
