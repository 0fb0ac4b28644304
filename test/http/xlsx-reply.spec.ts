// The streamed Excel reply: what a spreadsheet program reads back from its bytes.
import ExcelJS from 'exceljs';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { attachmentDisposition, calendarDate, sendXlsx, XLSX_MIME, type XlsxRow } from '../../server/http/xlsx-reply.js';

async function* manyRows(n: number): AsyncGenerator<XlsxRow> {
  for (let i = 1; i <= n; i += 1) yield { no: i, name: `申报人${i}` };
}

async function download(build: Parameters<typeof sendXlsx>[1]) {
  const app = Fastify();
  app.get('/x', async (_req, reply) => sendXlsx(reply, build));
  const res = await app.inject({ method: 'GET', url: '/x' });
  await app.close();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return { res, wb };
}

describe('sendXlsx', () => {
  it('writes a titled sheet with a bold frozen header, Chinese file name, dates as dates and formulas as text', async () => {
    const { res, wb } = await download({
      fileName: '2022年度 花名册',
      sheets: [
        {
          name: '花名册',
          title: '2022年度 工程系列 副高级 申报人员花名册',
          columns: [
            { header: '序号', key: 'no' },
            { header: '姓名', key: 'name' },
            { header: '出生年月', key: 'birth', dateFormat: 'yyyy-mm' },
            { header: '提交时间', key: 'at', dateFormat: 'yyyy-mm-dd hh:mm' },
            { header: '备注', key: 'note' },
          ],
          rows: [
            { no: 1, name: '张三', birth: calendarDate('1985-03'), at: new Date('2022-06-01T02:30:00.000Z'), note: '=HYPERLINK("http://evil","点我")' },
            { no: 2, name: '李四', note: '+1' },
            { no: 3, name: '王五', note: '@SUM(A1)' },
            { no: 4, name: '赵六', note: '-2+3' },
          ],
        },
      ],
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_MIME);
    expect(res.headers['content-disposition']).toBe(attachmentDisposition('2022年度 花名册.xlsx'));
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''2022%E5%B9%B4%E5%BA%A6%20%E8%8A%B1%E5%90%8D%E5%86%8C.xlsx");
    const ws = wb.getWorksheet('花名册');
    expect(ws).toBeDefined();
    if (!ws) return;
    expect(ws.getCell('A1').value).toBe('2022年度 工程系列 副高级 申报人员花名册');
    expect(ws.getCell('A1').isMerged).toBe(true);
    expect(ws.getRow(2).values).toEqual([undefined, '序号', '姓名', '出生年月', '提交时间', '备注']);
    expect(ws.getCell('B2').font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.getCell('B3').value).toBe('张三');
    // a calendar date shows its day; an instant shows Beijing wall-clock time (02:30Z is 10:30 in China)
    expect(ws.getCell('C3').type).toBe(ExcelJS.ValueType.Date);
    expect((ws.getCell('C3').value as Date).toISOString().slice(0, 10)).toBe('1985-03-01');
    expect(ws.getCell('C3').numFmt).toBe('yyyy-mm');
    expect((ws.getCell('D3').value as Date).toISOString()).toBe('2022-06-01T10:30:00.000Z');
    for (const ref of ['E3', 'E4', 'E5', 'E6']) {
      expect(ws.getCell(ref).type).toBe(ExcelJS.ValueType.String);
      expect(ws.getCell(ref).numFmt).toBe('@');
    }
    expect(ws.getCell('E3').value).toBe('=HYPERLINK("http://evil","点我")');
    expect(ws.getColumn(2).width).toBeGreaterThanOrEqual(6);
  });

  it('streams every row of a long async list into one sheet per list', async () => {
    const { wb } = await download({
      fileName: 'many',
      sheets: [
        { name: '名单', columns: [{ header: '序号', key: 'no' }, { header: '姓名', key: 'name' }], rows: manyRows(12_000) },
        { name: '名单', columns: [{ header: '序号', key: 'no' }], rows: [] },
      ],
    });
    const ws = wb.worksheets[0];
    expect(ws?.rowCount).toBe(12_001);
    expect(ws?.getCell('B12001').value).toBe('申报人12000');
    expect(ws?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(wb.worksheets.map((w) => w.name)).toEqual(['名单', '名单(2)']);
  });
});
