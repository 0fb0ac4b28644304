// Issue 14's 评审备案 (F1) as an exchange event: the filing summary is signed like a certificate document (same key
// ring, canonical JSON), so a receiver checks both the body (X-ZC-Signature) and the summary it keeps.
import { signDocument, type SigningKey } from '../../domain/certificates/signature.js';
import { enqueueExchange, type ExchangeDeps } from './enqueue.js';

export interface FilingSummary {
  /** the filing package's number as the office files it (the subject number of the exchange record) */
  number: string;
  /** 1 when first filed; a corrected filing is the next revision */
  revision: number;
  [fact: string]: unknown;
}

export async function enqueueFilingExchange(deps: ExchangeDeps, summary: FilingSummary, key: SigningKey): Promise<number> {
  const signed = signDocument(summary, key);
  return enqueueExchange(deps, {
    event: 'filing.submitted',
    number: summary.number,
    revision: summary.revision,
    payload: { event: 'filing.submitted', number: summary.number, revision: summary.revision, document: signed.document, signature: signed.signature, kid: signed.kid },
  });
}
