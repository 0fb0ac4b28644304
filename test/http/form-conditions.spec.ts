// Issue 11 item 3: a form built with a show-if / required-if field and an identity-document field is published,
// and the applicant's submit is told in Chinese, at the field's pointer, which field the condition made required
// and what is wrong with the document number (not a generic "must match then schema").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileConditions } from '../../server/domain/forms/index.js';
import { prepareApplication } from '../support/applicant-flow.js';
import { ENGINEER_MATERIALS, engineer, engineerForm } from '../support/engineer.js';
import { startHarness, type Harness } from '../support/harness.js';

const LEVEL = 'gongcheng.zhongji';
const FORM = engineerForm('钱工', { education: { degree: '本科', school: '内蒙古科技大学', major: '建筑学', graduationDate: '2010-07-01', fullTime: true } });

/** the fields as the form builder keeps them while editing (conditions as annotations), then compiled */
const ADDED = {
  hasCert: { type: 'boolean', title: '是否取得注册证书' },
  certificateNo: { type: 'string', title: '证书编号', 'x-show-if': { field: 'hasCert', op: 'eq', value: true } },
  holder: {
    type: 'object',
    title: '证件',
    'x-id-document': true,
    required: ['docType', 'number'],
    properties: {
      docType: { type: 'string', title: '证件类型', enum: ['居民身份证', '港澳台居民居住证', '外国人永久居留身份证', '护照'] },
      number: { type: 'string', title: '证件号码' },
    },
  },
};

describe('conditional fields and identity documents through the API', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ now: '2022-06-01T02:00:00.000Z', users: [engineer('qian', '钱工'), { id: 'admin', roles: [{ role: 'admin', orgId: 'nm-hrss' }] }] });
    const admin = h.as('admin');
    const current = (await admin({ method: 'GET', url: `/api/definitions/level/${LEVEL}` })).json().latest.body;
    const editing = { ...current.form, properties: { ...current.form.properties, ...ADDED }, required: [...current.form.required, 'certificateNo'] };
    const next = { ...current, form: compileConditions(editing) };
    expect((await admin({ method: 'PUT', url: `/api/definitions/level/${LEVEL}/draft`, payload: { body: next } })).statusCode).toBe(200);
    const published = await admin({ method: 'POST', url: `/api/definitions/level/${LEVEL}/publish`, payload: {} });
    expect(published.statusCode, published.body).toBe(200);
  });
  afterAll(async () => h.close());

  it('a required-if field missing at submit is named by its title at its pointer', async () => {
    const qian = h.as('qian');
    const id = await prepareApplication(qian, { campaignId: '2022', levelKey: LEVEL, form: { ...FORM, hasCert: true, holder: { docType: '居民身份证', number: '11010519491231002X' } }, materials: ENGINEER_MATERIALS });
    const refused = await qian({ method: 'POST', url: `/api/applications/${id}/submit` });
    expect(refused.statusCode).toBe(422);
    const details = refused.json().details as { code: string; message: string; pointer?: string }[];
    expect(details).toContainEqual(expect.objectContaining({ code: 'schema.required', message: '「证书编号」为必填项', pointer: '/certificateNo' }));
    expect(details.filter((d) => d.code === 'schema.if' || /then/.test(d.message))).toEqual([]);

    // answered 否, the field is not asked for; with a wrong check digit the number is refused at the field
    const app = (await qian({ method: 'GET', url: `/api/applications/${id}` })).json();
    const saved = await qian({ method: 'PUT', url: `/api/applications/${id}/form`, payload: { form: { ...FORM, hasCert: false, holder: { docType: '居民身份证', number: '110105194912310020' } }, version: app.version } });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().problems).toEqual([expect.objectContaining({ message: '居民身份证号码校验位不正确，请核对', pointer: '/holder/number' })]);
    const again = await qian({ method: 'POST', url: `/api/applications/${id}/submit` });
    const pointers = (again.json().details as { pointer?: string }[]).map((d) => d.pointer);
    expect(pointers).toContain('/holder/number');
    expect(pointers).not.toContain('/certificateNo');
  });
});
