// What a printed certificate says, row by row, in reading order: one list for the PDF and the printable page.
// Pure and browser-safe. Dates are China dates, like the approval date.
import { shanghaiDate } from '../calendar/due.js';
import type { CertificateDocument } from './document.js';

export const CERTIFICATE_TITLE = '专业技术职务任职资格证书';

/** the rows; optional facts (D12 restriction, F8 basis, F9 validity, G3 revocation) only when present */
export function certificateRows(doc: CertificateDocument, status: string): [string, string][] {
  const optional = (label: string, value: string | undefined): [string, string][] => (value ? [[label, value]] : []);
  return [
    ['姓　　名', doc.holder],
    ['身份证号', doc.idNumber],
    ['职称系列', doc.series],
    ['资格级别', doc.grade],
    ['资格名称', doc.title],
    ['评审（认定）机构', doc.committee],
    ...optional('取得方式', doc.basis),
    ['核准日期', doc.approvedAt],
    ['证书编号', doc.number],
    ...optional('使用范围', doc.restriction),
    ...optional('有效范围', doc.validity),
    ['证书状态', status],
    ...optional('撤销日期', doc.revokedAt ? (shanghaiDate(doc.revokedAt) ?? doc.revokedAt.slice(0, 10)) : undefined),
  ];
}
