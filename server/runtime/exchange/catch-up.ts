// Queues what a crash may have left unqueued: issue and revocation are queued in a second write after the
// application's own, so on start every certified or revoked application is offered to the outbox again. The insert
// is idempotent (a record present is left alone), so this only adds what is missing — including, for a platform
// configured later, the certificates issued before it was (the platforms want the whole register).
import type { Application } from '../../domain/schema-types.gen.js';
import { enqueueCertificateExchange, type ExchangeDeps } from './enqueue.js';

const PAGE = 200;

/** the event an application's certificate stands at now: its revocation once revoked, else its issue */
const eventOf = (app: Application): 'certificate.issued' | 'certificate.revoked' => (app.certificate?.revokedAt ? 'certificate.revoked' : 'certificate.issued');

export async function queueMissedCertificates(deps: ExchangeDeps): Promise<number> {
  if ((deps.exchangeEndpoints ?? []).length === 0) return 0;
  let queued = 0;
  for (const status of ['certified', 'revoked'] as const) {
    for (let offset = 0; ; offset += PAGE) {
      const page = await deps.store.listApplications({ status, offset, limit: PAGE });
      for (const app of page.items) if (app.certificate?.signed) queued += await enqueueCertificateExchange(deps, app, eventOf(app));
      if (offset + PAGE >= page.total || page.items.length === 0) break;
    }
  }
  return queued;
}
