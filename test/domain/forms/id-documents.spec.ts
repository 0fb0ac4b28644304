import { describe, expect, it } from 'vitest';
import cases from './id-documents.fixture.json' with { type: 'json' };
import { checkIdDocument, compileForm, isIdDocumentType, validateForm } from '../../../server/domain/forms/index.js';


const form = {
  type: 'object',
  properties: {
    holder: {
      type: 'object',
      title: '证件',
      'x-id-document': true,
      properties: {
        docType: { type: 'string', title: '证件类型', enum: ['居民身份证', '港澳台居民居住证', '外国人永久居留身份证', '护照'] },
        number: { type: 'string', title: '证件号码' },
      },
      required: ['docType', 'number'],
    },
    family: { type: 'array', items: { type: 'object', 'x-id-document': true, properties: { docType: { type: 'string' }, number: { type: 'string' } } } },
  },
};

const validator = () => {
  const r = compileForm(form, 'id@1');
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('identity document numbers, one check per type', () => {
  it.each(cases.valid)('$type $number is valid', ({ type, number }) => {
    expect(isIdDocumentType(type)).toBe(true);
    if (isIdDocumentType(type)) expect(checkIdDocument(type, number)).toBeNull();
  });

  it.each(cases.invalid)('$type $number is refused: $message', ({ type, number, message }) => {
    if (!isIdDocumentType(type)) throw new Error(type);
    expect(checkIdDocument(type, number)).toBe(message);
  });
});

describe('the x-id-document keyword on the server', () => {
  it('accepts a valid number of the chosen type', () => {
    expect(validateForm(validator(), { holder: { docType: '港澳台居民居住证', number: '820000198512310029' } }, { partial: false })).toEqual({ valid: true, problems: [] });
  });

  it('reports the check at the number, in Chinese, with the type named', () => {
    const r = validateForm(validator(), { holder: { docType: '居民身份证', number: '110105194912310020' } }, { partial: true });
    expect(r.problems).toEqual([{ code: 'schema.x-id-document', message: '居民身份证号码校验位不正确，请核对', pointer: '/holder/number', source: 'id@1' }]);
  });

  it('points into the right row of a table', () => {
    const r = validateForm(validator(), { family: [{ docType: '护照', number: 'E12345678' }, { docType: '护照', number: 'E-1' }] }, { partial: true });
    expect(r.problems).toEqual([expect.objectContaining({ message: '护照号码应为5至17位英文字母或数字', pointer: '/family/1/number' })]);
  });

  it('leaves an unfinished value to `required`', () => {
    const r = validateForm(validator(), { holder: { docType: '居民身份证' } }, { partial: false });
    expect(r.problems).toEqual([expect.objectContaining({ code: 'schema.required', pointer: '/holder/number' })]);
  });
});
