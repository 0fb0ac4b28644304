// The certificate document that is signed on issue: only what a verifier needs, in the words people read
// (names, not keys), the ID number masked. Pure: every fact is an argument.

/** 有效 at issue, or 受限 when the title may be used only within a restriction (D12) */
export type IssuedStatus = '有效' | '受限';

export interface CertificateDocument {
  /** document format version: a verifier refuses formats it does not know */
  format: 1;
  number: string;
  holder: string;
  /** e.g. 1501**********123X: never the full number */
  idNumber: string;
  series: string;
  grade: string;
  title: string;
  committee: string;
  /** YYYY-MM-DD, China time */
  approvedAt: string;
  issuedAt: string;
  restriction?: string;
  /** F8: how the title was obtained, e.g. 职称确认（原发证机关：…） */
  basis?: string;
  /** F9: 全区范围内有效 for a socialised committee's certificate */
  validity?: string;
  status: IssuedStatus | '已撤销';
  /** 1 at issue (absent on the first format-1 documents); each re-signing adds 1 */
  revision?: number;
  /** set on the revision signed when the certificate is revoked (G3) */
  revokedAt?: string;
  /** why, as a category only (e.g. 弄虚作假): the administrator's own words stay on the application */
  revokedFor?: string;
}

export interface CertificateFacts {
  number: string;
  holder: string;
  idNumber: string | undefined;
  series: string;
  grade: string;
  title: string;
  committee: string | undefined;
  approvedAt: string;
  issuedAt: string;
  restriction: string | undefined;
  basis?: string | undefined;
  /** the committee reviews as a socialised body (F9) */
  socialised?: boolean | undefined;
}

/** keeps the first 4 and last 4 characters: region and check digit, nothing that identifies the person */
export function maskIdNumber(id: string | undefined): string {
  const s = (id ?? '').trim();
  if (s.length <= 8) return '*'.repeat(s.length);
  return `${s.slice(0, 4)}${'*'.repeat(s.length - 8)}${s.slice(-4)}`;
}

/** F9: what a socialised committee's certificate says of where it is valid */
export const REGION_WIDE = '全区范围内有效';

export function buildCertificateDocument(f: CertificateFacts): CertificateDocument {
  const restriction = f.restriction?.trim();
  return {
    format: 1,
    number: f.number,
    holder: f.holder,
    idNumber: maskIdNumber(f.idNumber),
    series: f.series,
    grade: f.grade,
    title: f.title,
    // a title obtained by assessment (考核认定) has no committee
    // … and a title confirmed from elsewhere (F8) was reviewed by the body its basis line names
    committee: f.committee ?? (f.basis?.trim() ? '职称确认' : '考核认定'),
    approvedAt: f.approvedAt,
    issuedAt: f.issuedAt,
    ...(restriction ? { restriction } : {}),
    ...(f.basis?.trim() ? { basis: f.basis.trim() } : {}),
    ...(f.socialised ? { validity: REGION_WIDE } : {}),
    status: restriction ? '受限' : '有效',
  };
}
