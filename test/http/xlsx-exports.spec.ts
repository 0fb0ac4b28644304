// Lists leave the platform as Excel: the 花名册 in the layout HR bureaus file (every person, not the first 5 000,
// labels never keys, only the caller's reach, formula-looking text kept as text), accounts and orgs; each export
// is audited. Read back from the bytes with exceljs, as a spreadsheet program would.
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../server/domain/json.js';
import type { Application } from '../../server/domain/schema-types.gen.js';
import { reachKey } from '../../server/domain/workflow/reach.js';
import { newState } from '../../server/domain/workflow/state.js';
import { XLSX_MIME } from '../../server/http/xlsx-reply.js';
import { prepareApplication } from '../support/applicant-flow.js';
import { ENGINEER_MATERIALS, ENGINEER_UNIT, engineer, engineerForm } from '../support/engineer.js';
import { makeApplication } from '../support/factories.js';
import { startHarness, type Harness } from '../support/harness.js';

const ROSTER_HEADERS = [
  '序号', '姓名', '性别', '出生年月', '工作单位', '学历', '学位', '毕业院校', '所学专业', '现专业技术资格', '现资格取得时间',
  '申报系列', '申报级别', '申报资格名称', '申报专业', '申报渠道', '申报路径', '评审委员会', '申报状态', '提交日期',
];
/** more than the 5 000 the roster used to stop at */
const BULK = 5_050;
const OTHER_UNIT = 'unit-hhht-software';
const EVIL = '=HYPERLINK("http://evil.example","点我")';
const ROSTER = '/api/rosters.xlsx?campaignId=2022&levelKey=gongcheng.zhongji';

async function workbookOf(res: LightMyRequestResponse): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb;
}
/** a row's cells as text; Array.from, because exceljs leaves empty cells as holes that map() skips */
const texts = (row: ExcelJS.Row): string[] => Array.from((row.values as ExcelJS.CellValue[]).slice(1), (v) => (v instanceof Date ? v.toISOString() : String(v ?? '')));

// thousands of applications: on FerretDB one export reads for tens of seconds
describe('Excel exports', { timeout: 600_000 }, () => {
  let h: Harness;
  let realId = '';
  beforeAll(async () => {
    h = await startHarness({
      now: '2022-06-01T02:00:00.000Z',
      users: [
        engineer('li', '李工'),
        { id: 'admin', roles: [{ role: 'admin', orgId: 'nm-hrss' }] },
        { id: 'unit-rev', name: '设计院人事处', roles: [{ role: 'unitReviewer', orgId: ENGINEER_UNIT }] },
        { id: 'other-rev', name: '软件公司人力资源部', roles: [{ role: 'unitReviewer', orgId: OTHER_UNIT }] },
      ],
    });
    // one application submitted through the API: the flow reaches the unit's reviewer
    realId = await prepareApplication(h.as('li'), { campaignId: '2022', levelKey: 'gongcheng.zhongji', form: engineerForm('李工'), materials: ENGINEER_MATERIALS });
    const submitted = await h.as('li')({ method: 'POST', url: `/api/applications/${realId}/submit` });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const real = submitted.json() as Application;
    // thousands more, written through the store as the runtime would leave them
    const unitReach = reachKey({ role: 'unitReviewer', orgId: ENGINEER_UNIT });
    const otherReach = reachKey({ role: 'unitReviewer', orgId: OTHER_UNIT });
    const at = (i: number) => new Date(Date.parse('2022-06-02T00:00:00.000Z') + i * 60_000).toISOString();
    const bulk = (i: number, reach: string, unit: string, name: string, form: Record<string, unknown>): Application =>
      makeApplication({
        id: `bulk-${i}`,
        applicantId: `bulk-user-${i}`,
        applicantName: name,
        campaignId: '2022',
        seriesKey: 'gongcheng',
        levelKey: 'gongcheng.zhongji',
        orgId: unit,
        pinned: real.pinned,
        pathId: real.pathId,
        committeeId: real.committeeId,
        status: 'submitted',
        form: form as JsonObject,
        submittedAt: at(i),
        createdAt: at(i),
        updatedAt: at(i),
        workflow: { ...newState(), status: 'active', reached: [reach] },
      });
    for (let i = 1; i <= BULK; i += 1) {
      const form = i === 7 ? engineerForm(EVIL, { education: { degree: '本科', school: '+cmd|" /C calc"!A0' } }) : engineerForm(`申报人${i}`);
      const w = await h.platform.store.insertApplication(bulk(i, unitReach, ENGINEER_UNIT, i === 7 ? EVIL : `申报人${i}`, form), []);
      expect(w.ok).toBe(true);
    }
    for (let i = 1; i <= 30; i += 1) await h.platform.store.insertApplication(bulk(BULK + i, otherReach, OTHER_UNIT, `软件${i}`, engineerForm(`软件${i}`)), []);
    // a draft is on no roster
    await h.platform.store.insertApplication({ ...bulk(BULK + 100, unitReach, ENGINEER_UNIT, '草稿人', engineerForm('草稿人')), status: 'draft' }, []);
  }, 600_000);
  afterAll(async () => h.close());

  it('the 花名册 in the layout bureaus file: title row, Chinese headers, labels not keys, every person in order', async () => {
    const res = await h.as('unit-rev')({ method: 'GET', url: ROSTER });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_MIME);
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('2022年度 工程技术人员 中级 申报人员花名册.xlsx')}`);
    const ws = (await workbookOf(res)).getWorksheet('花名册');
    if (!ws) throw new Error('no sheet 花名册');
    expect(ws.getCell('A1').value).toBe('2022年度 工程技术人员 中级 申报人员花名册');
    expect(texts(ws.getRow(2))).toEqual(ROSTER_HEADERS);
    expect(ws.getCell('A2').font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    // every listed person of the unit, beyond 5 000; the draft and the other unit's people are not there
    expect(ws.rowCount).toBe(2 + 1 + BULK);
    const names = new Set<string>();
    ws.eachRow((row, n) => {
      if (n > 2) names.add(String(row.getCell(2).value));
    });
    expect(names.size).toBe(1 + BULK);
    expect(names.has('申报人5050')).toBe(true);
    expect(names.has('草稿人')).toBe(false);
    expect([...names].some((n) => n.startsWith('软件'))).toBe(false);
    // the first to apply is first, numbered 1; what the form holds, by label
    const first = ws.getRow(3);
    const cell = (header: string) => first.getCell(ROSTER_HEADERS.indexOf(header) + 1);
    expect(cell('序号').value).toBe(1);
    expect(cell('姓名').value).toBe('李工');
    expect(cell('性别').value).toBe('男');
    expect(cell('出生年月').type).toBe(ExcelJS.ValueType.Date);
    expect((cell('出生年月').value as Date).toISOString().slice(0, 7)).toBe('1990-03');
    expect(cell('出生年月').numFmt).toBe('yyyy-mm');
    expect(cell('工作单位').value).toBe('呼和浩特市建筑设计研究院');
    expect(cell('学历').value).toBe('本科');
    expect(cell('毕业院校').value).toBe('内蒙古工业大学');
    expect(cell('现专业技术资格').value).toBe('助理工程师');
    expect((cell('现资格取得时间').value as Date).toISOString().slice(0, 7)).toBe('2016-09');
    expect(cell('申报系列').value).toBe('工程技术人员');
    expect(cell('申报级别').value).toBe('中级');
    expect(cell('申报资格名称').value).toBe('工程师');
    expect(cell('申报专业').value).toBe('建设工程');
    expect(String(cell('申报路径').value ?? '')).toMatch(/[\u4e00-\u9fa5]/);
    expect(String(cell('评审委员会').value ?? '')).toMatch(/评/);
    expect(cell('申报状态').value).toBe('已提交');
    // a form without a 学位 field leaves the column empty; no cell is a stored key
    const all = texts(first).join('|');
    for (const key of ['jianshe', 'regular', 'gongcheng', 'submitted', 'unit-hhht-design', 'cmt-']) expect(all).not.toContain(key);
    expect(ws.getRow(4).getCell(1).value).toBe(2);
  });

  it('formula-looking text (a name, a school) is kept as it is, as text a spreadsheet never runs', async () => {
    const res = await h.as('unit-rev')({ method: 'GET', url: ROSTER });
    const ws = (await workbookOf(res)).getWorksheet('花名册');
    let found = 0;
    ws?.eachRow((row) => {
      for (const c of [row.getCell(2), row.getCell(ROSTER_HEADERS.indexOf('毕业院校') + 1)]) {
        if (typeof c.value === 'string' && /^[=+]/.test(c.value)) {
          found += 1;
          expect(c.type).toBe(ExcelJS.ValueType.String);
          expect(c.numFmt).toBe('@');
        }
      }
    });
    expect(found).toBe(2);
  });

  it('a reviewer gets their reach only; an applicant gets nothing; the admin everyone', async () => {
    const other = await workbookOf(await h.as('other-rev')({ method: 'GET', url: ROSTER }));
    expect(other.getWorksheet('花名册')?.rowCount).toBe(2 + 30);
    expect((await h.as('li')({ method: 'GET', url: ROSTER })).statusCode).toBe(403);
    const admin = await workbookOf(await h.as('admin')({ method: 'GET', url: ROSTER }));
    expect(admin.getWorksheet('花名册')?.rowCount).toBe(2 + 1 + BULK + 30);
    const bad = await h.as('unit-rev')({ method: 'GET', url: '/api/rosters.xlsx' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: expect.any(String), message: expect.any(String), details: expect.any(Array) });
  });

  it('the printable roster and the roster page list the same people, all of them', async () => {
    const html = await h.as('unit-rev')({ method: 'GET', url: '/api/rosters?campaignId=2022&levelKey=gongcheng.zhongji' });
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain('<td>申报人5050</td>');
    expect(html.body).not.toContain('软件1<');
    const page = await h.as('unit-rev')({ method: 'GET', url: '/api/rosters/rows?campaignId=2022&levelKey=gongcheng.zhongji&offset=5000&limit=100' });
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json()).toMatchObject({ title: '2022年度 工程技术人员 中级 申报人员花名册', total: 1 + BULK });
    expect(page.json().items).toHaveLength(1 + BULK - 5000);
    expect(page.json().items[0]).toMatchObject({ seq: 5001, unit: '呼和浩特市建筑设计研究院', specialty: '建设工程' });
  });

  it('every export is audited: who exported which roster and how many people were on it', async () => {
    await h.as('unit-rev')({ method: 'GET', url: ROSTER });
    const log = await h.platform.store.listAudit(0, 1_000_000);
    const mine = log.filter((e) => e.action === 'roster.export' && e.actor === 'unit-rev');
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.at(-1)).toMatchObject({ target: { type: 'campaign', id: '2022' }, after: { levelKey: 'gongcheng.zhongji', rows: 1 + BULK, format: 'xlsx' } });
  });

  it('accounts: the staff the list shows, roles and orgs by name, for administrators only; audited', async () => {
    const res = await h.as('admin')({ method: 'GET', url: '/api/admin/accounts.xlsx?q=rev' });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('工作人员账号与角色.xlsx'));
    const ws = (await workbookOf(res)).worksheets[0]!;
    expect(texts(ws.getRow(1))).toEqual(['序号', '登录名', '姓名', '角色及任职机构', '手机号', '状态', '创建日期']);
    const rows = [2, 3].map((n) => texts(ws.getRow(n)));
    expect(ws.rowCount).toBe(3);
    expect(rows.find((r) => r[1] === 'unit-rev')?.slice(1)).toEqual(['unit-rev', '设计院人事处', '单位审核人（呼和浩特市建筑设计研究院）', '', '正常', '2022-06-01']);
    expect((await h.as('unit-rev')({ method: 'GET', url: '/api/admin/accounts.xlsx' })).statusCode).toBe(403);
    const bad = await h.as('admin')({ method: 'GET', url: '/api/admin/accounts.xlsx?role=king' });
    expect(bad.statusCode).toBe(400);
    const log = await h.platform.store.listAudit(0, 1_000_000);
    expect(log.filter((e) => e.action === 'accounts.export').at(-1)).toMatchObject({ actor: 'admin', after: { rows: 2, format: 'xlsx', filter: { q: 'rev' } } });
  });

  it('orgs: exported in the import template layout, and the file imports back unchanged', async () => {
    const res = await h.as('admin')({ method: 'GET', url: '/api/admin/orgs.xlsx' });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    const ws = (await workbookOf(res)).worksheets[0]!;
    const template = await workbookOf(await h.as('admin')({ method: 'GET', url: '/api/admin/orgs/template.xlsx' }));
    const headers = texts(template.worksheets[0]!.getRow(1));
    expect(texts(ws.getRow(1)).slice(0, headers.length)).toEqual(headers);
    const before = await h.platform.store.listOrgs();
    expect(ws.rowCount).toBe(1 + before.length);
    const design = [...Array(ws.rowCount).keys()].map((i) => texts(ws.getRow(i + 1))).find((r) => r[0] === ENGINEER_UNIT);
    expect(design?.slice(1, 3)).toEqual(['呼和浩特市建筑设计研究院', '单位']);
    const imported = await h.as('admin')({ method: 'POST', url: '/api/admin/orgs/import', payload: { file: res.rawPayload.toString('base64') } });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toEqual({ created: 0, updated: before.length });
    const after = await h.platform.store.listOrgs();
    const shape = (orgs: typeof before) => orgs.map((o) => [o.id, o.name, o.kind, o.parentId ?? '', o.code ?? '', JSON.stringify(o.posts ?? {})].join('|')).sort();
    expect(shape(after)).toEqual(shape(before));
    expect((await h.as('unit-rev')({ method: 'GET', url: '/api/admin/orgs.xlsx' })).statusCode).toBe(403);
  });

  it('committees: names, not ids, for administrators only', async () => {
    const res = await h.as('admin')({ method: 'GET', url: '/api/admin/committees.xlsx' });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    const ws = (await workbookOf(res)).worksheets[0]!;
    expect(texts(ws.getRow(1)).slice(0, 3)).toEqual(['序号', '评委会名称', '系列']);
    const all = [...Array(ws.rowCount).keys()].map((i) => texts(ws.getRow(i + 1)).join('|')).join('\n');
    expect(all).toContain('工程技术人员');
    expect(all).not.toMatch(/cmt-|office-|unit-|gongcheng/);
    expect((await h.as('other-rev')({ method: 'GET', url: '/api/admin/committees.xlsx' })).statusCode).toBe(403);
  });
});
