// G3 by certificate number: the administrator names the certificate and the reason; the holder's title is revoked
// (re-signed as 已撤销, see revoke-application.ts) and the holder's integrity file blocks new applications for
// `years` (3 by the notice). Moved out of the HTTP plugin so every caller revokes the same way.
import { fail, ok, type Result } from '../../domain/result.js';
import type { User } from '../../domain/schema-types.gen.js';
import { recordFraud } from '../integrity.js';
import type { RevokeDeps } from './revoke-application.js';

export interface RevokeInput {
  number: string;
  reason: string;
  years: number;
}

export interface Revoked {
  number: string;
  status: '已撤销';
  /** YYYY-MM-DD: no new application before then */
  integrityUntil: string;
}

export async function revokeCertificate(d: RevokeDeps, actor: User, input: RevokeInput): Promise<Result<Revoked>> {
  const { items } = await d.store.listApplications({ certificateNumber: input.number, limit: 1 });
  const found = items[0];
  if (!found?.certificate) return fail('certificate.not_found', '没有该编号的电子证书');
  const res = await recordFraud(d, actor, { userId: found.applicantId, reason: input.reason, years: input.years, revokeApplicationId: found.id });
  if (!res.ok) return res;
  return ok({ number: input.number, status: '已撤销', integrityUntil: res.value.user.facts?.integrityUntil ?? '' });
}
