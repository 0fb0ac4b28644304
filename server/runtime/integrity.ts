// G3: fraud is recorded in the person's integrity file for a number of years (3 by the notice),
// which blocks new applications through the levels' rules, and a title obtained by it is revoked:
// its e-certificate then verifies as revoked.
import { fail, ok, type Result } from '../domain/result.js';
import type { Application, User } from '../domain/schema-types.gen.js';
import { audit, saveNext, today, type AppDeps } from './applications/deps.js';

export interface FraudRecord {
  userId: string;
  reason: string;
  years: number;
  /** the application whose title is revoked, if any */
  revokeApplicationId?: string;
}

/** the same day `years` later (29 February falls back to 28 February) */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y + years, m - 1, d));
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

export async function recordFraud(d: AppDeps, actor: User, rec: FraudRecord): Promise<Result<{ user: User; application: Application | null }>> {
  const person = await d.store.getUser(rec.userId);
  if (!person) return fail('user.not_found', '该人员不存在');
  let revoked: Application | null = null;
  if (rec.revokeApplicationId) {
    const app = await d.store.getApplication(rec.revokeApplicationId);
    if (!app || app.applicantId !== person.id) return fail('application.not_found', '该人员没有这份申报');
    if (!app.certificate) return fail('certificate.none', '这份申报尚未取得职称证书，无需撤销');
    if (app.status !== 'revoked') {
      const certificate = { ...app.certificate, revokedAt: d.clock.now(), revokedReason: rec.reason };
      const saved = await saveNext(d, app, { ...app, status: 'revoked', certificate }, audit(d, actor.id, 'certificate.revoke', app, { status: app.status }, { status: 'revoked', reason: rec.reason }));
      if (!saved.ok) return saved;
      revoked = saved.value;
    }
  }
  const until = addYears(today(d), rec.years);
  const facts = { ...(person.facts ?? {}), integrityUntil: until };
  const next: User = { ...person, version: person.version + 1, facts };
  const res = await d.store.updateUser(next, person.version, [
    { at: d.clock.now(), actor: actor.id, action: 'integrity.record', target: { type: 'user', id: person.id }, before: { integrityUntil: person.facts?.integrityUntil ?? null }, after: { integrityUntil: until, reason: rec.reason } },
  ]);
  if (!res.ok) return fail('user.conflict', '该人员信息刚被修改，请重试');
  return ok({ user: next, application: revoked });
}
