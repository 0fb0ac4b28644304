// 备案材料 (issue 14 item 6; F6, G2) through the public API with the seeded 2022 configuration: after the results 公示
// the office files report, roster (xlsx, parsed), commitment letter and 公示 record within a month; the province
// returns and then approves senior results, which goes out to the data exchange; a late package is flagged; a
// 中级 package is filed on submit without re-check.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Application, User } from '../../server/domain/schema-types.gen.js';
import type { ExchangeItem } from '../../server/runtime/exchange/types.js';
import { multipartFile, PDF } from '../support/applicant-flow.js';
import { OFFICE, seedPool, sessionExperts } from '../http/sessions-support.js';
import { CLERK, reviewed, staff, toOfficeCheck } from '../http/filing-support.js';
import { act, fireNext, inbox, start, view, type Harness } from './support.js';

type Json = Record<string, unknown>;
const upload = (h: Harness, sid: string, key: string) => {
  const { payload, headers } = multipartFile('file', `${key}.pdf`, 'application/pdf', PDF);
  return h.as(CLERK)({ method: 'POST', url: `/api/sessions/${sid}/filing/files/${key}`, payload, headers });
};

async function assemble(h: Harness, sid: string): Promise<Json> {
  expect((await upload(h, sid, 'report')).statusCode).toBe(200);
  expect((await upload(h, sid, 'commitmentLetter')).statusCode).toBe(200);
  const gen = await h.as(CLERK)({ method: 'POST', url: `/api/sessions/${sid}/filing/generate` });
  expect(gen.statusCode, gen.body).toBe(200);
  return gen.json() as Json;
}

async function sheetRows(bytes: Buffer): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = book.worksheets[0]!;
  const out: string[][] = [];
  ws.eachRow((row) => out.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
  return out;
}

/** two applications through the whole flow and a session: on FerretDB that takes longer than one test's default */
const TWO_FLOWS_TIMEOUT = process.env['MONGODB_URL'] ? 300_000 : 60_000;
const exchanged = async (h: Harness): Promise<ExchangeItem[]> => (await h.platform.store.listRecords<ExchangeItem>({ kind: 'exchange', limit: 100 })).items.map((r) => r.body).filter((b) => b.event === 'filing.submitted');
const auditActions = async (h: Harness): Promise<string[]> => (await h.platform.store.listAudit(1, 1_000_000)).map((a) => (a as { action: string }).action);

describe('conformance: results filing (F6, G2)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await start(
      '2022-06-01T02:00:00.000Z',
      ['fa', 'fb', 'fc', 'fd'].map((id) => ({ id, orgId: 'unit-tzq-no1-middle' })),
      [staff('rev-tzq', 'unitReviewer', 'unit-tzq-no1-middle'), staff('dept-tzq-edu', 'competentReviewer', '150121-edu'), staff(CLERK, 'committeeClerk', OFFICE), ...sessionExperts()],
    );
    h.platform.exchangeEndpoints = [{ id: 'national', name: '全国专业技术人才公共服务平台', url: 'http://127.0.0.1:9/filings', events: ['filing.submitted'] }];
    await seedPool(h);
  });
  afterAll(async () => h.close());

  it('F6: a senior package is submitted within a month of the 公示, its roster lists exactly the passed; the province returns it, then approves and the filing is queued for the exchange', async () => {
    h.clock.set('2022-06-01T02:00:00.000Z');
    const a = await toOfficeCheck(h, 'fa', '其其格');
    const b = await toOfficeCheck(h, 'fb', '巴雅尔');
    const sid = await reviewed(h, '2022-07-20', [{ id: a, pass: true }, { id: b, pass: false }]);
    // G2: not before the results 公示 has ended
    const early = await h.as(CLERK)({ method: 'POST', url: `/api/sessions/${sid}/filing` });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'filing.publicity_open', message: expect.stringContaining('结果公示尚未结束') });
    await fireNext(h, a);
    const passedApp = await view(h, 'demo-admin', a);
    const created = await h.as(CLERK)({ method: 'POST', url: `/api/sessions/${sid}/filing` });
    expect(created.statusCode, created.body).toBe(201);
    const pkg = created.json() as Json;
    expect(pkg).toMatchObject({ status: 'assembling', statusLabel: '整理中', reCheck: true, overdue: false, passedCount: 1 });
    // the 公示 closed on 2022-07-07 (China): one month to file
    expect(pkg).toMatchObject({ publicityEndedOn: '2022-07-07', deadline: '2022-08-07', daysLeft: 31 });

    const incomplete = await h.as(CLERK)({ method: 'POST', url: `/api/sessions/${sid}/filing/submit` });
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json()).toMatchObject({ code: 'filing.incomplete', details: [{ pointer: '/items/report' }, { pointer: '/items/roster' }, { pointer: '/items/commitmentLetter' }, { pointer: '/items/publicityRecord' }] });
    // a file that is not what it claims is refused at its item
    const fake = multipartFile('file', 'report.pdf', 'application/pdf', Buffer.from('not a pdf at all'));
    const refused = await h.as(CLERK)({ method: 'POST', url: `/api/sessions/${sid}/filing/files/report`, payload: fake.payload, headers: fake.headers });
    expect(refused.statusCode).toBeGreaterThanOrEqual(400);
    expect(refused.json().details[0].pointer).toBe('/items/report');

    await assemble(h, sid);
    const roster = await h.as(CLERK)({ method: 'GET', url: `/api/sessions/${sid}/filing/files/roster` });
    expect(roster.statusCode).toBe(200);
    expect(roster.headers['content-type']).toContain('spreadsheetml');
    const rows = await sheetRows(roster.rawPayload);
    expect(rows[1]).toEqual(['序号', '评审组', '姓名', '工作单位', '系列', '职称', '同意票', '出席评委']);
    const names = rows.slice(2).map((r) => r[2]);
    expect(names).toEqual([passedApp['applicantName']]);
    expect(rows[2]!.slice(6)).toEqual(['4', '5']); // the vote ended at 4 of 5 (two thirds)
    const record = await h.as(CLERK)({ method: 'GET', url: `/api/sessions/${sid}/filing/files/publicityRecord` });
    expect((await sheetRows(record.rawPayload)).slice(2).map((r) => r[6])).toEqual(['无投诉', '无投诉']);

    const sub = await h.as(CLERK)({ method: 'POST', url: `/api/sessions/${sid}/filing/submit` });
    expect(sub.statusCode, sub.body).toBe(200);
    expect(sub.json()).toMatchObject({ status: 'submitted', statusLabel: '待核准备案', revision: 1 });
    expect((sub.json() as Json)['late']).toBeUndefined();
    const awaiting = (await h.as('demo-admin')({ method: 'GET', url: '/api/filing-packages?awaiting=true' })).json().items as Json[];
    expect(awaiting.map((x) => x['sessionId'])).toContain(sid);

    const noReason = await h.as('demo-admin')({ method: 'POST', url: `/api/sessions/${sid}/filing/return`, payload: { reason: ' ' } });
    expect(noReason.statusCode).toBe(400);
    const ret = await h.as('demo-admin')({ method: 'POST', url: `/api/sessions/${sid}/filing/return`, payload: { reason: '评审工作报告缺少投票情况说明' } });
    expect(ret.statusCode).toBe(200);
    expect(ret.json()).toMatchObject({ status: 'assembling', statusLabel: '已退回，待重新提交', returned: { reason: '评审工作报告缺少投票情况说明' } });
    expect((await h.as('demo-admin')({ method: 'POST', url: `/api/sessions/${sid}/filing/approve` })).statusCode).toBe(409);
    expect((await upload(h, sid, 'report')).statusCode).toBe(200);
    expect((await h.as(CLERK)({ method: 'POST', url: `/api/sessions/${sid}/filing/submit` })).json()).toMatchObject({ status: 'submitted', revision: 2 });
    expect(await exchanged(h)).toEqual([]);
    // the clerk cannot approve
    expect((await h.as(CLERK)({ method: 'POST', url: `/api/sessions/${sid}/filing/approve` })).statusCode).toBe(403);
    const ok = await h.as('demo-admin')({ method: 'POST', url: `/api/sessions/${sid}/filing/approve` });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'filed', statusLabel: '已备案', pushed: 1 });
    expect(await exchanged(h)).toMatchObject([{ endpointId: 'national', event: 'filing.submitted', number: (pkg['number'] as string), revision: 2 }]);
    expect(await auditActions(h)).toEqual(expect.arrayContaining(['filing.create', 'filing.upload', 'filing.generate', 'filing.submit', 'filing.return', 'filing.approve', 'filing.push']));
   }, TWO_FLOWS_TIMEOUT);

  it('F6: a package submitted after the month is flagged 逾期 for the province (before that the days left go negative); its 公示 record shows the complaint and how it was handled', async () => {
    h.clock.set('2022-06-01T02:00:00.000Z');
    const c = await toOfficeCheck(h, 'fc', '乌兰');
    const sid = await reviewed(h, '2022-07-20', [{ id: c, pass: true }]);
    // G2: a complaint during the results 公示, investigated and dismissed: the 公示 record says so
    const complaint = await h.as(CLERK)({ method: 'POST', url: `/api/applications/${c}/messages/complaint`, payload: { payload: { text: '业绩材料存疑' } } });
    expect(complaint.statusCode, complaint.body).toBe(200);
    const [task] = await inbox(h, CLERK, c);
    const dismissed = await act(h, CLERK, c, task!.elementId, { decision: 'dismiss', finding: '经核查，业绩材料属实' });
    expect(dismissed['openTasks']).not.toContainEqual(expect.objectContaining({ elementId: 'resultPublicity' }));
    const created = await h.as(CLERK)({ method: 'POST', url: `/api/sessions/${sid}/filing` });
    expect(created.statusCode).toBe(201);
    const deadline = created.json().deadline as string;
    await assemble(h, sid);
    const record = await sheetRows((await h.as(CLERK)({ method: 'GET', url: `/api/sessions/${sid}/filing/files/publicityRecord` })).rawPayload);
    expect(record[1]).toEqual(['序号', '姓名', '职称', '评审结果', '公示开始', '公示结束', '投诉情况', '处理结果']);
    expect(record[2]!.slice(3, 8)).toEqual(['通过', expect.stringMatching(/^2022-/), expect.stringMatching(/^2022-/), expect.stringContaining('投诉核查'), '核查不属实：经核查，业绩材料属实']);
    // two days after the deadline (10:00 in China)
    h.clock.set(new Date(Date.parse(`${deadline}T02:00:00Z`) + 2 * 86_400_000).toISOString());
    const pending = (await h.as(CLERK)({ method: 'GET', url: `/api/sessions/${sid}/filing` })).json().package as Json;
    expect(pending).toMatchObject({ deadline, daysLeft: -2, overdue: true, status: 'assembling' });
    const sub = await h.as(CLERK)({ method: 'POST', url: `/api/sessions/${sid}/filing/submit` });
    expect(sub.statusCode, sub.body).toBe(200);
    expect(sub.json()).toMatchObject({ status: 'submitted', late: true, overdue: true, statusLabel: '待核准备案（逾期）' });
    const awaiting = (await h.as('demo-admin')({ method: 'GET', url: '/api/filing-packages?awaiting=true' })).json().items as Json[];
    expect(awaiting.find((x) => x['sessionId'] === sid)).toMatchObject({ late: true, statusLabel: '待核准备案（逾期）' });
  });

  it('F6: a 中级 package is filed on submit without the province’s re-check, and queued for the exchange', async () => {
    h.clock.set('2022-06-01T02:00:00.000Z');
    const d = await toOfficeCheck(h, 'fd', '萨仁');
    const sid = await reviewed(h, '2022-07-20', [{ id: d, pass: true }]);
    await fireNext(h, d);
    // fixture: this candidate's result is at the intermediate level (中级)
    const app = (await h.platform.store.getApplication(d))!;
    expect((await h.platform.store.updateApplication({ ...app, version: app.version + 1, grade: '中级' } as Application, app.version, [])).ok).toBe(true);
    const created = await h.as(CLERK)({ method: 'POST', url: `/api/sessions/${sid}/filing` });
    expect(created.json()).toMatchObject({ reCheck: false });
    await assemble(h, sid);
    const before = (await exchanged(h)).length;
    const sub = await h.as(CLERK)({ method: 'POST', url: `/api/sessions/${sid}/filing/submit` });
    expect(sub.statusCode, sub.body).toBe(200);
    expect(sub.json()).toMatchObject({ status: 'filed', statusLabel: '已备案', pushed: 1, revision: 1 });
    expect((await exchanged(h)).length).toBe(before + 1);
    const awaiting = (await h.as('demo-admin')({ method: 'GET', url: '/api/filing-packages?awaiting=true' })).json().items as Json[];
    expect(awaiting.map((x) => x['sessionId'])).not.toContain(sid);
    expect((await h.as('demo-admin')({ method: 'POST', url: `/api/sessions/${sid}/filing/approve` })).statusCode).toBe(409);
  });
});
