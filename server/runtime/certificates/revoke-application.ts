// G3: revoking an application's certificate in one audited write: status revoked, the reason kept on the
// application, and a new signed revision of the certificate document that says 已撤销 (the holder's file then is
// the revoked one; the old revision moves to the history). Then the revocation is queued for the data exchange.
import { REVOKED_FOR_FRAUD, revisionOf, revokedRevision } from '../../domain/certificates/revoked-revision.js';
import type { CertificateDocument } from '../../domain/certificates/document.js';
import { signDocument, type SigningKey } from '../../domain/certificates/signature.js';
import { ok, type Result } from '../../domain/result.js';
import type { Application, User } from '../../domain/schema-types.gen.js';
import { audit, saveNext, type AppDeps } from '../applications/deps.js';
import { enqueueCertificateExchange, type ExchangeDeps } from '../exchange/enqueue.js';
import { certificateKeyRing } from './key-ring.js';

type Certificate = NonNullable<Application['certificate']>;

/** the certificate after revocation: reason and time recorded, the signed file re-signed with the current key */
export function revokedCertificate(cert: Certificate, at: string, reason: string, key: SigningKey): Certificate {
  const base = { ...cert, revokedAt: at, revokedReason: reason };
  // a certificate issued before signing existed has no file to re-sign
  if (!cert.signed) return base;
  const document = revokedRevision(cert.signed.document as unknown as CertificateDocument, at, REVOKED_FOR_FRAUD);
  const signed = signDocument(document, key);
  return { ...base, signed, history: [...(cert.history ?? []), cert.signed] };
}

export type RevokeDeps = AppDeps & Pick<ExchangeDeps, 'exchangeEndpoints'>;

/** revokes once; a second call changes nothing but queues the push again (the outbox ignores a duplicate) */
export async function revokeApplicationCertificate(d: RevokeDeps, actor: User, app: Application & { certificate: Certificate }, reason: string): Promise<Result<Application>> {
  let revoked: Application = app;
  if (app.status !== 'revoked') {
    const certificate = revokedCertificate(app.certificate, d.clock.now(), reason, certificateKeyRing().current);
    const revision = certificate.signed ? revisionOf(certificate.signed.document as Partial<CertificateDocument>) : undefined;
    const entry = audit(d, actor.id, 'certificate.revoke', app, { status: app.status }, { status: 'revoked', reason, ...(revision ? { revision } : {}) });
    const saved = await saveNext(d, app, { ...app, status: 'revoked', certificate }, entry);
    if (!saved.ok) return saved;
    revoked = saved.value;
  }
  await enqueueCertificateExchange({ store: d.store, clock: d.clock, exchangeEndpoints: d.exchangeEndpoints }, revoked, 'certificate.revoked');
  return ok(revoked);
}
