// 证件 (identity document) numbers, one check per document type. Pure and DOM-free: the server runs it as an
// ajv keyword (id-document-keyword.ts) and the browser runs the same function at the field (designer/src/forms).

export const ID_DOCUMENT_TYPES = [
  '居民身份证',
  '港澳居民来往内地通行证',
  '台湾居民来往大陆通行证',
  '港澳台居民居住证',
  '外国人工作许可证',
  '外国人永久居留身份证',
  '海外高层次人才居住证',
  '护照',
] as const;
export type IdDocumentType = (typeof ID_DOCUMENT_TYPES)[number];

/** the schema keyword that marks an identity-document field: an object {docType, number} */
export const ID_DOCUMENT_KEYWORD = 'x-id-document';
export const ID_DOCUMENT_PROPS = { type: 'docType', number: 'number' } as const;

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** GB 11643-1999 check character of the first 17 digits */
export function gb11643CheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** a real calendar day (no clock: a future date is not judged here) */
function isDate(y: number, m: number, d: number): boolean {
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1]!;
}
const dateAt = (s: string, i: number): boolean => isDate(Number(s.slice(i, i + 4)), Number(s.slice(i + 4, i + 6)), Number(s.slice(i + 6, i + 8)));

/** 18 characters: 17 digits + check; birth date at 7–14; GB 11643 check character */
function eighteen(n: string, name: string): string | null {
  if (!/^\d{17}[\dX]$/.test(n)) return `${name}号码应为18位，前17位为数字，末位为数字或X`;
  if (!dateAt(n, 6)) return `${name}号码中的出生日期（第7至14位）无效`;
  if (gb11643CheckChar(n) !== n[17]) return `${name}号码校验位不正确，请核对`;
  return null;
}

function residentId(n: string): string | null {
  // 8x: 港澳台居民居住证 and 9x: 外国人永久居留身份证 share the format but are other documents
  if (/^[89]/.test(n)) return '居民身份证号码不能以8或9开头（港澳台居民居住证、外国人永久居留身份证请选择对应证件类型）';
  return eighteen(n, '居民身份证');
}

function hkMacauTaiwanPermit(n: string): string | null {
  if (!/^8[123]0000/.test(n)) return '港澳台居民居住证号码应以810000（香港）、820000（澳门）或830000（台湾）开头';
  return eighteen(n, '港澳台居民居住证');
}

function foreignPermanentResident(n: string): string | null {
  // 2017 format: 9 + 2-digit province + 3-digit country + birth date + 3-digit sequence + GB 11643 check
  if (n.length === 18) {
    if (!/^9\d{16}[\dX]$/.test(n)) return '外国人永久居留身份证号码（2017年版）应为18位，以9开头，前17位为数字，末位为数字或X';
    if (!dateAt(n, 6)) return '外国人永久居留身份证号码中的出生日期（第7至14位）无效';
    if (gb11643CheckChar(n) !== n[17]) return '外国人永久居留身份证号码校验位不正确，请核对';
    return null;
  }
  // the older card: 3-letter country code + 12 digits (2 province, YYMMDD birth date, sequence and check)
  if (/^[A-Z]{3}\d{12}$/.test(n)) {
    const [m, d] = [Number(n.slice(7, 9)), Number(n.slice(9, 11))];
    return isDate(2000, m, d) ? null : '外国人永久居留身份证号码（旧版）中的出生日期无效';
  }
  return '外国人永久居留身份证号码应为18位（2017年版，以9开头）或15位（旧版，3个字母加12位数字）';
}

// 回乡证: H (Hong Kong) or M (Macau) and 8 digits, the older card 10 digits
function hkMacauTravelPermit(n: string): string | null {
  return /^[HM]\d{8}(\d{2})?$/.test(n) ? null : '港澳居民来往内地通行证号码应以H（香港）或M（澳门）开头，后接8位或10位数字';
}

// 台胞证: 8 digits since 2015, the older booklet 10 digits with an optional letter
function taiwanTravelPermit(n: string): string | null {
  return /^(\d{8}|\d{10}[A-Z]?)$/.test(n) ? null : '台湾居民来往大陆通行证号码应为8位数字（2015年起的卡式证件）或10位数字（旧版）';
}

// the permit's number as printed on the card (format only: the issuing system is not reachable from here)
function foreignWorkPermit(n: string): string | null {
  return /^[A-Z0-9]{9,20}$/.test(n) ? null : '外国人工作许可证号码应为9至20位大写字母或数字';
}

// issued by a region or city under its own numbering: letters and digits only
function talentResidencePermit(n: string): string | null {
  return /^[A-Z0-9]{6,20}$/.test(n) ? null : '海外高层次人才居住证号码应为6至20位大写字母或数字';
}

function passport(n: string): string | null {
  return /^[A-Z0-9]{5,17}$/.test(n) ? null : '护照号码应为5至17位英文字母或数字';
}

const CHECKS: Record<IdDocumentType, (n: string) => string | null> = {
  居民身份证: residentId,
  港澳居民来往内地通行证: hkMacauTravelPermit,
  台湾居民来往大陆通行证: taiwanTravelPermit,
  港澳台居民居住证: hkMacauTaiwanPermit,
  外国人工作许可证: foreignWorkPermit,
  外国人永久居留身份证: foreignPermanentResident,
  海外高层次人才居住证: talentResidencePermit,
  护照: passport,
};

/**
 * A2: the documents a person registers and applies with: residents, Hong Kong, Macau and Taiwan residents, and
 * foreigners with a work permit, permanent residence or a high-level talent residence permit (a passport alone is
 * no permit to work here)
 */
export const REGISTRATION_DOCUMENT_TYPES: readonly IdDocumentType[] = ID_DOCUMENT_TYPES.filter((t) => t !== '护照');

/** why a document type is refused for registration, or null */
export function registrationDocumentProblem(type: string): string | null {
  if ((REGISTRATION_DOCUMENT_TYPES as readonly string[]).includes(type)) return null;
  return `不能以「${type}」注册：可申报人员为居民，港澳台专业技术人才，以及持外国人工作许可证、外国人永久居留身份证或海外高层次人才居住证的外籍人员；请选择${REGISTRATION_DOCUMENT_TYPES.join('、')}之一`;
}

/**
 * every identity-document number shown masked the same way (个人信息保护): at most the first six and the last four
 * characters, never more than half of a short number
 */
export function maskDocumentNumber(raw: string): string {
  const s = raw.trim();
  if (s.length === 0) return '';
  const keep = s.length >= 18 ? { head: 6, tail: 4 } : { head: Math.min(6, Math.floor(s.length / 4)), tail: Math.min(4, Math.floor(s.length / 4)) };
  return `${s.slice(0, keep.head)}${'*'.repeat(s.length - keep.head - keep.tail)}${s.slice(s.length - keep.tail)}`;
}

export const isIdDocumentType = (t: unknown): t is IdDocumentType => typeof t === 'string' && (ID_DOCUMENT_TYPES as readonly string[]).includes(t);

/** why `number` is not a valid number of a document of `type` (Chinese), or null. Letters are compared in upper case. */
export function checkIdDocument(type: IdDocumentType, number: string): string | null {
  return CHECKS[type](number.trim().toUpperCase());
}

/** the check of a field's value {docType, number}; incomplete values are left to `required` */
export function idDocumentProblem(value: unknown): { prop: string; message: string } | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  const type = v[ID_DOCUMENT_PROPS.type];
  const number = v[ID_DOCUMENT_PROPS.number];
  if (!isIdDocumentType(type) || typeof number !== 'string' || number === '') return null;
  const message = checkIdDocument(type, number);
  return message === null ? null : { prop: ID_DOCUMENT_PROPS.number, message };
}
