// G3: the certificate document re-signed on revocation says so itself: the same content, status 已撤销, the next
// revision, when and for what category. A verifier holding only this file and the public keys then sees 已撤销.
import type { CertificateDocument } from './document.js';

/** the only category the revoke route records today: a title obtained by fraud */
export const REVOKED_FOR_FRAUD = '弄虚作假';

export function revisionOf(document: Partial<CertificateDocument>): number {
  return typeof document.revision === 'number' && document.revision >= 1 ? document.revision : 1;
}

export function revokedRevision(document: CertificateDocument, revokedAt: string, revokedFor: string): CertificateDocument {
  return { ...document, status: '已撤销', revision: revisionOf(document) + 1, revokedAt, revokedFor };
}
