// Issue 15 item 5: titles from outside the region or the army are confirmed and exchanged for a region
// e-certificate (F8); a socialised committee's certificate is valid region-wide (F9). All seeded configuration
// (series 职称确认, its form, flow and rules), driven through the public API with the fake clock.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { certificateRows } from '../../server/domain/certificates/print-rows.js';
import type { CertificateDocument } from '../../server/domain/certificates/document.js';
import { verifyDocument, type SignedCertificate } from '../../server/domain/certificates/signature.js';
import { ALL_EXPERTS_APPROVE, approve, eligibility, fireNext, pathOf, prepare, seniorForm, start, submit, submitted, view, vote, type Harness } from './support.js';

type Json = Record<string, unknown>;

/** an army engineer who came to the region by 转业安置, with a legally reviewed title */
const armyForm = (over: Json = {}, original: Json = {}, transfer: Json = {}): Json => ({
  name: '李军',
  gender: '男',
  idNumber: '150102198503150012',
  birthDate: '1985-03-15',
  original: { name: '高级工程师', series: '工程技术人员（军队）', issuer: '中国人民解放军某战区政治工作部', certificateNumber: 'JZG2016-0042', obtainedOn: '2016-12-01', obtainedBy: '军队', legalReview: true, ...original },
  transfer: { kind: '转业安置', date: '2021-09-01', from: '某部队', ...transfer },
  currentUnit: '某设计研究院',
  currentPost: '结构设计',
  ...over,
});

describe('conformance: titles from elsewhere (F8) and socialised review (F9)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await start(
      '2022-06-01T02:00:00.000Z',
      [
        { id: 'army', orgId: 'unit-hhht-design' },
        { id: 'army-2', orgId: 'unit-hhht-design' },
        { id: 'moved', orgId: 'unit-hhht-design' },
        { id: 'light', orgId: 'unit-hhht-design' },
      ],
      [{ id: 'qinggong-clerk', roles: [{ role: 'committeeClerk', orgId: 'office-gongcheng-qinggong' }] }],
    );
  });
  afterAll(async () => h.close());
  beforeEach(() => h.clock.set('2022-06-01T02:00:00.000Z'));

  const jwks = async () => (await h.anon({ method: 'GET', url: '/.well-known/zc-certificate-keys.json' })).json();
  /** the rows the holder's print page and PDF show */
  const printRows = async (userId: string, appId: string): Promise<[string, string][]> => {
    const res = await h.as(userId)({ method: 'GET', url: `/api/applications/${appId}/certificate-view` });
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json() as { document: CertificateDocument; status: string };
    return certificateRows(view.document, view.status);
  };
  const verify = (number: string, name: string) => h.anon({ method: 'GET', url: `/api/certificates/verify?number=${encodeURIComponent(number)}&name=${encodeURIComponent(name)}` });

  it('F8: an army title is confirmed by the unit, the department and the HR bureau, and exchanged for a signed region e-certificate naming the original title and the basis', async () => {
    const app = await submitted(h, 'army', { levelKey: 'queren.fugao', form: armyForm() });
    const id = app['id'] as string;
    // its own flow, no committee, no experts
    expect(app).toMatchObject({ pathId: 'army', pinned: { workflowKey: 'title-confirmation' } });
    expect(app['committeeId']).toBeUndefined();
    await approve(h, 'demo-unit-design', id, 'unitReview');
    await approve(h, 'demo-dept-jianshe', id, 'competentReview');
    const done = await approve(h, 'demo-hrss-hhht', id, 'leagueReview');
    expect(done['status']).toBe('certified');

    const stored = (await h.platform.store.getApplication(id))!;
    const signed = stored.certificate!.signed as SignedCertificate;
    expect(signed.document).toMatchObject({
      holder: stored.applicantName,
      idNumber: '1501**********0012',
      grade: '副高级',
      title: '高级工程师',
      series: '工程技术人员（军队）',
      basis: '职称确认（原发证机关：中国人民解放军某战区政治工作部）',
      committee: '职称确认',
      status: '有效',
    });
    // not from a socialised committee: no region-wide mark
    expect(signed.document['validity']).toBeUndefined();
    expect(verifyDocument(signed, await jwks())).toMatchObject({ ok: true });

    const online = await verify(stored.certificate!.number, stored.applicantName);
    expect(online.json()).toMatchObject({ valid: true, status: '有效', title: '高级工程师', grade: '副高级', basis: '职称确认（原发证机关：中国人民解放军某战区政治工作部）' });
    expect(online.json()).not.toHaveProperty('validity');
    const byDocument = await h.anon({ method: 'POST', url: '/api/certificates/verify-document', payload: signed as unknown as Json });
    expect(byDocument.json()).toMatchObject({ valid: true, title: '高级工程师' });

    const printed = await h.as('army')({ method: 'GET', url: `/api/applications/${id}/documents/certificate` });
    expect(printed.statusCode).toBe(200);
    expect(printed.body).toContain('高级工程师（副高级）');
    expect(printed.body).toContain('职称确认（原发证机关：中国人民解放军某战区政治工作部）');
    expect(printed.body).not.toContain('全区范围内有效');
    const rows = await printRows('army', id);
    expect(rows).toContainEqual(['资格名称', '高级工程师']);
    expect(rows).toContainEqual(['取得方式', '职称确认（原发证机关：中国人民解放军某战区政治工作部）']);
  });

  it('F8: a missing 调入（转业）证明 is refused at submit, the reason at the checklist item', async () => {
    const id = await prepare(h, 'army-2', { levelKey: 'queren.zhongji', form: armyForm({ name: '王兵' }, { name: '工程师' }), skip: ['transfer-proof'] });
    const res = await submit(h, 'army-2', id);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().details).toContainEqual({ code: 'materials.missing', message: '缺少材料：调入（转业）证明', pointer: '/materials/transfer-proof' });
    expect((await view(h, 'army-2', id))['status']).toBe('draft');
  });

  it('F8: an army title needs 转业安置, and any title needs a legal review: the rules say why, in Chinese', async () => {
    const moved = await eligibility(h, 'moved', 'queren.zhongji', armyForm({}, { name: '工程师' }, { kind: '组织调动' }));
    expect(moved.eligible).toBe(false);
    expect(pathOf(moved, 'army').failed.map((f) => f.message)).toEqual(['军队职称须为转业安置人员，并提交转业证明']);
    const unreviewed = await eligibility(h, 'moved', 'queren.zhongji', armyForm({}, { name: '工程师', obtainedBy: '区外评审', legalReview: false }));
    expect(unreviewed.eligible).toBe(false);
    expect(pathOf(unreviewed, 'outside').failed.map((f) => f.conditionId)).toEqual(['legal-review']);
    const outside = await eligibility(h, 'moved', 'queren.zhongji', armyForm({}, { name: '工程师', obtainedBy: '区外评审' }, { kind: '组织调动' }));
    expect(outside.eligible).toBe(true);
  });

  it('F9: a socialised committee (评委会管理 社会化评审) issues certificates that say 全区范围内有效', async () => {
    const committees = (await h.as('demo-admin')({ method: 'GET', url: '/api/admin/committees' })).json() as { items: { id: string; socialised?: boolean }[] };
    expect(committees.items.find((c) => c.id === 'cmt-gongcheng-qinggong')?.socialised).toBe(true);
    expect(committees.items.find((c) => c.id === 'cmt-gongcheng-senior')?.socialised).toBeUndefined();

    const app = await submitted(h, 'light', { levelKey: 'gongcheng.fugao', form: seniorForm({ name: '纺织工', specialty: 'fangzhi' }) });
    const id = app['id'] as string;
    expect(app['committeeId']).toBe('cmt-gongcheng-qinggong');
    await approve(h, 'demo-unit-design', id, 'unitReview');
    await fireNext(h, id);
    await approve(h, 'demo-dept-jianshe', id, 'competentReview');
    await approve(h, 'demo-hrss-hhht', id, 'leagueReview');
    await fireNext(h, id);
    await approve(h, 'demo-centre', id, 'centreReview');
    await approve(h, 'qinggong-clerk', id, 'officeCheck');
    await vote(h, id, ALL_EXPERTS_APPROVE);
    await fireNext(h, id);
    const filed = await approve(h, 'demo-centre', id, 'filing');
    expect(filed['status']).toBe('certified');

    const signed = (await h.platform.store.getApplication(id))!.certificate!.signed as SignedCertificate;
    expect(signed.document).toMatchObject({ validity: '全区范围内有效', title: '高级工程师', committee: expect.stringContaining('轻工') });
    expect(signed.document['basis']).toBeUndefined();
    expect(verifyDocument(signed, await jwks())).toMatchObject({ ok: true });
    const printed = await h.as('light')({ method: 'GET', url: `/api/applications/${id}/documents/certificate` });
    expect(printed.statusCode).toBe(200);
    expect(printed.body).toMatch(/有效范围<\/th><td>全区范围内有效/);
    expect(await printRows('light', id)).toContainEqual(['有效范围', '全区范围内有效']);
    const stored = (await h.platform.store.getApplication(id))!;
    const online = await verify(stored.certificate!.number, stored.applicantName);
    expect(online.json()).toMatchObject({ valid: true, status: '有效', validity: '全区范围内有效' });
  });
});
