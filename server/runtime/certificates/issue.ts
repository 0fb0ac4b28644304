// Builds and signs an application's certificate document on issue: the names come from the definitions the
// application is pinned to (level, series, committees), the restriction from the path's configuration (D12).
import { buildCertificateDocument } from '../../domain/certificates/document.js';
import { fillBasis, formText } from '../../domain/certificates/from-form.js';
import { signDocument, type SignedCertificate, type SigningKey } from '../../domain/certificates/signature.js';
import { shanghaiDate } from '../../domain/calendar/due.js';
import type { Application, CommitteeList, LevelDefinition, Series } from '../../domain/schema-types.gen.js';
import type { Store } from '../../store/port.js';

type Paths = LevelDefinition['rules']['paths'];

/** the restriction configured on the path the application took, if that path is written in the level itself */
function restrictionOf(paths: Paths, pathId: string | undefined): string | undefined {
  for (const p of paths) if ('id' in p && p.id === pathId) return p.certificateRestriction;
  return undefined;
}

export async function signedCertificateFor(
  store: Store,
  app: Application,
  cert: { number: string; issuedAt: string },
  key: SigningKey,
): Promise<SignedCertificate> {
  const level = (await store.getDefinition<LevelDefinition>('level', app.levelKey, app.pinned.level))?.body;
  const series = (await store.getDefinition<Series>('series', app.seriesKey, 'latest'))?.body;
  const committees = (await store.getDefinition<CommitteeList>('committees', 'committees', 'latest'))?.body;
  const idNumber = app.form['idNumber'];
  // F8: a confirmed title is the original certificate's, named in the form; F9: a socialised committee
  const shown = level?.certificate;
  const committee = committees?.committees.find((c) => c.id === app.committeeId);
  const document = buildCertificateDocument({
    number: cert.number,
    holder: app.applicantName,
    idNumber: typeof idNumber === 'string' ? idNumber : undefined,
    series: (shown?.seriesField ? formText(app.form, shown.seriesField) : undefined) ?? series?.name ?? '',
    grade: level?.grade ?? '',
    title: (shown?.titleField ? formText(app.form, shown.titleField) : undefined) ?? level?.title ?? '',
    committee: committee?.name,
    // issued right after 核准备案: the approval date is the issue date in China
    approvedAt: shanghaiDate(cert.issuedAt) ?? cert.issuedAt.slice(0, 10),
    issuedAt: cert.issuedAt,
    restriction: level ? restrictionOf(level.rules.paths, app.pathId) : undefined,
    basis: shown?.basis ? fillBasis(shown.basis, app.form) : undefined,
    socialised: committee?.socialised === true,
  });
  return signDocument(document, key);
}
