// Issue 11 item 9: orgs imported from the xlsx template — a good file creates them all with their post counts;
// one bad row imports nothing and names every wrong row in Chinese; a file that is not an xlsx is refused by content.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../support/harness.js';

type Row = (string | number)[];

describe('org import from xlsx', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ users: [{ id: 'reviewer', roles: [{ role: 'unitReviewer', orgId: 'unit-hhht-design' }] }] });
  });
  afterAll(async () => h.close());
  const admin = () => h.as('demo-admin');

  /** the downloaded template with rows filled in from the second line */
  async function filled(rows: Row[]): Promise<string> {
    const res = await admin()({ method: 'GET', url: '/api/admin/orgs/template.xlsx' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).getCell(2).text).toBe('机构名称');
    rows.forEach((r, i) => sheet.getRow(i + 2).values = r);
    return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  }
  const post = (file: string) => admin()({ method: 'POST', url: '/api/admin/orgs/import', payload: { file } });

  it('imports a good file: every row created under its parent, posts kept, one audit record each', async () => {
    const before = (await h.platform.store.listOrgs()).length;
    const file = await filled([
      ['', '包头市档案馆', '单位', '包头市', '', 2022, 30, 1, 6, 12, 11, 3.3, 20, 40, 36.7],
      ['', '包头市档案馆东河分馆', '单位', '包头市档案馆', '', '', '', '', '', '', '', '', '', '', ''],
      ['150200', '包头市', '盟市', '', '150200', 2022, 5000, 100, 600, 2000, 2300, '', '', '', ''],
    ]);
    const res = await post(file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 2, updated: 1 });
    const orgs = await h.platform.store.listOrgs();
    expect(orgs.length).toBe(before + 2);
    const archive = orgs.find((o) => o.name === '包头市档案馆')!;
    expect(archive).toMatchObject({ kind: 'unit', parentId: '150200', posts: { year: 2022, total: 30, byGrade: { 正高级: 1, 副高级: 6, 中级: 12, 初级: 11 }, ratio: { 副高级: 20 } } });
    expect(orgs.find((o) => o.name === '包头市档案馆东河分馆')?.parentId).toBe(archive.id);
    expect(orgs.find((o) => o.id === '150200')).toMatchObject({ name: '包头市', parentId: 'nm', posts: { total: 5000 } });
    const audit = (await h.platform.store.listAudit(1, 100000)).filter((e) => e.action === 'org.import');
    expect(audit).toHaveLength(3);
    expect(audit.find((e) => e.target.id === '150200')).toMatchObject({ actor: 'demo-admin', before: { id: '150200' }, after: { posts: { total: 5000 } } });
  });

  it('imports nothing when any row is wrong, and names each wrong row and column in Chinese', async () => {
    const before = await h.platform.store.listOrgs();
    const auditBefore = await h.platform.store.auditCount();
    const file = await filled([
      ['', '赤峰市档案馆', '单位', '赤峰市', '', '', 10, '', '', '', '', '', '', '', ''],
      ['', '', '单位', '赤峰市', '', '', '', '', '', '', '', '', '', '', ''],
      ['', '赤峰市图书馆', '图书馆', '赤峰市', '', '', '', '', '', '', '', '', '', '', ''],
      ['', '赤峰市博物馆', '单位', '不存在的上级', '', '', 'abc', '', '', '', '', '', '', '', ''],
      ['', '赤峰市文化馆', '单位', '赤峰市', '', '', 5, 3, 3, '', '', '', '', '', ''],
    ]);
    const res = await post(file);
    expect(res.statusCode).toBe(422);
    const body = res.json() as { code: string; message: string; details: { code: string; message: string; pointer: string }[] };
    expect(body.code).toBe('org_import.invalid');
    expect(body.message).toBe('有 4 行不正确，未导入任何机构');
    expect(body.details).toEqual(expect.arrayContaining([
      expect.objectContaining({ pointer: '/rows/3/name', message: '第 3 行：请填写「机构名称」' }),
      expect.objectContaining({ pointer: '/rows/4/kind', message: expect.stringContaining('第 4 行：「机构类型」无法识别：「图书馆」') }),
      expect.objectContaining({ pointer: '/rows/5/parent', message: expect.stringContaining('第 5 行：上级机构「不存在的上级」不存在') }),
      expect.objectContaining({ pointer: '/rows/5/total', message: expect.stringContaining('第 5 行：「专业技术岗位总数」应为') }),
      expect.objectContaining({ pointer: '/rows/6/total', message: '第 6 行：各等级岗位数合计 6 超过专业技术岗位总数 5' }),
    ]));
    expect(body.details.some((d) => d.pointer.startsWith('/rows/2/'))).toBe(false);
    expect(await h.platform.store.listOrgs()).toEqual(before);
    expect(await h.platform.store.auditCount()).toBe(auditBefore);
  });

  it('judges the file by its bytes and its size: a renamed text file, a zip that is no workbook, an oversized body', async () => {
    const text = await post(Buffer.from('机构名称,机构类型\n测试,单位\n').toString('base64'));
    expect(text.statusCode).toBe(422);
    expect(text.json()).toMatchObject({ code: 'org_import.not_xlsx', details: [{ pointer: '/file' }] });
    const png = await post(Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex').toString('base64'));
    expect(png.json()).toMatchObject({ code: 'org_import.not_xlsx' });
    const big = await post('A'.repeat(3_000_000));
    expect([413, 400]).toContain(big.statusCode);
    expect(big.json()).toHaveProperty('message');
    const notBase64 = await post('<script>');
    expect(notBase64.statusCode).toBe(400);
  });

  it('refuses a workbook that says it unpacks to more than the cap (a zip bomb) before unpacking it', async () => {
    const bytes = Buffer.from(await filled([['', '乌海市档案馆', '单位', '乌海市', '', '', '', '', '', '', '', '', '', '', '']]), 'base64');
    // every central-directory entry claims 1 GB uncompressed
    for (let p = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); p >= 0; p = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), p + 4)) bytes.writeUInt32LE(1 << 30, p + 24);
    const res = await post(bytes.toString('base64'));
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'org_import.too_large', message: '工作簿解压后过大，请只保留机构数据后重新上传' });
    expect((await h.platform.store.listOrgs()).some((o) => o.name === '乌海市档案馆')).toBe(false);
  });

  it('refuses a sheet whose headers are not the template\'s', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('机构').addRow(['名称', '类型']);
    const res = await post(Buffer.from(await wb.xlsx.writeBuffer()).toString('base64'));
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'org_import.headers' });
  });

  it('is for administrators only', async () => {
    expect((await h.as('reviewer')({ method: 'GET', url: '/api/admin/orgs/template.xlsx' })).statusCode).toBe(403);
    expect((await h.as('reviewer')({ method: 'POST', url: '/api/admin/orgs/import', payload: { file: 'AAAA' } })).statusCode).toBe(403);
  });
});
